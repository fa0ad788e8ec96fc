import type { HeatmapDimension } from '@firstline/contracts';
import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { apiError, json, makeUser, mockApi, sessionFor, type Handler } from '@/testing/mock-api';
import {
  COHORT_ID,
  cohortReport,
  heatmapItems,
  heatmapReport,
  MODULE_ID,
  OFFICERS,
  trendsReport,
} from '@/testing/report-fixtures';
import { renderApp, resetAppState } from '@/testing/test-utils';

// The report screens load lazy modules (recharts among them); on a busy machine that outlasts the defaults.
configure({ asyncUtilTimeout: 5000 });
vi.setConfig({ testTimeout: 30_000 });

const base = `/api/reports/cohorts/${COHORT_ID}`;
/** The first screen of a run waits for the lazy route and chart modules to compile. */
const LOADED = { timeout: 15_000 };

// Compile the dashboard and the chart (recharts) once, before the clock of any test starts.
beforeAll(async () => {
  await Promise.all([import('./cohort-dashboard'), import('./decision-space-chart'), import('./trend-charts')]);
}, 60_000);

function setup(extra: Record<string, Handler> = {}, url = `/app/reports/cohorts/${COHORT_ID}`) {
  const api = mockApi({
    'POST /api/auth/refresh': () => json(sessionFor(makeUser({ role: 'supervisor', username: 'supervisor1' }))),
    'GET /api/assignments': () =>
      json([
        {
          id: '8d3f0a21-6b5c-4d4e-9f30-000000000009',
          cohort: { id: COHORT_ID, name: 'Islamabad Intake 2026-A' },
          module: {
            id: MODULE_ID,
            versionId: '8d3f0a21-6b5c-4d4e-9f30-000000000002',
            version: 1,
            title: 'Final assessment',
            description: '',
            mode: 'assessment',
            feedback: 'after-finish',
            itemCount: 20,
            timePerItemSeconds: 12,
            moduleTimeSeconds: null,
            passMark: 80,
            attemptsAllowed: 1,
            hasLessons: false,
          },
          opensAt: '2026-11-01T08:00:00Z',
          closesAt: '2026-12-01T00:00:00Z',
        },
      ]),
    [`GET ${base}/officers`]: () => json(cohortReport()),
    [`GET ${base}/heatmap`]: (req) =>
      json(heatmapReport((req.query.get('by') ?? 'featureCategory') as HeatmapDimension)),
    [`GET ${base}/heatmap/items`]: (req) => json(heatmapItems(req.query.get('userId') ?? OFFICERS[0].userId)),
    [`GET ${base}/trends`]: (req) =>
      json(trendsReport(OFFICERS.find((o) => o.userId === req.query.get('userId')) ?? null)),
    ...extra,
  });
  const app = renderApp(url);
  return { api, ...app };
}

const officerNames = () =>
  within(screen.getByTestId('officers-table'))
    .getAllByTestId('officer-row')
    .map((row) => within(row).getByRole('link').textContent);

describe('cohort dashboard', () => {
  beforeEach(resetAppState);

  it('opens with the cohort’s figures and its officers, weakest d′ first', async () => {
    setup();
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Islamabad Intake 2026-A' }, LOADED),
    ).toBeInTheDocument();
    const cards = screen.getByTestId('summary-cards');
    expect(within(cards).getByText('1.34')).toBeInTheDocument(); // cohort d′
    expect(within(cards).getByText('11%')).toBeInTheDocument(); // 5 of 44 fraudulent documents accepted
    expect(within(cards).getByText('41%')).toBeInTheDocument(); // 18 of 44 genuine documents referred
    expect(within(cards).getByText('2 / 3')).toBeInTheDocument(); // passed the final assessment
    // the assessment's title stands isolated on a line of its own (a Latin title inside an Urdu sentence)
    expect(within(cards).getByText('Final assessment').tagName).toBe('BDI');
    expect(officerNames()).toEqual(['Bilal Ahmed', 'Ayesha Khan', 'Chand Bibi']);
  });

  it('sorts by a column, worst first on the first click, and never ranks an officer with too few decisions', async () => {
    setup();
    await screen.findByTestId('officers-table', {}, LOADED);
    const header = screen.getByRole('button', { name: /Missed forgeries/ });
    await userEvent.click(header);
    // Ayesha missed 2 of 20 (10 %), Bilal 1 of 20 (5 %); Chand (4 decisions) stays last either way.
    expect(officerNames()).toEqual(['Ayesha Khan', 'Bilal Ahmed', 'Chand Bibi']);
    expect(header.closest('th')).toHaveAttribute('aria-sort', 'descending');
    await userEvent.click(header);
    expect(officerNames()).toEqual(['Bilal Ahmed', 'Ayesha Khan', 'Chand Bibi']);
    expect(header.closest('th')).toHaveAttribute('aria-sort', 'ascending');
    await userEvent.click(screen.getByRole('button', { name: /Decisions/ }));
    expect(officerNames()).toEqual(['Chand Bibi', 'Ayesha Khan', 'Bilal Ahmed']);
  });

  it('marks the officer with too few decisions to judge, in the table and on the chart', async () => {
    setup();
    await screen.findByTestId('officers-table', {}, LOADED);
    const rows = screen.getAllByTestId('officer-row');
    const chand = rows.find((r) => within(r).queryByText('Chand Bibi'))!;
    expect(within(chand).getByTestId('too-few')).toHaveTextContent('Too few decisions to judge');
    expect(rows.filter((r) => within(r).queryByTestId('too-few'))).toHaveLength(1);
    expect(within(chand).getByRole('link', { name: 'Chand Bibi' })).toHaveAttribute(
      'href',
      `/app/reports/officers/${OFFICERS[2].userId}?cohortId=${COHORT_ID}`,
    );
    // The chart's text alternative names the same officer as not judged.
    expect(
      await screen.findByRole('rowheader', { name: 'Chand Bibi (Too few decisions to judge)' }),
    ).toBeInTheDocument();
  });

  it('switches the heatmap between dimensions, with localized column labels and empty cells left empty', async () => {
    const { api, router } = setup();
    await userEvent.click(await screen.findByRole('tab', { name: 'Weak spots' }, LOADED));
    const heatmap = await screen.findByTestId('heatmap');
    expect(within(heatmap).getByRole('columnheader', { name: 'Security inks' })).toBeInTheDocument();
    // Substrate has no items for anyone: its cells hold no button.
    expect(within(heatmap).queryAllByRole('button', { name: /Substrate/ })).toHaveLength(0);
    expect(within(heatmap).getAllByText('No items').length).toBe(4);

    await userEvent.click(screen.getByRole('button', { name: 'Light' }));
    expect(
      await within(await screen.findByTestId('heatmap')).findByRole('columnheader', { name: 'UV 365 nm' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Light' })).toHaveAttribute('aria-pressed', 'true');
    expect(api.called(`GET ${base}/heatmap`).map((c) => c.query.get('by'))).toEqual(['featureCategory', 'light']);
    expect(router.state.location.search).toContain('by=light');
  });

  it('a heatmap cell opens the items behind it, each linking to the attempt’s review', async () => {
    const { api } = setup({}, `/app/reports/cohorts/${COHORT_ID}?view=heatmap`);
    const cell = await screen.findByRole(
      'button',
      { name: '88% correct; 8 items: Ayesha Khan, Security inks' },
      LOADED,
    );
    expect(cell.querySelector('.fl-heat__value')).toHaveTextContent('88%');
    expect(cell.querySelector('.fl-heat__n')).toHaveTextContent('8');
    await userEvent.click(cell);
    const dialog = await screen.findByRole('dialog', { name: 'Items of Ayesha Khan — Security inks' });
    expect(await within(dialog).findByText('Utopia passport — UV ink missing')).toBeInTheDocument();
    expect(within(dialog).getByRole('link', { name: 'Open review' })).toHaveAttribute(
      'href',
      expect.stringMatching(/^\/app\/reports\/attempts\/[0-9a-f-]+\?officer=[0-9a-f-]+&item=4$/),
    );
    const [call] = api.called(`GET ${base}/heatmap/items`);
    expect(Object.fromEntries(call.query)).toEqual({
      by: 'featureCategory',
      key: 'security-inks',
      userId: OFFICERS[0].userId,
    });
  });

  it('overlays an officer’s weekly line on the cohort’s trends', async () => {
    const { api } = setup({}, `/app/reports/cohorts/${COHORT_ID}?view=trends`);
    await screen.findByRole('combobox', { name: 'Compare with an officer' }, LOADED);
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Compare with an officer' }), 'Ayesha Khan');
    await waitFor(() => expect(api.called(`GET ${base}/trends`).at(-1)?.query.get('userId')).toBe(OFFICERS[0].userId));
    const table = await screen.findByTestId('trend-table');
    await waitFor(() => expect(within(table).getByRole('columnheader', { name: 'Ayesha Khan' })).toBeInTheDocument());
  });

  it('sends the module filter from the URL and keeps it when the tab changes', async () => {
    const { api, router } = setup({}, `/app/reports/cohorts/${COHORT_ID}?moduleId=${MODULE_ID}`);
    await screen.findByTestId('officers-table', {}, LOADED);
    expect(api.called(`GET ${base}/officers`)[0].query.get('moduleId')).toBe(MODULE_ID);
    expect(screen.getByRole('combobox', { name: 'Module' })).toHaveValue(MODULE_ID);
    await userEvent.click(screen.getByRole('tab', { name: 'Weak spots' }));
    await screen.findByTestId('heatmap');
    expect(api.called(`GET ${base}/heatmap`)[0].query.get('moduleId')).toBe(MODULE_ID);
    expect(router.state.location.search).toContain(`moduleId=${MODULE_ID}`);
  });

  it('asks for nothing while the date range ends before it starts, and says why', async () => {
    const { api } = setup({}, `/app/reports/cohorts/${COHORT_ID}?from=2026-11-20&to=2026-11-01`);
    expect(await screen.findByRole('alert', {}, LOADED)).toHaveTextContent('The start date is after the end date');
    expect(api.called(`GET ${base}/officers`)).toHaveLength(0);
  });
});

describe('exports', () => {
  beforeEach(resetAppState);

  it('downloads the officers CSV with the session’s token and the dashboard’s filters', async () => {
    const createObjectURL = vi.fn(() => 'blob:officers');
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() }));
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const { api } = setup(
      {
        [`GET ${base}/officers.csv`]: () => ({
          status: 200,
          body: 'name,decisions',
          headers: { 'Content-Disposition': 'attachment; filename="islamabad-officers.csv"' },
        }),
      },
      `/app/reports/cohorts/${COHORT_ID}?from=2026-11-01`,
    );
    await screen.findByTestId('officers-table', {}, LOADED);
    await userEvent.click(screen.getByRole('button', { name: 'Download CSV' }));
    await waitFor(() => expect(click).toHaveBeenCalledOnce());
    const [call] = api.called(`GET ${base}/officers.csv`);
    expect(call.headers.get('Authorization')).toBe('Bearer token-supervisor1');
    expect(call.query.get('from')).toBe('2026-11-01');
    expect((click.mock.instances[0] as unknown as HTMLAnchorElement).download).toBe('islamabad-officers.csv');
  });

  it('shows the server’s own words when the PDF cannot be made (no Chromium: 503)', async () => {
    // The API's words (apps/api/src/reports/pdf/chromium-locator.ts).
    const message =
      'PDF export needs Chromium, which was not found (looked for /usr/bin/chromium, /usr/bin/chromium-browser, ' +
      '/usr/bin/google-chrome). Install it (on Debian or Ubuntu: apt-get install chromium), or set CHROMIUM_PATH to a ' +
      'Chromium or Chrome executable. CSV exports and the report screens work without it.';
    const { api } = setup({
      [`GET ${base}/report.pdf`]: () => ({
        status: 503,
        body: { statusCode: 503, error: 'Service Unavailable', message },
      }),
    });
    await screen.findByTestId('officers-table', {}, LOADED);
    await userEvent.click(screen.getByRole('button', { name: 'Cohort report (PDF)' }));
    expect(await screen.findByTestId('export-error')).toHaveTextContent(message);
    // The PDF is written in the reader's language.
    expect(api.called(`GET ${base}/report.pdf`)[0].query.get('lang')).toBe('en');
  });

  it('says in plain words when an export is refused', async () => {
    setup({ [`GET ${base}/officers.csv`]: () => apiError(403, 'Not your cohort') });
    await screen.findByTestId('officers-table', {}, LOADED);
    await userEvent.click(screen.getByRole('button', { name: 'Download CSV' }));
    expect(await screen.findByTestId('export-error')).toHaveTextContent('You do not have permission');
  });
});

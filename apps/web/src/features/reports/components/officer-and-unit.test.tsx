// The officer profile and the unit roll-up through the real routes (fetch mocked).
import { configure, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { json, makeUser, mockApi, sessionFor, type Handler } from '@/testing/mock-api';
import { COHORT_ID, officerReport, OFFICERS, UNIT_ID, unitReport } from '@/testing/report-fixtures';
import { renderApp, resetAppState } from '@/testing/test-utils';

// The report screens load lazy modules (recharts among them); on a busy machine that outlasts the defaults.
configure({ asyncUtilTimeout: 5000 });
vi.setConfig({ testTimeout: 30_000 });

const LOADED = { timeout: 15_000 };
const officer = OFFICERS[0];

beforeAll(async () => {
  await Promise.all([
    import('./officer-profile'),
    import('./unit-rollup'),
    import('./trend-charts'),
    import('./unit-cohort-charts'),
  ]);
}, 60_000);

function signedIn(handlers: Record<string, Handler>) {
  return mockApi({
    'POST /api/auth/refresh': () => json(sessionFor(makeUser({ role: 'supervisor', username: 'supervisor1' }))),
    'GET /api/assignments': () => json([]),
    ...handlers,
  });
}

describe('officer profile', () => {
  beforeEach(resetAppState);

  it('shows the officer’s figures, weak spots, breakdown and attempts, each attempt opening its review', async () => {
    const api = signedIn({ [`GET /api/reports/officers/${officer.userId}`]: () => json(officerReport()) });
    renderApp(`/app/reports/officers/${officer.userId}?cohortId=${COHORT_ID}&from=2026-11-01`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Ayesha Khan' }, LOADED)).toBeInTheDocument();
    expect(api.called(`GET /api/reports/officers/${officer.userId}`)[0].query.toString()).toBe(
      `from=2026-11-01&cohortId=${COHORT_ID}`,
    );
    const figures = screen.getByTestId('officer-figures');
    expect(within(figures).getByText('10%')).toBeInTheDocument(); // 2 of 20 fraudulent documents accepted
    expect(within(figures).getByText('2 of 20 fraudulent documents accepted')).toBeInTheDocument();
    expect(within(figures).getByText('2.28')).toBeInTheDocument();
    expect(within(figures).getByText('82%')).toBeInTheDocument(); // best score
    expect(within(figures).getByText('latest 76% · last active 20 Nov 2026')).toBeInTheDocument();
    expect(screen.getByTestId('weak-spots')).toHaveTextContent('Personalisation');
    expect(screen.getByTestId('weak-spots')).toHaveTextContent('40% correct (2 of 5)');
    expect(
      within(screen.getByTestId('breakdown')).getByRole('rowheader', { name: 'Security inks' }),
    ).toBeInTheDocument();
    const attempts = screen.getByRole('table', { name: 'Attempts' });
    expect(within(attempts).getByRole('link', { name: 'Open review' })).toHaveAttribute(
      'href',
      expect.stringMatching(new RegExp(`^/app/reports/attempts/[0-9a-f-]+\\?officer=${officer.userId}$`)),
    );
    // Opened from the cohort's dashboard: back to it, with the same dates.
    expect(screen.getByRole('link', { name: 'Back to the cohort' })).toHaveAttribute(
      'href',
      `/app/reports/cohorts/${COHORT_ID}?from=2026-11-01`,
    );
    expect(screen.getByRole('button', { name: 'Transcript (PDF)' })).toBeInTheDocument();
  });

  it('warns that an officer with too few decisions cannot be judged yet', async () => {
    const newcomer = OFFICERS[2];
    signedIn({ [`GET /api/reports/officers/${newcomer.userId}`]: () => json(officerReport(newcomer)) });
    renderApp(`/app/reports/officers/${newcomer.userId}`);
    await screen.findByRole('heading', { level: 1, name: 'Chand Bibi' }, LOADED);
    expect(
      screen.getByText('8 decisions so far; at least 20 are needed before these figures can be trusted.'),
    ).toBeInTheDocument();
  });
});

describe('unit roll-up', () => {
  beforeEach(resetAppState);

  it('puts readiness first and the cohorts side by side, each opening its dashboard', async () => {
    const api = signedIn({ [`GET /api/reports/units/${UNIT_ID}`]: () => json(unitReport()) });
    renderApp(`/app/reports/units/${UNIT_ID}`);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Islamabad International Airport — Immigration' }, LOADED),
    ).toBeInTheDocument();
    const readiness = screen.getByTestId('readiness');
    expect(within(readiness).getByRole('heading', { name: 'Passed (2)' })).toBeInTheDocument();
    expect(within(readiness).getByRole('heading', { name: 'Overdue (1)' })).toBeInTheDocument();
    const cohorts = screen.getByRole('table', { name: 'Cohorts of Islamabad International Airport — Immigration' });
    expect(within(cohorts).getByRole('link', { name: 'Islamabad Intake 2026-A' })).toHaveAttribute(
      'href',
      `/app/reports/cohorts/${COHORT_ID}`,
    );
    expect(within(cohorts).getByText('2 / 3')).toBeInTheDocument();

    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Cohort' }), 'Islamabad Intake 2026-A');
    expect(api.called(`GET /api/reports/units/${UNIT_ID}`).at(-1)?.query.get('cohortId')).toBe(COHORT_ID);
  });
});

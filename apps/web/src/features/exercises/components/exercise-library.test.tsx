import type { ExerciseSummary } from '@firstline/contracts';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { json, makeUser, mockApi, sessionFor, type MockRequest } from '@/testing/mock-api';
import { renderApp, resetAppState } from '@/testing/test-utils';

const summary = (n: number, title: string, over: Partial<ExerciseSummary> = {}): ExerciseSummary => ({
  id: `00000000-0000-4000-8000-00000000000${n}`,
  unitId: null,
  versionId: `00000000-0000-4000-8000-00000000010${n}`,
  version: 1,
  title,
  issuingState: 'UTO',
  documentType: 'TD3',
  difficulty: 2,
  tags: [],
  verdict: 'fraudulent',
  fraudType: 'counterfeit',
  responseCount: 0,
  exposures: 0,
  useCount: 7,
  retiredAt: null,
  updatedAt: '2026-12-01T08:00:00Z',
  facility: null,
  ...over,
});
const active = summary(1, 'UTO passport — reproduction', { facility: 0.245, exposures: 4 });
const retired = summary(2, 'UTO ID — old photo', { retiredAt: '2026-12-02T08:00:00Z', documentType: 'TD1' });

function setup() {
  const lists: MockRequest[] = [];
  const api = mockApi({
    'POST /api/auth/refresh': () => json(sessionFor(makeUser({ role: 'instructor' }))),
    'GET /api/exercises': (req) => {
      lists.push(req);
      const items = req.query.get('includeRetired') === 'true' ? [active, retired] : [active];
      return json({ items, total: items.length, limit: 25, offset: 0 });
    },
    [`POST /api/exercises/${active.id}/retire`]: () =>
      json({
        ...active,
        retiredAt: '2026-12-03T08:00:00Z',
        specimenId: null,
        parts: { locate: null, fraudType: true, features: false, mrz: false },
        images: [],
        travellerAssetId: null,
        mrz: [],
        featureOptions: [],
        context: null,
        truth: { verdict: 'fraudulent', fraudType: 'counterfeit', regions: [], explanation: 'A copy.' },
        modules: [],
      }),
  });
  renderApp('/app/exercises');
  const lastQuery = () => Object.fromEntries(lists[lists.length - 1].query);
  return { api, lastQuery };
}

describe('exercise library', () => {
  beforeEach(resetAppState);

  it('lists exercises with their use count; filters go to the API as its query', async () => {
    const { lastQuery } = setup();
    const row = (await screen.findByRole('link', { name: active.title })).closest('tr') as HTMLElement;
    expect(within(row).getByText('7')).toBeInTheDocument();
    expect(lastQuery()).toEqual({ limit: '25', offset: '0' });
    await userEvent.selectOptions(screen.getByLabelText('Fraud type'), 'counterfeit');
    await userEvent.selectOptions(screen.getByLabelText('Document type'), 'TD3');
    await userEvent.selectOptions(screen.getByLabelText('Difficulty'), '2');
    await userEvent.type(screen.getByLabelText('Issuing state'), 'uto');
    await waitFor(() =>
      expect(lastQuery()).toEqual({
        limit: '25',
        offset: '0',
        fraudType: 'counterfeit',
        documentType: 'TD3',
        difficulty: '2',
        issuingState: 'UTO',
      }),
    );
  });

  it('shows how many officers have seen each document’s truth, in words on hover', async () => {
    setup();
    const table = (await screen.findByRole('link', { name: active.title })).closest('table') as HTMLElement;
    expect(within(table).getByRole('columnheader', { name: 'Seen by' })).toBeInTheDocument();
    const row = within(table).getByRole('link', { name: active.title }).closest('tr') as HTMLElement;
    expect(within(row).getByTitle('4 officers have seen its truth')).toHaveTextContent('4');
  });

  it('shows retired exercises only when asked, marked as retired', async () => {
    setup();
    await screen.findByRole('link', { name: active.title });
    expect(screen.queryByRole('link', { name: retired.title })).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('checkbox', { name: 'Show retired' }));
    const row = (await screen.findByRole('link', { name: retired.title })).closest('tr') as HTMLElement;
    expect(within(row).getByText('Retired')).toBeInTheDocument();
    expect(within(row).getByRole('button', { name: `Restore ${retired.title}` })).toBeInTheDocument();
  });

  it('retires after a confirmation', async () => {
    const { api } = setup();
    await userEvent.click(await screen.findByRole('button', { name: `Retire ${active.title}` }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(/cannot be added to a new module version/)).toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Retire' }));
    await waitFor(() => expect(api.called(`POST /api/exercises/${active.id}/retire`)).toHaveLength(1));
  });

  it('shows the facility with a plain-words tooltip, blank when not analysed; filters and sorts by it', async () => {
    const { lastQuery } = setup();
    const row = (await screen.findByRole('link', { name: active.title })).closest('tr') as HTMLElement;
    expect(within(row).getByText('0.25')).toHaveAttribute('title', expect.stringMatching(/share of the marks/));
    await userEvent.selectOptions(screen.getByLabelText('Facility'), 'hard');
    await waitFor(() => expect(lastQuery()).toMatchObject({ facility: 'hard' }));
    const header = screen.getByRole('button', { name: /^Facility/ });
    await userEvent.click(header);
    await waitFor(() => expect(lastQuery()).toMatchObject({ sort: 'facility' }));
    expect(header.closest('th')).toHaveAttribute('aria-sort', 'ascending');
    await userEvent.click(header);
    await waitFor(() => expect(lastQuery()).toMatchObject({ sort: '-facility' }));
    expect(header.closest('th')).toHaveAttribute('aria-sort', 'descending');
    await userEvent.click(header); // back to by title (that page is cached, so nothing may be asked)
    expect(header.closest('th')).not.toHaveAttribute('aria-sort');
  });

  it('leaves the facility blank for an exercise no analysis has counted', async () => {
    setup();
    await userEvent.click(await screen.findByRole('checkbox', { name: 'Show retired' }));
    const row = (await screen.findByRole('link', { name: retired.title })).closest('tr') as HTMLElement;
    expect(within(row).getByLabelText('Not analysed yet')).toHaveTextContent('–');
  });
});

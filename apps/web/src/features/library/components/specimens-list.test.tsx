import type { SpecimenSummary, SpecimenView, UserView } from '@firstline/contracts';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { json, makeUser, mockApi, sessionFor, type Handler } from '@/testing/mock-api';
import { renderApp, resetAppState } from '@/testing/test-utils';

const summary: SpecimenSummary = {
  id: '6a1d2c3b-4e5f-4a7b-8c9d-000000000001',
  title: 'Utopia passport, 2021 series',
  issuingState: 'UTO',
  documentType: 'TD3',
  series: 'P-2021',
  year: 2021,
  imageCount: 5,
  featureCount: 12,
  thumbnail: '/api/media/s/tok/640.webp',
  updatedAt: '2026-01-12T10:00:00Z',
};
const created: SpecimenView = {
  ...summary,
  id: '6a1d2c3b-4e5f-4a7b-8c9d-000000000002',
  title: 'Utopia ID card',
  documentType: 'TD1',
  series: '',
  year: null,
  imageCount: 0,
  featureCount: 0,
  thumbnail: null,
  description: '',
  images: [],
  features: [],
};

function signedInAs(user: UserView, extra: Record<string, Handler> = {}) {
  return mockApi({
    'POST /api/auth/refresh': () => json(sessionFor(user)),
    'GET /api/specimens': () => json({ items: [summary], total: 1, limit: 25, offset: 0 }),
    ...extra,
  });
}

describe('specimen library', () => {
  beforeEach(resetAppState);

  it('lists specimens with state, type, counts and thumbnail, and filters by document type', async () => {
    const api = signedInAs(makeUser({ role: 'instructor' }));
    renderApp('/app/library');
    const link = await screen.findByRole('link', { name: 'Utopia passport, 2021 series' });
    const row = link.closest('tr')!;
    expect(within(row).getByText('UTO')).toBeInTheDocument();
    expect(within(row).getByText('TD3 — Passport')).toBeInTheDocument();
    expect(within(row).getByText('5')).toBeInTheDocument();
    expect(within(row).getByText('12')).toBeInTheDocument();
    expect(row.querySelector('img')).toHaveAttribute('src', '/api/media/s/tok/640.webp');

    await userEvent.selectOptions(screen.getByLabelText('Document type'), 'TD1');
    await screen.findByRole('link', { name: 'Utopia passport, 2021 series' });
    expect(api.called('GET /api/specimens').at(-1)!.query.get('documentType')).toBe('TD1');
  });

  it('validates the new specimen and opens it once created', async () => {
    const api = signedInAs(makeUser({ role: 'instructor' }), {
      'POST /api/specimens': () => json(created, 201),
      [`GET /api/specimens/${created.id}`]: () => json(created),
    });
    const { router } = renderApp('/app/library');
    await userEvent.click(await screen.findByRole('button', { name: 'New specimen' }));
    const dialog = screen.getByRole('dialog', { name: 'New specimen' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'New specimen' }));
    expect(within(dialog).getByText('Enter a title (up to 160 characters)')).toBeInTheDocument();
    expect(within(dialog).getByText('Enter a three-letter ICAO code, e.g. UTO')).toBeInTheDocument();
    expect(within(dialog).getByText('Choose the document type')).toBeInTheDocument();
    expect(api.called('POST /api/specimens')).toHaveLength(0);

    await userEvent.type(within(dialog).getByLabelText(/^Title/), 'Utopia ID card');
    await userEvent.type(within(dialog).getByLabelText(/^Issuing state/), 'uto');
    await userEvent.selectOptions(within(dialog).getByLabelText(/^Document type/), 'TD1');
    await userEvent.type(within(dialog).getByLabelText(/^Year of issue/), '19');
    await userEvent.click(within(dialog).getByRole('button', { name: 'New specimen' }));
    expect(within(dialog).getByText('Enter a year between 1950 and 2100, or leave it empty')).toBeInTheDocument();
    await userEvent.type(within(dialog).getByLabelText(/^Year of issue/), '99');
    await userEvent.click(within(dialog).getByRole('button', { name: 'New specimen' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Utopia ID card' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe(`/app/library/${created.id}`);
    expect(api.called('POST /api/specimens')[0].body).toEqual({
      title: 'Utopia ID card',
      issuingState: 'UTO',
      documentType: 'TD1',
      series: '',
      year: 1999,
      description: '',
    });
  });

  it('is read-only for supervisors', async () => {
    signedInAs(makeUser({ role: 'supervisor' }));
    renderApp('/app/library');
    expect(await screen.findByRole('link', { name: 'Utopia passport, 2021 series' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'New specimen' })).toBeNull();
  });
});

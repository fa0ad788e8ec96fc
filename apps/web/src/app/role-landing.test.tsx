import type { UserView } from '@firstline/contracts';
import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { apiError, json, makeUser, mockApi, sessionFor } from '@/testing/mock-api';
import { unitReport } from '@/testing/report-fixtures';
import { renderApp, resetAppState } from '@/testing/test-utils';

const unit = {
  id: '9a1f0c9e-2b3c-4d5e-8f90-000000000001',
  name: 'Islamabad Airport Immigration',
  code: 'ISB-IMM',
  userCount: 14,
};
const cohort = {
  id: '5c0d7a3e-8b1f-4c2d-9e3f-000000000001',
  name: 'Batch 2025-A',
  unitId: unit.id,
  unitName: unit.name,
  instructorIds: [],
  memberCount: 12,
  startsOn: '2025-03-01',
  endsOn: '2025-04-30',
};

function signedInAs(user: UserView) {
  return mockApi({
    'POST /api/auth/refresh': () => json(sessionFor(user)),
    'GET /api/me/assignments': () => json([]),
    'GET /api/me/progress': () => json({ attempts: [] }),
    'GET /api/units': () => json([unit]),
    'GET /api/cohorts': () => json([cohort]),
    'GET /api/users': () => json({ items: [user], total: 1, limit: 25, offset: 0 }),
    'GET /api/assignments': () => json([]),
    [`GET /api/reports/units/${unit.id}`]: () => json({ ...unitReport(), unit: { id: unit.id, name: unit.name } }),
  });
}

describe('role → landing page', () => {
  beforeEach(resetAppState);

  it('trainee lands on My training with an empty assignment list', async () => {
    signedInAs(makeUser({ role: 'trainee', displayName: 'Ayesha Khan' }));
    const { router } = renderApp('/');
    expect(await screen.findByRole('heading', { level: 1, name: 'Welcome, Ayesha Khan' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/app/training');
    expect(await screen.findByText('No modules assigned yet')).toBeInTheDocument();
    expect(screen.getAllByText('Islamabad Airport Immigration').length).toBeGreaterThan(0);
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(
      within(nav)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(['My training', 'My progress']);
  });

  it('instructor lands on My cohorts with member counts', async () => {
    signedInAs(makeUser({ role: 'instructor', username: 'instructor1', displayName: 'Imran Qureshi' }));
    const { router } = renderApp('/');
    expect(await screen.findByRole('heading', { level: 1, name: 'My cohorts' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/app/cohorts');
    const row = (await screen.findByRole('link', { name: 'Batch 2025-A' })).closest('tr')!;
    expect(within(row).getByText('12')).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(
      within(nav)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(['My cohorts', 'Reports', 'Import trainees', 'Specimen library', 'Exercises', 'Modules']);
  });

  it('supervisor lands on their unit’s roll-up: who is ready for the desk first, then the cohorts', async () => {
    signedInAs(makeUser({ role: 'supervisor', username: 'supervisor1', displayName: 'Farah Siddiqui' }));
    const { router } = renderApp('/');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Islamabad Airport Immigration' }, { timeout: 10_000 }),
    ).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/app/overview');
    const readiness = screen.getByTestId('readiness');
    expect(within(readiness).getByRole('heading', { name: 'Overdue (1)' })).toBeInTheDocument();
    expect(within(readiness).getByRole('link', { name: 'Bilal Ahmed' })).toBeInTheDocument();
    // The cohorts side by side are charts loaded on demand (recharts): they arrive, with names for screen readers.
    expect(await screen.findAllByRole('img', { name: /of 1 cohort$/ }, { timeout: 15_000 })).toHaveLength(3);
    expect(await screen.findByText('Batch 2025-A')).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(
      within(nav)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(['Units overview', 'Reports', 'Specimen library']);
  }, 30_000);

  it('admin lands on Users and has the admin menu', async () => {
    signedInAs(makeUser({ role: 'admin', username: 'admin', displayName: 'Sana Malik', unitId: null, unitName: null }));
    const { router } = renderApp('/app');
    expect(await screen.findByRole('heading', { level: 1, name: 'Users' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/app/admin/users');
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(
      within(nav)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual([
      'Users',
      'Units',
      'Cohorts',
      'Reports',
      'Import trainees',
      'Specimen library',
      'Exercises',
      'Modules',
      'Audit log',
    ]);
    expect(screen.getByTestId('current-user')).toHaveTextContent('Sana Malik');
    expect(screen.getByTestId('current-user')).toHaveTextContent('Administrator');
  });

  it('a trainee who opens an admin page is told it is not for them', async () => {
    signedInAs(makeUser({ role: 'trainee' }));
    renderApp('/app/admin/users');
    expect(await screen.findByText('You do not have access to this page')).toBeInTheDocument();
  });

  it('when the session ends mid-use, the login page says so and brings the user back afterwards', async () => {
    const admin = makeUser({
      role: 'admin',
      username: 'admin',
      displayName: 'Sana Malik',
      unitId: null,
      unitName: null,
    });
    let refreshes = 0;
    mockApi({
      'POST /api/auth/refresh': () => (++refreshes === 1 ? json(sessionFor(admin)) : apiError(401, 'No session')),
      'GET /api/users': () => apiError(401, 'Token expired'),
      'GET /api/units': () => json([unit]),
    });
    const { router } = renderApp('/app/admin/users');
    expect(await screen.findByText('Your session has ended. Sign in again.')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/login');
    expect(router.state.location.search).toBe('?redirectTo=%2Fapp%2Fadmin%2Fusers');
  });

  it('a supervisor can open a cohort of their unit read-only', async () => {
    signedInAs(makeUser({ role: 'supervisor', username: 'supervisor1', displayName: 'Farah Siddiqui' }));
    const api = mockApi({
      'POST /api/auth/refresh': () => json(sessionFor(makeUser({ role: 'supervisor', username: 'supervisor1' }))),
      'GET /api/cohorts/5c0d7a3e-8b1f-4c2d-9e3f-000000000001': () => json(cohort),
      'GET /api/cohorts/5c0d7a3e-8b1f-4c2d-9e3f-000000000001/members': () =>
        json([makeUser({ displayName: 'Bilal Ahmed' })]),
    });
    renderApp('/app/cohorts/5c0d7a3e-8b1f-4c2d-9e3f-000000000001');
    expect(await screen.findByRole('heading', { level: 1, name: 'Batch 2025-A' })).toBeInTheDocument();
    expect(await screen.findByText('Bilal Ahmed')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Add trainees' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Remove/ })).not.toBeInTheDocument();
    expect(screen.getAllByRole('link', { name: 'Units overview' })).toHaveLength(2); // menu + back link
    expect(api.called('GET /api/users')).toHaveLength(0);
  });

  it('without a session, any app page goes to the login page and remembers where it was', async () => {
    mockApi({ 'POST /api/auth/refresh': () => apiError(401, 'No session') });
    const { router } = renderApp('/app/admin/audit');
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/login');
    expect(router.state.location.search).toBe('?redirectTo=%2Fapp%2Fadmin%2Faudit');
  });
});

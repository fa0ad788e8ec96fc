import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { apiError, json, makeUser, mockApi, sessionFor, type MockReply } from '@/testing/mock-api';
import { renderApp, resetAppState } from '@/testing/test-utils';

const signedOut = { 'POST /api/auth/refresh': () => apiError(401, 'No session') };

describe('login page', () => {
  beforeEach(resetAppState);

  it('asks for both fields before calling the API', async () => {
    const api = mockApi(signedOut);
    renderApp('/login');
    await userEvent.click(await screen.findByRole('button', { name: 'Sign in' }));

    expect(screen.getByText('Enter your username')).toBeInTheDocument();
    expect(screen.getByText('Enter your password')).toBeInTheDocument();
    expect(screen.getByLabelText('Username')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Username')).toHaveFocus();
    expect(api.called('POST /api/auth/login')).toHaveLength(0);

    await userEvent.type(screen.getByLabelText('Username'), 'instructor1');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(screen.queryByText('Enter your username')).not.toBeInTheDocument();
    expect(screen.getByText('Enter your password')).toBeInTheDocument();
  });

  it('shows one message for a wrong username or password, and is disabled while submitting', async () => {
    let answer!: (reply: MockReply) => void;
    const api = mockApi({
      ...signedOut,
      'POST /api/auth/login': () => new Promise<MockReply>((resolve) => (answer = resolve)),
    });
    renderApp('/login');
    await userEvent.type(await screen.findByLabelText('Username'), 'admin');
    await userEvent.type(screen.getByLabelText('Password'), 'not-the-password');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    const busy = await screen.findByRole('button', { name: 'Signing in…' });
    expect(busy).toBeDisabled();
    expect(screen.getByLabelText('Username')).toBeDisabled();
    expect(api.called('POST /api/auth/login')[0].body).toEqual({ username: 'admin', password: 'not-the-password' });

    answer(apiError(401, 'Invalid username or password'));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not sign you in');
    expect(alert).toHaveTextContent('The username or password is incorrect');
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeEnabled();
    expect(screen.getByLabelText('Password')).toHaveValue('');
    expect(screen.getByLabelText('Password')).toHaveFocus();
  });

  it('tells the user how long to wait after too many attempts', async () => {
    mockApi({
      ...signedOut,
      'POST /api/auth/login': () => apiError(429, 'Too many attempts, wait', undefined, { 'Retry-After': '120' }),
    });
    renderApp('/login');
    await userEvent.type(await screen.findByLabelText('Username'), 'admin');
    await userEvent.type(screen.getByLabelText('Password'), 'whatever-it-is');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Wait 2 minutes, then try again.');
  });

  it('signs in and lands on the role’s start page', async () => {
    const admin = makeUser({
      username: 'admin',
      displayName: 'Sana Malik',
      role: 'admin',
      unitId: null,
      unitName: null,
    });
    const api = mockApi({
      ...signedOut,
      'POST /api/auth/login': () => json(sessionFor(admin)),
      'GET /api/users': () => json({ items: [admin], total: 1, limit: 25, offset: 0 }),
      'GET /api/units': () => json([]),
    });
    const { router } = renderApp('/login');
    await userEvent.type(await screen.findByLabelText('Username'), 'admin');
    await userEvent.type(screen.getByLabelText('Password'), 'firstline-demo');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Users' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/app/admin/users');
    await waitFor(() => expect(api.called('GET /api/users').length).toBeGreaterThan(0));
    expect(api.called('GET /api/users')[0].headers.get('Authorization')).toBe('Bearer token-admin');
  });
});

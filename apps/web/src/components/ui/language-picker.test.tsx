import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { apiError, json, makeUser, mockApi, sessionFor } from '@/testing/mock-api';
import { renderApp, resetAppState } from '@/testing/test-utils';

describe('language switch', () => {
  beforeEach(resetAppState);

  it('switches the login page to Urdu, right-to-left', async () => {
    mockApi({ 'POST /api/auth/refresh': () => apiError(401, 'No session') });
    renderApp('/login');
    await screen.findByRole('heading', { level: 1, name: 'Sign in' });
    expect(document.documentElement).toHaveAttribute('dir', 'ltr');

    await userEvent.click(screen.getByRole('button', { name: 'اردو' }));

    expect(document.documentElement).toHaveAttribute('dir', 'rtl');
    expect(document.documentElement).toHaveAttribute('lang', 'ur');
    expect(await screen.findByRole('heading', { level: 1, name: 'سائن اِن' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'اردو' })).toHaveAttribute('aria-pressed', 'true');
    expect(localStorage.getItem('firstline.language')).toBe('ur');

    await userEvent.click(screen.getByRole('button', { name: 'English' }));
    expect(document.documentElement).toHaveAttribute('dir', 'ltr');
  });

  it('saves the choice to the profile when signed in', async () => {
    const trainee = makeUser({ role: 'trainee', language: 'en' });
    const api = mockApi({
      'POST /api/auth/refresh': () => json(sessionFor(trainee)),
      'GET /api/me/assignments': () => apiError(404, 'Not Found'),
      'PATCH /api/auth/me': (req) => json({ ...trainee, ...(req.body as object) }),
    });
    renderApp('/');
    await screen.findByRole('heading', { level: 1, name: `Welcome, ${trainee.displayName}` });

    await userEvent.click(screen.getByRole('button', { name: 'اردو' }));

    expect(document.documentElement).toHaveAttribute('dir', 'rtl');
    await waitFor(() => expect(api.called('PATCH /api/auth/me')).toHaveLength(1));
    expect(api.called('PATCH /api/auth/me')[0].body).toEqual({ language: 'ur' });
    expect(
      await screen.findByRole('heading', { level: 1, name: `خوش آمدید، ${trainee.displayName}` }),
    ).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: 'مرکزی فہرست' })).toHaveTextContent('میری تربیت');
  });

  it('a language picked on the sign-in page is kept after signing in, and saved to the profile', async () => {
    const officer = makeUser({ role: 'trainee', language: 'en' });
    const api = mockApi({
      'POST /api/auth/refresh': () => apiError(401, 'No session'),
      'POST /api/auth/login': () => json(sessionFor(officer)),
      'GET /api/me/assignments': () => json([]),
      'PATCH /api/auth/me': (req) => json({ ...officer, ...(req.body as object) }),
    });
    renderApp('/login');
    await userEvent.click(await screen.findByRole('button', { name: 'اردو' }));
    await userEvent.type(screen.getByLabelText('صارف نام'), 'trainee01');
    await userEvent.type(screen.getByLabelText('پاس ورڈ'), 'firstline-demo');
    await userEvent.click(screen.getByRole('button', { name: 'سائن اِن کریں' }));

    expect(await screen.findByText('ابھی کوئی ماڈیول تفویض نہیں کیا گیا')).toBeInTheDocument();
    expect(document.documentElement).toHaveAttribute('dir', 'rtl');
    await waitFor(() => expect(api.called('PATCH /api/auth/me')).toHaveLength(1));
    expect(api.called('PATCH /api/auth/me')[0].body).toEqual({ language: 'ur' });
  });

  it('starts in the language saved in the user’s profile', async () => {
    const trainee = makeUser({ role: 'trainee', language: 'ur' });
    mockApi({
      'POST /api/auth/refresh': () => json(sessionFor(trainee)),
      'GET /api/me/assignments': () => json([]),
    });
    renderApp('/');
    expect(await screen.findByText('ابھی کوئی ماڈیول تفویض نہیں کیا گیا')).toBeInTheDocument();
    expect(document.documentElement).toHaveAttribute('dir', 'rtl');
  });
});

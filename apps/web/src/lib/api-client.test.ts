import { ErrorBody } from '@firstline/contracts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiError, json, makeUser, mockApi, sessionFor } from '@/testing/mock-api';
import {
  api,
  ApiError,
  contract,
  NetworkError,
  onSessionExpired,
  parseErrorBody,
  refreshSession,
  tokenStore,
} from './api-client';

describe('api client', () => {
  afterEach(() => {
    tokenStore.set(null);
    onSessionExpired(null);
  });

  it('sends the bearer token and returns JSON', async () => {
    tokenStore.set('t1');
    const mock = mockApi({ 'GET /api/units': () => json([]) });
    await expect(api.get('/units')).resolves.toEqual([]);
    expect(mock.calls[0].headers.get('Authorization')).toBe('Bearer t1');
  });

  it('on a 401 refreshes once and retries with the new token', async () => {
    tokenStore.set('expired');
    const user = makeUser();
    const mock = mockApi({
      'GET /api/units': (req) =>
        req.headers.get('Authorization') === 'Bearer token-trainee01' ? json([{ ok: true }]) : apiError(401, 'expired'),
      'POST /api/auth/refresh': () => json(sessionFor(user)),
    });
    await expect(api.get('/units')).resolves.toEqual([{ ok: true }]);
    expect(mock.calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      'GET /api/units',
      'POST /api/auth/refresh',
      'GET /api/units',
    ]);
    expect(tokenStore.get()).toBe('token-trainee01');
  });

  it('when the refresh fails too, drops the token and reports the expired session', async () => {
    tokenStore.set('expired');
    const expired = vi.fn();
    onSessionExpired(expired);
    mockApi({
      'GET /api/users': () => apiError(401, 'expired'),
      'POST /api/auth/refresh': () => apiError(401, 'no session'),
    });
    const err = (await api.get('/users').catch((e: unknown) => e)) as ApiError;
    expect(err).toBeInstanceOf(ApiError);
    expect(err.status).toBe(401);
    expect(expired).toHaveBeenCalledOnce();
    expect(tokenStore.get()).toBeNull();
  });

  it('shares one refresh between concurrent callers (the cookie rotates on each refresh)', async () => {
    const user = makeUser();
    const mock = mockApi({ 'POST /api/auth/refresh': () => json(sessionFor(user)) });
    const [a, b] = await Promise.all([refreshSession(), refreshSession()]);
    expect(a).toEqual(b);
    expect(mock.called('POST /api/auth/refresh')).toHaveLength(1);
  });

  it('keeps the error body, the Retry-After seconds and 204s', async () => {
    mockApi({
      'POST /api/auth/login': () => apiError(429, 'Too many attempts', undefined, { 'Retry-After': '90' }),
      'DELETE /api/units/x': () => ({ status: 204 }),
    });
    const err = (await api.post('/auth/login', {}, { refreshOn401: false }).catch((e) => e)) as ApiError;
    expect(err.status).toBe(429);
    expect(err.retryAfter).toBe(90);
    expect(err.body?.message).toBe('Too many attempts');
    await expect(api.delete('/units/x')).resolves.toBeUndefined();
  });

  it('turns an unreachable server into a NetworkError', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    await expect(api.get('/health')).rejects.toBeInstanceOf(NetworkError);
  });

  it('checks a response against its contract, warning about drift but keeping the data', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const unit = { id: '6f1c2a4e-8b7d-4c3e-9a1f-2b3c4d5e6f70', name: 'Wagah', code: 'WGH', userCount: 3 };
    mockApi({ 'GET /api/units': () => json([unit, { ...unit, userCount: 'three' }]) });
    const units = await api.get('/units', { schema: contract((c, z) => z.array(c.UnitView)) });
    expect(units).toEqual([unit, { ...unit, userCount: 'three' }]);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0][0]).toBe('[api] response of GET /units does not match its contract');

    warn.mockClear();
    mockApi({ 'GET /api/units': () => json([{ ...unit, extra: true }]) });
    await expect(api.get('/units', { schema: contract((c, z) => z.array(c.UnitView)) })).resolves.toEqual([unit]);
    expect(warn).not.toHaveBeenCalled();
  });

  it('leaves the query string out for empty filters', async () => {
    const mock = mockApi({ 'GET /api/users': () => json({ items: [], total: 0, limit: 25, offset: 0 }) });
    await api.get('/users', { params: { q: '', role: undefined, limit: 25, offset: 0 } });
    expect([...mock.calls[0].query.entries()]).toEqual([
      ['limit', '25'],
      ['offset', '0'],
    ]);
  });
});

describe('parseErrorBody', () => {
  const base = { statusCode: 400, error: 'Bad Request', message: 'Invalid request' };
  const bodies: unknown[] = [
    base,
    { ...base, details: { problems: ['light: invalid option'] }, requestId: 'r-1' },
    { ...base, details: null, extra: 'dropped' },
    { ...base, statusCode: 400.5 },
    { ...base, statusCode: 2 ** 53 },
    { ...base, statusCode: '400' },
    { ...base, message: null },
    { ...base, error: undefined },
    { ...base, requestId: null },
    { ...base, requestId: 7 },
    [base],
    null,
    'Bad Request',
    42,
  ];

  it.each(bodies)('reads %j as the ErrorBody schema does', (body) => {
    const parsed = ErrorBody.safeParse(body);
    expect(parseErrorBody(body)).toStrictEqual(parsed.success ? parsed.data : null);
  });
});

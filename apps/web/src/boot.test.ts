// boot.ts starts the session refresh (and, on the quiz player, the attempt, its open item and its first image)
// before the app has loaded; the app must take those over instead of asking again.
import { QueryClient } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ATTEMPT_ID, makeAttempt, makeItem } from '@/testing/attempt-fixtures';
import { apiError, json, makeUser, mockApi, sessionFor } from '@/testing/mock-api';

const images: string[] = [];
class RecordingImage {
  set src(value: string) {
    images.push(value);
  }
}

async function boot(path: string) {
  window.history.pushState({}, '', path);
  vi.resetModules();
  await import('./boot');
  // The app's modules, fresh, as main.tsx would load them after boot.ts ran.
  const { refreshSession, tokenStore } = await import('./lib/api-client');
  const { adoptEarlyPlayer } = await import('./features/attempts/api/early-player');
  return { refreshSession, tokenStore, adoptEarlyPlayer };
}

describe('boot', () => {
  beforeEach(() => {
    vi.stubGlobal('Image', RecordingImage);
  });
  afterEach(() => {
    images.length = 0;
    delete window.__firstlineBoot;
    window.history.pushState({}, '', '/');
  });

  it('on the player: one refresh, then the attempt, its open item and that item’s preview — which the app adopts', async () => {
    const user = makeUser();
    const api = mockApi({
      'POST /api/auth/refresh': () => json(sessionFor(user)),
      [`GET /api/attempts/${ATTEMPT_ID}`]: () => json(makeAttempt({ itemCount: 5, currentItem: 3 })),
      [`GET /api/attempts/${ATTEMPT_ID}/items/3`]: () => json(makeItem(3)),
    });
    const app = await boot(`/app/attempts/${ATTEMPT_ID}`);
    await expect(app.refreshSession()).resolves.toMatchObject({ user: { username: user.username } });
    expect(app.tokenStore.get()).toBe('token-trainee01');
    const queryClient = new QueryClient();
    await app.adoptEarlyPlayer(queryClient);

    expect(api.calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      'POST /api/auth/refresh',
      `GET /api/attempts/${ATTEMPT_ID}`,
      `GET /api/attempts/${ATTEMPT_ID}/items/3`,
    ]);
    expect(api.calls[1].headers.get('Authorization')).toBe('Bearer token-trainee01');
    expect(images).toEqual(['/media/s/item3-visible-640.webp']);
    expect(queryClient.getQueryData(['attempts', ATTEMPT_ID])).toMatchObject({ currentItem: 3 });
    const item = queryClient.getQueryState(['attempts', ATTEMPT_ID, 'items', 3]);
    expect(item?.data).toMatchObject({ n: 3 });
    expect(item?.dataUpdatedAt).toBeGreaterThan(0);
    // The boot refresh is used once: a later refresh asks the server again (the cookie has rotated).
    await app.refreshSession();
    expect(api.called('POST /api/auth/refresh')).toHaveLength(2);
  });

  it('asks for no item of a finished attempt', async () => {
    const api = mockApi({
      'POST /api/auth/refresh': () => json(sessionFor(makeUser())),
      [`GET /api/attempts/${ATTEMPT_ID}`]: () =>
        json(makeAttempt({ status: 'finished', currentItem: 3, itemCount: 2 })),
    });
    const app = await boot(`/app/attempts/${ATTEMPT_ID}`);
    await app.adoptEarlyPlayer(new QueryClient());
    expect(api.calls.map((c) => c.path)).toEqual(['/api/auth/refresh', `/api/attempts/${ATTEMPT_ID}`]);
    expect(images).toEqual([]);
  });

  it('signed out: the refresh answers 401, nothing else is asked, and the app sees no session', async () => {
    const api = mockApi({ 'POST /api/auth/refresh': () => apiError(401, 'no session') });
    const app = await boot(`/app/attempts/${ATTEMPT_ID}`);
    await expect(app.refreshSession()).resolves.toBeNull();
    await app.adoptEarlyPlayer(new QueryClient());
    expect(api.calls.map((c) => c.path)).toEqual(['/api/auth/refresh']);
  });

  it('off the app (the sign-in page) it does nothing', async () => {
    const api = mockApi({});
    await boot('/login');
    expect(window.__firstlineBoot).toBeUndefined();
    expect(api.calls).toEqual([]);
  });
});

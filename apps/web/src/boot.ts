// The first script to run: index.html loads it ahead of the app and it imports nothing, so it is ~1 KB and
// runs after one round trip. On a slow line it asks for the session — and, when the quiz player is opened or
// reloaded, the attempt, its open item and that item's first image — while the app's JavaScript (~150 KB, over a
// second at 1.6 Mbps) is still downloading. The app takes over what it started (lib/api-client.ts refreshSession,
// features/attempts/api/early-player.ts).
//
// The open item is the one the player shows at once (or one already served), so no item's clock starts before
// the trainee reaches it.
import type { AttemptView, ItemPresentation } from '@firstline/contracts';

export interface Early<T> {
  data: T;
  /** When the response arrived (Date.now()), as TanStack Query's dataUpdatedAt. */
  at: number;
}

export interface EarlyPlayer {
  attemptId: string;
  attempt: Early<AttemptView> | null;
  item: Early<ItemPresentation> | null;
}

export interface Boot {
  /** POST /api/auth/refresh, started at once; null if the network failed. Taken once by refreshSession(). */
  refresh: Promise<Response | null> | null;
  player: Promise<EarlyPlayer | null> | null;
}

declare global {
  interface Window {
    __firstlineBoot?: Boot;
  }
}

const PLAYER_PATH = /^\/app\/attempts\/([0-9a-f-]{36})$/;

async function openPlayer(
  attemptId: string,
  session: Promise<{ accessToken?: unknown } | null>,
): Promise<EarlyPlayer | null> {
  const token = (await session)?.accessToken;
  if (typeof token !== 'string') return null;
  const get = async <T>(path: string): Promise<Early<T> | null> => {
    const res = await fetch(`/api${path}`, {
      headers: { Accept: 'application/json', Authorization: `Bearer ${token}` },
    });
    return res.ok ? { data: (await res.json()) as T, at: Date.now() } : null;
  };
  const attempt = await get<AttemptView>(`/attempts/${attemptId}`);
  const attemptView = attempt?.data;
  if (!attemptView || attemptView.status !== 'in-progress' || attemptView.currentItem > attemptView.itemCount)
    return { attemptId, attempt, item: null };
  const item = await get<ItemPresentation>(`/attempts/${attemptId}/items/${attemptView.currentItem}`);
  // The player opens on the first side's first light, whose viewer shows the 640 px preview (AVIF where supported).
  const first = item?.data.sides[0]?.images.find((i) => i.frame === 1);
  const src = first && (first.urls.variants['640.avif'] ?? first.urls.variants['640.webp']);
  if (src) new Image().src = src;
  return { attemptId, attempt, item };
}

if (window.location.pathname.startsWith('/app')) {
  const refresh = fetch('/api/auth/refresh', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { Accept: 'application/json' },
  }).catch(() => null);
  // Read from a clone, registered now: this reaction runs before the app's, which reads the response itself.
  const session = refresh
    .then((res) => (res?.ok ? (res.clone().json() as Promise<{ accessToken?: unknown }>) : null))
    .catch(() => null);
  const attemptId = PLAYER_PATH.exec(window.location.pathname)?.[1];
  window.__firstlineBoot = { refresh, player: attemptId ? openPlayer(attemptId, session).catch(() => null) : null };
}

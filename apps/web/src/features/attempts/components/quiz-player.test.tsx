// The quiz player end to end in jsdom: real routes, query cache, outbox (on fake IndexedDB) and i18n; only the
// network (fetch) is mocked and the canvas viewer engine is replaced by the stub engine.
import 'fake-indexeddb/auto';
import type { ItemResponseRequest } from '@firstline/contracts';
import { onlineManager } from '@tanstack/react-query';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { closeOutboxForTests } from '@/features/attempts/outbox/outbox-store';
import { resetOutboxSyncForTests } from '@/features/attempts/outbox/outbox-sync';
import { tokenStore } from '@/lib/api-client';
import { ATTEMPT_ID, imageUrls, makeAttempt, makeFeedback, makeItem, makeResult } from '@/testing/attempt-fixtures';
import { apiError, json, makeUser, mockApi, sessionFor, type Handler } from '@/testing/mock-api';
import { stubViewer } from '@/testing/stub-viewer';
import { renderApp, resetAppState } from '@/testing/test-utils';

const trainee = makeUser({ role: 'trainee' });
const base = `/api/attempts/${ATTEMPT_ID}`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function setup(handlers: Record<string, Handler> = {}, attempt = makeAttempt()) {
  const api = mockApi({
    'POST /api/auth/refresh': () => json(sessionFor(trainee)),
    [`GET ${base}`]: () => json(attempt),
    [`GET ${base}/items/1`]: () => json(makeItem(1)),
    [`GET ${base}/items/2`]: () => json(makeItem(2)),
    [`PUT ${base}/items/1/response`]: (req) =>
      json({ ...makeResult(1), status: (req.body as ItemResponseRequest).final ? 'locked' : 'saved' }),
    [`PUT ${base}/items/2/response`]: () => json(makeResult(2)),
    ...handlers,
  });
  const viewer = stubViewer();
  const app = renderApp(`/app/attempts/${ATTEMPT_ID}`, { viewerEngine: viewer.create });
  return { api, viewer, ...app };
}

const finals = (api: ReturnType<typeof mockApi>, n: number) =>
  api.called(`PUT ${base}/items/${n}/response`).filter((c) => (c.body as ItemResponseRequest).final);

async function onItem(n: number) {
  await waitFor(() => expect(screen.getByTestId('item-progress')).toHaveTextContent(`Item ${n} of 2`));
  await screen.findByTestId('document-viewer');
}

describe('quiz player', () => {
  beforeEach(async () => {
    await resetAppState();
    resetOutboxSyncForTests();
    await closeOutboxForTests();
    globalThis.indexedDB = new IDBFactory();
    onlineManager.setOnline(true);
  });
  afterEach(() => resetOutboxSyncForTests());

  it('Accept, then Confirm, sends a final accept with an Idempotency-Key and moves on to the next item', async () => {
    const { api } = setup();
    await onItem(1);
    await userEvent.click(screen.getByTestId('decision-accept'));
    expect(screen.getByText('Accept this document as genuine?')).toBeInTheDocument();
    expect(screen.getByTestId('decision-confirm')).toHaveFocus();
    await userEvent.click(screen.getByTestId('decision-confirm'));

    await onItem(2);
    await waitFor(() => expect(finals(api, 1)).toHaveLength(1));
    const put = finals(api, 1)[0];
    expect(put.body).toEqual({
      decision: 'accept',
      points: [],
      fraudType: null,
      features: [],
      mrzFailedChecks: [],
      final: true,
    });
    expect(put.headers.get('Idempotency-Key')).toMatch(UUID);
    expect(put.headers.get('Authorization')).toBe(`Bearer token-${trainee.username}`);
  });

  it('Refer → suspect points → fraud type → features → Confirm produces the full answer', async () => {
    const { api, viewer } = setup();
    await onItem(1);
    await userEvent.click(screen.getByTestId('decision-refer'));
    await waitFor(() => expect(viewer.current).toBeTruthy());
    viewer.current.click([0.25, 0.5]);
    viewer.current.click([0.7, 0.2]);
    expect(screen.getAllByTestId('suspect-marker').map((m) => m.textContent)).toEqual(['1', '2']);
    await userEvent.click(screen.getByLabelText('Forged — photo substitution'));
    await userEvent.click(screen.getByLabelText('Portrait'));
    await userEvent.click(screen.getByLabelText('Laminate'));
    await userEvent.click(screen.getByTestId('decision-confirm'));

    await onItem(2);
    await waitFor(() => expect(finals(api, 1)).toHaveLength(1));
    expect(finals(api, 1)[0].body).toEqual({
      decision: 'refer',
      points: [
        { side: 'data-page', x: 0.25, y: 0.5 },
        { side: 'data-page', x: 0.7, y: 0.2 },
      ],
      fraudType: 'forged:photo-substitution',
      features: ['portrait', 'laminate'],
      mrzFailedChecks: [],
      final: true,
    });
  });

  it('markers: clicks add numbered points up to maxPoints; clicking a marker removes it and renumbers', async () => {
    const item = makeItem(1, { parts: { ...makeItem(1).parts, locate: { maxPoints: 2 } } });
    const { api, viewer } = setup({ [`GET ${base}/items/1`]: () => json(item) });
    await onItem(1);
    // Before Refer, a click on the document places nothing.
    viewer.current.click([0.1, 0.1]);
    expect(screen.queryAllByTestId('suspect-marker')).toHaveLength(0);

    await userEvent.click(screen.getByTestId('decision-refer'));
    viewer.current.click([0.1, 0.1]);
    viewer.current.click([0.2, 0.2]);
    viewer.current.click([0.3, 0.3]); // over the limit: ignored
    expect(screen.getAllByTestId('suspect-marker')).toHaveLength(2);
    expect(screen.getByTestId('point-count')).toHaveTextContent('2 of 2 points placed');
    // Markers sit where they were clicked (frame 1000 × 700).
    expect(screen.getAllByTestId('suspect-marker')[1]).toHaveStyle({ left: '200px', top: '140px' });

    const viewerEl = screen.getByTestId('document-viewer');
    await userEvent.click(within(viewerEl).getByRole('button', { name: 'Remove point 1' }));
    expect(screen.getAllByTestId('suspect-marker').map((m) => m.textContent)).toEqual(['1']);
    expect(screen.getAllByTestId('suspect-marker')[0]).toHaveStyle({ left: '200px' });

    // The keyboard way: M marks the centre of the view.
    viewer.current.center = [0.6, 0.4];
    await userEvent.keyboard('m');
    expect(screen.getAllByTestId('suspect-marker')).toHaveLength(2);
    await userEvent.click(screen.getByTestId('decision-confirm'));
    await waitFor(() => expect(finals(api, 1)).toHaveLength(1));
    expect((finals(api, 1)[0].body as ItemResponseRequest).points).toEqual([
      { side: 'data-page', x: 0.2, y: 0.2 },
      { side: 'data-page', x: 0.6, y: 0.4 },
    ]);
  });

  it('an oblique light photographed at several angles can be tilted, by button or T, keeping the view', async () => {
    const item = makeItem(1);
    const oblique = (frame: number) => ({
      light: 'oblique' as const,
      frame,
      urls: imageUrls(`item1-oblique-${frame}`),
    });
    item.sides[0].images.push(oblique(1), oblique(2), oblique(3));
    const { viewer } = setup({ [`GET ${base}/items/1`]: () => json(item) });
    await onItem(1);
    await waitFor(() =>
      expect(viewer.current.layers.map((l) => l.id)).toEqual(['visible', 'uv365', 'oblique', 'oblique#2', 'oblique#3']),
    );
    const engine = viewer.current;
    expect(screen.queryByTestId('tilt-2')).not.toBeInTheDocument(); // visible light: no tilt series
    await userEvent.keyboard('3');
    expect(viewer.current.visible).toBe('oblique');
    await userEvent.click(screen.getByTestId('tilt-2'));
    expect(viewer.current.visible).toBe('oblique#2');
    expect(screen.getByTestId('tilt-2')).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByTestId('tilt-2')).toHaveAccessibleName('Tilt 2');
    await userEvent.keyboard('t');
    expect(viewer.current.visible).toBe('oblique#3');
    await userEvent.keyboard('t');
    expect(viewer.current.visible).toBe('oblique');
    // Back to a light without angles and again to oblique: the angle chosen is remembered.
    await userEvent.keyboard('t');
    await userEvent.keyboard('1');
    expect(viewer.current.visible).toBe('visible');
    await userEvent.keyboard('3');
    expect(viewer.current.visible).toBe('oblique#2');
    expect(viewer.current).toBe(engine); // one viewer throughout: zoom and position stay
  });

  it('is driven by the keyboard: lights, zoom, loupe, help, A A to accept, R to refer', async () => {
    const { api, viewer } = setup();
    await onItem(1);
    await waitFor(() => expect(viewer.current.visible).toBe('visible'));
    await userEvent.keyboard('2');
    expect(viewer.current.visible).toBe('uv365');
    expect(screen.getByTestId('light-uv365')).toHaveAttribute('aria-pressed', 'true');
    const zoom = viewer.current.zoom;
    await userEvent.keyboard('+');
    expect(viewer.current.zoom).toBeGreaterThan(zoom);
    await userEvent.keyboard('l');
    expect(screen.getByTestId('loupe-toggle')).toHaveAttribute('aria-pressed', 'true');
    await userEvent.keyboard('?');
    expect(await screen.findByTestId('shortcut-help')).toHaveTextContent('Loupe on / off');
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByTestId('shortcut-help')).not.toBeInTheDocument());

    await userEvent.keyboard('r');
    expect(screen.getByText('Refer to second line', { selector: 'h2' })).toBeInTheDocument();
    await userEvent.click(screen.getByTestId('decision-back'));
    await userEvent.keyboard('a');
    await userEvent.keyboard('a');
    await onItem(2);
    await waitFor(() => expect(finals(api, 1)).toHaveLength(1));
    expect((finals(api, 1)[0].body as ItemResponseRequest).decision).toBe('accept');
  });

  it('practice: shows the truth next to the trainee’s points, then Next item', async () => {
    const attempt = makeAttempt({ mode: 'practice', feedback: 'after-item' });
    const { viewer } = setup({ [`PUT ${base}/items/1/response`]: () => json(makeResult(1, makeFeedback())) }, attempt);
    await onItem(1);
    await userEvent.click(screen.getByTestId('decision-refer'));
    viewer.current.click([0.15, 0.4]);
    await userEvent.click(screen.getByTestId('decision-confirm'));

    const feedback = await screen.findByTestId('feedback');
    await waitFor(() => expect(within(feedback).getByTestId('feedback-verdict')).toHaveTextContent('Right decision'));
    expect(feedback).toHaveTextContent('Forged — photo substitution');
    expect(feedback).toHaveTextContent('Portrait');
    expect(feedback).toHaveTextContent('its edge casts a shadow');
    // The true region is drawn, the trainee's point stays (no longer removable).
    expect(document.querySelectorAll('.fl-region--truth')).toHaveLength(1);
    expect(screen.getAllByTestId('marker').map((m) => m.textContent)).toEqual(['1']);

    await userEvent.click(screen.getByTestId('next-item'));
    await onItem(2);
  });

  it('offline: the answer waits in the outbox, the player moves on, and it is sent once back online', async () => {
    const onLine = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    const { api } = setup();
    await onItem(1);
    window.dispatchEvent(new Event('offline'));
    await userEvent.click(screen.getByTestId('decision-accept'));
    await userEvent.click(screen.getByTestId('decision-confirm'));
    // The player has moved on: item 2 loads as soon as the connection is back.
    expect(
      await screen.findByText(
        'Offline — item 2 loads when the connection returns. Your answers are safe on this device.',
      ),
    ).toBeInTheDocument();
    expect(await screen.findByTestId('offline-banner')).toHaveTextContent('Offline — 1 answer waiting');
    expect(finals(api, 1)).toHaveLength(0);

    onLine.mockReturnValue(true);
    window.dispatchEvent(new Event('online'));
    await onItem(2);
    await waitFor(() => expect(finals(api, 1)).toHaveLength(1));
    await waitFor(() => expect(screen.queryByTestId('offline-banner')).not.toBeInTheDocument());
  });

  it('nothing is lost on reload: a queued answer survives, the player resumes after it, and it is sent with its key', async () => {
    let network = false;
    const { api, unmount } = setup({
      [`PUT ${base}/items/1/response`]: () => {
        if (!network) throw new TypeError('Failed to fetch');
        return json(makeResult(1));
      },
      // As the API does: an item is served only once the one before it is answered.
      [`GET ${base}/items/2`]: () =>
        finals(api, 1).length && network ? json(makeItem(2)) : apiError(409, 'Answer item 1 first'),
    });
    await onItem(1);
    await userEvent.click(screen.getByTestId('decision-accept'));
    await userEvent.click(screen.getByTestId('decision-confirm'));
    await waitFor(() => expect(finals(api, 1)).toHaveLength(1)); // tried once, the network failed
    const key = finals(api, 1)[0].headers.get('Idempotency-Key');
    // Item 2 waits for item 1's answer to arrive instead of being refused.
    await screen.findByText(/item 2/i);
    expect(screen.queryByTestId('quiz-item')).not.toBeInTheDocument();
    expect(api.called(`GET ${base}/items/2`)).toHaveLength(0);

    // Reload: a new page, a new outbox loop, the same IndexedDB. The server still has item 1 unanswered.
    unmount();
    tokenStore.set(null); // the access token lives in memory only
    resetOutboxSyncForTests();
    const viewer = stubViewer();
    renderApp(`/app/attempts/${ATTEMPT_ID}`, { viewerEngine: viewer.create });
    expect(await screen.findByTestId('offline-banner')).toHaveTextContent(/1 answer/);
    expect(api.called(`GET ${base}/items/2`)).toHaveLength(0);

    network = true;
    window.dispatchEvent(new Event('online'));
    await waitFor(() => expect(screen.queryByTestId('offline-banner')).not.toBeInTheDocument());
    await onItem(2);
    expect(api.called(`GET ${base}/items/2`)).toHaveLength(1);
    const tries = finals(api, 1);
    expect(tries.length).toBeGreaterThanOrEqual(2);
    expect(new Set(tries.map((c) => c.headers.get('Idempotency-Key')))).toEqual(new Set([key]));
  });

  it('finishing: after the last item, Finish posts and opens the results', async () => {
    const attempt = makeAttempt({ itemCount: 1, answered: [false] });
    const finished = {
      ...attempt,
      status: 'finished' as const,
      finishedAt: new Date().toISOString(),
      score: 100,
      passed: true,
      currentItem: 2,
      answered: [true],
    };
    const { api, router } = setup(
      {
        [`GET ${base}/items/1`]: () => json(makeItem(1, { itemCount: 1 })),
        [`POST ${base}/finish`]: () => json(finished),
        [`GET ${base}/review`]: () => apiError(409, 'Review after the assignment closes'),
      },
      attempt,
    );
    await screen.findByTestId('decision-accept');
    await userEvent.click(screen.getByTestId('decision-accept'));
    await userEvent.click(screen.getByTestId('decision-confirm'));
    const finish = await screen.findByTestId('finish-attempt');
    await waitFor(() => expect(finish).toBeEnabled());
    await userEvent.click(finish);
    await waitFor(() => expect(router.state.location.pathname).toBe(`/app/attempts/${ATTEMPT_ID}/results`));
    expect(api.called(`POST ${base}/finish`)).toHaveLength(1);
    expect(await screen.findByTestId('attempt-score')).toHaveTextContent('100%');
    expect(await screen.findByTestId('review-unavailable')).toBeInTheDocument();
  });

  it('resumes after a reload at the first unanswered item, with the autosaved state', async () => {
    const attempt = makeAttempt({ currentItem: 2, answered: [true, false] });
    const saved = {
      decision: 'refer' as const,
      points: [{ side: 'data-page' as const, x: 0.4, y: 0.4 }],
      fraudType: 'counterfeit' as const,
      features: [],
      mrzFailedChecks: [],
    };
    setup({ [`GET ${base}/items/2`]: () => json(makeItem(2, { saved })) }, attempt);
    await onItem(2);
    expect(screen.getByLabelText('Counterfeit — entire reproduction')).toBeChecked();
    expect(screen.getAllByTestId('suspect-marker')).toHaveLength(1);
  });
});

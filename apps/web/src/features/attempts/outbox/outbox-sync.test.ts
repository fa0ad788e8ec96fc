// The answer outbox on fake IndexedDB: queued while offline, kept across a reload, sent once and in order with
// the key it was stored with; network failures keep the order, a 4xx refusal drops only that answer.
import 'fake-indexeddb/auto';
import type { ItemResponseRequest } from '@firstline/contracts';
import { waitFor } from '@testing-library/react';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ATTEMPT_ID, makeResult } from '@/testing/attempt-fixtures';
import { apiError, json, mockApi, type MockRequest } from '@/testing/mock-api';
import { closeOutboxForTests, listOutbox } from './outbox-store';
import { OutboxSync, type OutboxEvent } from './outbox-sync';

const USER = '0b6f6b7e-1c2d-4e5f-8a9b-000000000077';
const OTHER = '0b6f6b7e-1c2d-4e5f-8a9b-000000000078';
const base = `/api/attempts/${ATTEMPT_ID}`;
const answer = (decision: 'accept' | 'refer'): ItemResponseRequest => ({
  decision,
  points: [],
  fraudType: null,
  features: [],
  mrzFailedChecks: [],
  final: true,
});

let syncs: OutboxSync[] = [];
function newSync(userId = USER) {
  const sync = new OutboxSync(userId);
  syncs.push(sync);
  return sync;
}

function recordPuts(
  reply: (req: MockRequest, n: number) => ReturnType<typeof json> | Promise<ReturnType<typeof json>> = (_, n) =>
    json(makeResult(n)),
) {
  const puts: Array<{ n: number; key: string | null; body: unknown }> = [];
  const handler = (n: number) => (req: MockRequest) => {
    puts.push({ n, key: req.headers.get('Idempotency-Key'), body: req.body });
    return reply(req, n);
  };
  const api = mockApi({
    [`PUT ${base}/items/1/response`]: handler(1),
    [`PUT ${base}/items/2/response`]: handler(2),
    [`PUT ${base}/items/3/response`]: handler(3),
  });
  return { api, puts };
}

describe('answer outbox', () => {
  beforeEach(async () => {
    await closeOutboxForTests();
    globalThis.indexedDB = new IDBFactory();
    syncs = [];
  });
  afterEach(() => syncs.forEach((s) => s.stop()));

  it('queues answers while offline, keeps them across a reload, then sends each once, in order, with its key', async () => {
    const onLine = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    const { puts } = recordPuts();
    const sync = newSync();
    sync.start();
    const first = await sync.enqueue(ATTEMPT_ID, 1, answer('accept'));
    const second = await sync.enqueue(ATTEMPT_ID, 2, answer('refer'));
    expect(sync.getSnapshot()).toMatchObject({ online: false, ready: true });
    expect(sync.getSnapshot().pending.map((e) => e.n)).toEqual([1, 2]);
    expect(puts).toHaveLength(0);
    expect(first.key).not.toBe(second.key);

    // "Reload": a new outbox on the same database still has both answers, with their keys.
    sync.stop();
    const afterReload = newSync();
    afterReload.start();
    await waitFor(() => expect(afterReload.getSnapshot().ready).toBe(true));
    expect(afterReload.getSnapshot().pending.map((e) => [e.n, e.key])).toEqual([
      [1, first.key],
      [2, second.key],
    ]);

    const sent: OutboxEvent[] = [];
    afterReload.onEvent((e) => sent.push(e));
    onLine.mockReturnValue(true);
    window.dispatchEvent(new Event('online'));
    await waitFor(() => expect(afterReload.getSnapshot().pending).toHaveLength(0));
    expect(puts.map((p) => [p.n, p.key])).toEqual([
      [1, first.key],
      [2, second.key],
    ]);
    expect(puts[1].body).toEqual(answer('refer'));
    expect(sent.map((e) => e.type)).toEqual(['sent', 'sent']);
    expect(await listOutbox(USER)).toEqual([]);

    // Sent means gone: another flush (or another online event) sends nothing again.
    await afterReload.flush();
    window.dispatchEvent(new Event('online'));
    await afterReload.flush();
    expect(puts).toHaveLength(2);
  });

  it('a network failure keeps the answer and everything after it; the retry uses the same key', async () => {
    let failNext = true;
    const { puts } = recordPuts((_, n) => {
      if (n === 1 && failNext) {
        failNext = false;
        throw new TypeError('Failed to fetch');
      }
      return json(makeResult(n));
    });
    const onLine = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    const sync = newSync();
    const first = await sync.enqueue(ATTEMPT_ID, 1, answer('accept'));
    await sync.enqueue(ATTEMPT_ID, 2, answer('accept'));
    await sync.flush();
    onLine.mockReturnValue(true);
    await sync.flush();
    expect(puts.map((p) => p.n)).toEqual([1]); // 2 did not overtake 1
    expect(sync.getSnapshot().pending.map((e) => e.n)).toEqual([1, 2]);

    await sync.flush();
    expect(puts.map((p) => p.n)).toEqual([1, 1, 2]);
    expect(puts[0].key).toBe(first.key);
    expect(puts[1].key).toBe(first.key);
    expect(sync.getSnapshot().pending).toEqual([]);
  });

  it('a server error (5xx) is retried later too, and the retry is scheduled by itself', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      let calls = 0;
      const { puts } = recordPuts((_, n) => (++calls === 1 ? apiError(503, 'Unavailable') : json(makeResult(n))));
      const sync = newSync();
      sync.start();
      await sync.enqueue(ATTEMPT_ID, 1, answer('accept'));
      await waitFor(() => expect(puts).toHaveLength(1));
      expect(sync.getSnapshot().pending).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(1_500);
      await waitFor(() => expect(sync.getSnapshot().pending).toHaveLength(0));
      expect(puts).toHaveLength(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a refusal (409: the item is locked with another answer) drops that answer, reports it, and goes on', async () => {
    const { puts } = recordPuts((_, n) =>
      n === 1 ? apiError(409, 'Item 1 is already locked with a different answer') : json(makeResult(n)),
    );
    const sync = newSync();
    const events: OutboxEvent[] = [];
    sync.onEvent((e) => events.push(e));
    await sync.enqueue(ATTEMPT_ID, 1, answer('accept'));
    await sync.enqueue(ATTEMPT_ID, 2, answer('accept'));
    await sync.flush();
    expect(puts.map((p) => p.n)).toEqual([1, 2]);
    expect(events.map((e) => [e.type, e.entry.n])).toEqual([
      ['rejected', 1],
      ['sent', 2],
    ]);
    expect(sync.getSnapshot().pending).toEqual([]);
  });

  it('leaves the answers of another trainee on this desk alone', async () => {
    const onLine = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    const { puts } = recordPuts();
    const other = newSync(OTHER);
    await other.enqueue(ATTEMPT_ID, 3, answer('refer'));
    await other.flush();
    onLine.mockReturnValue(true);
    const mine = newSync(USER);
    await mine.enqueue(ATTEMPT_ID, 1, answer('accept'));
    await mine.flush();
    expect(puts.map((p) => p.n)).toEqual([1]);
    expect((await listOutbox(OTHER)).map((e) => e.n)).toEqual([3]);
  });
});

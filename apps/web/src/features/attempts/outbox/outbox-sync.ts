// Sends the outbox in order. A network failure, a 5xx, 401 (the session ran out and its refresh failed: the answer
// waits for a new session), 408 or 429 keeps the answer and retries later (and at once when the browser comes back
// online); any other 4xx means the API will never take it, so it is dropped and reported. An answer is removed only
// after the API acknowledged it.
import type { ItemResponseResult } from '@firstline/contracts';
import { ApiError } from '@/lib/api-client';
import { saveItemResponse } from '../api/save-item-response';
import { addToOutbox, listOutbox, removeFromOutbox, type OutboxEntry } from './outbox-store';

export type OutboxEvent =
  | { type: 'sent'; entry: OutboxEntry; result: ItemResponseResult }
  | { type: 'rejected'; entry: OutboxEntry; error: ApiError };

export interface OutboxSnapshot {
  pending: OutboxEntry[];
  online: boolean;
  /** Loaded from IndexedDB at least once. */
  ready: boolean;
}

const RETRY_DELAYS_MS = [1_000, 2_000, 5_000, 10_000, 30_000];

function retryable(err: unknown): boolean {
  if (!(err instanceof ApiError)) return true; // network error (or anything unexpected): try again later
  return err.status >= 500 || err.status === 401 || err.status === 408 || err.status === 429;
}

export class OutboxSync {
  private snapshot: OutboxSnapshot = { pending: [], online: true, ready: false };
  private listeners = new Set<() => void>();
  private eventListeners = new Set<(e: OutboxEvent) => void>();
  private running: Promise<void> | null = null;
  private again = false;
  private failures = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private started = false;

  constructor(
    readonly userId: string,
    private readonly send: (entry: OutboxEntry) => Promise<ItemResponseResult> = (e) =>
      saveItemResponse(e.attemptId, e.n, e.body, e.key),
  ) {}

  private readonly handleOnline = () => {
    this.update({ online: true });
    this.failures = 0;
    void this.flush();
  };
  private readonly handleOffline = () => this.update({ online: false });

  start() {
    if (this.started) return;
    this.started = true;
    window.addEventListener('online', this.handleOnline);
    window.addEventListener('offline', this.handleOffline);
    this.update({ online: navigator.onLine });
    void this.flush();
  }

  stop() {
    this.started = false;
    window.removeEventListener('online', this.handleOnline);
    window.removeEventListener('offline', this.handleOffline);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  getSnapshot = () => this.snapshot;

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  onEvent(listener: (e: OutboxEvent) => void) {
    this.eventListeners.add(listener);
    return () => {
      this.eventListeners.delete(listener);
    };
  }

  /** Stores a final answer and starts sending it. Resolves once it is safe on this device. */
  async enqueue(attemptId: string, n: number, body: OutboxEntry['body']): Promise<OutboxEntry> {
    const entry = await addToOutbox({ userId: this.userId, attemptId, n, body });
    await this.reload();
    void this.flush();
    return entry;
  }

  /** Sends waiting answers, oldest first, until one fails. Concurrent calls share one run. */
  flush(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        try {
          await this.sendAll();
        } catch {
          // IndexedDB unavailable or failing: nothing can wait here (the player then sends directly).
          this.update({ ready: true });
          return;
        }
      } while (this.again);
    })().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async sendAll() {
    const entries = await this.reload();
    if (!navigator.onLine) {
      this.update({ online: false });
      return;
    }
    for (const entry of entries) {
      try {
        const result = await this.send(entry);
        await removeFromOutbox(entry.seq);
        this.failures = 0;
        await this.reload();
        this.emit({ type: 'sent', entry, result });
      } catch (err) {
        if (retryable(err)) {
          this.scheduleRetry();
          return; // keep the order: nothing after it goes first
        }
        await removeFromOutbox(entry.seq);
        await this.reload();
        this.emit({ type: 'rejected', entry, error: err as ApiError });
      }
    }
  }

  private scheduleRetry() {
    if (!this.started || this.retryTimer) return;
    const delay = RETRY_DELAYS_MS[Math.min(this.failures, RETRY_DELAYS_MS.length - 1)];
    this.failures += 1;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.flush();
    }, delay);
  }

  private async reload(): Promise<OutboxEntry[]> {
    const pending = await listOutbox(this.userId);
    this.update({ pending, ready: true });
    return pending;
  }

  private update(patch: Partial<OutboxSnapshot>) {
    this.snapshot = { ...this.snapshot, ...patch };
    this.listeners.forEach((l) => l());
  }

  private emit(event: OutboxEvent) {
    this.eventListeners.forEach((l) => l(event));
  }
}

let current: OutboxSync | null = null;

/** The signed-in trainee's outbox, started once and kept running across screens. */
export function outboxFor(userId: string): OutboxSync {
  if (current?.userId !== userId) {
    current?.stop();
    current = new OutboxSync(userId);
  }
  current.start();
  return current;
}

/** Tests only. */
export function resetOutboxSyncForTests() {
  current?.stop();
  current = null;
}

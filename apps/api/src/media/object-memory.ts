// What a storage driver remembers of objects it has seen: their stat (size, ETag, modification) and, for small ones
// (DeepZoom tiles, the .dzi, small variants), their bytes. A tile served again then costs no request to the store (S3)
// and no file system call (local: a stat, an open, a read and a close, each a trip through libuv's thread pool, had
// cost the API more CPU than the rest of serving an exam's preview image); one served for the first time costs one.
// Objects are written once and never modified (a key is `<random id>/<file>`), so a remembered answer stays true
// until the object is deleted: this process forgets it at once; another replica's deletion is seen when the entry
// ages out (the asset row is gone first anyway, and signed URLs expire). Bounded by entries, bytes and age; the least
// recently used goes first.
import type { StoredObject } from './storage';

/** What a driver remembers: stats of this many objects, bytes of small ones up to a budget, for at most this long. */
export const OBJECT_MEMORY_LIMITS = { entries: 20_000, bytes: 32 * 1024 * 1024, ageMs: 10 * 60 * 1000 };
/** An object up to this size is read whole on its first stat, and its bytes remembered. */
export const SMALL_OBJECT_BYTES = 128 * 1024;

interface Remembered {
  stat: StoredObject;
  bytes: Buffer | null;
  until: number;
}

export class ObjectMemory {
  private readonly entries = new Map<string, Remembered>();
  private bytesHeld = 0;

  constructor(
    private readonly limits: { entries: number; bytes: number; ageMs: number },
    private readonly now: () => number = Date.now,
  ) {}

  get(key: string): { stat: StoredObject; bytes: Buffer | null } | null {
    const entry = this.entries.get(key);
    if (!entry) return null;
    if (entry.until <= this.now()) {
      this.drop(key, entry);
      return null;
    }
    // most recently used last
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  keep(key: string, stat: StoredObject, bytes: Buffer | null = null): void {
    const old = this.entries.get(key);
    if (old) this.drop(key, old);
    const held = bytes && bytes.length <= this.limits.bytes ? bytes : null;
    this.entries.set(key, { stat, bytes: held, until: this.now() + this.limits.ageMs });
    this.bytesHeld += held?.length ?? 0;
    // A Map iterates in insertion order: the first key is the least recently used.
    while (this.entries.size > this.limits.entries || this.bytesHeld > this.limits.bytes) {
      const [oldest, entry] = this.entries.entries().next().value!;
      this.drop(oldest, entry);
    }
  }

  forget(key: string): void {
    const entry = this.entries.get(key);
    if (entry) this.drop(key, entry);
  }

  /** Forgets every key that starts with `prefix` (one asset's objects). */
  forgetUnder(prefix: string): void {
    for (const [key, entry] of this.entries) if (key.startsWith(prefix)) this.drop(key, entry);
  }

  /** Bytes of object contents held (for tests and the bounds). */
  heldBytes(): number {
    return this.bytesHeld;
  }

  private drop(key: string, entry: Remembered): void {
    this.entries.delete(key);
    this.bytesHeld -= entry.bytes?.length ?? 0;
  }
}

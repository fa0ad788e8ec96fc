// Where media bytes live. The service speaks only this interface; the local driver (local-storage.ts) writes under
// MEDIA_DIR, the S3 driver (s3-storage.ts) maps the same keys to object keys under S3_PREFIX in S3_BUCKET. Keys are
// `<opaque random id>/<file>`: nothing in them names a specimen, an exercise, a trainee or whether a document is
// genuine.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { DomainError } from '../common/errors/domain-error';
import { AppConfig } from '../config/config';

/** The Nest token of the configured MediaStorage. */
export const MEDIA_STORAGE = Symbol('MEDIA_STORAGE');

export interface StoredObject {
  size: number;
  /** Stable while the object is unchanged (objects are written once and never modified). */
  etag: string;
  modifiedAt: Date;
}

export interface MediaStorage {
  /** Stores a local file under `key`. `move` lets a driver take the file over (a rename on the same disk). */
  putFile(key: string, file: string, opts?: { move?: boolean }): Promise<void>;
  putStream(key: string, body: Readable): Promise<void>;
  /** Bytes of `key`, optionally only `start`..`end` (inclusive). Rejects with code ENOENT when missing. */
  get(key: string, range?: { start: number; end: number }): Promise<Readable>;
  /** Copies `key` to a local file (processing needs random access). Rejects with code ENOENT when missing. */
  getToFile(key: string, file: string): Promise<void>;
  stat(key: string): Promise<StoredObject | null>;
  /** Deletes one object (no error when it is already gone). */
  delete(key: string): Promise<void>;
  /** Deletes every object whose key starts with `prefix` (a `<id>/` prefix removes one asset). */
  deletePrefix(prefix: string): Promise<void>;
  /** Top-level prefixes (`<asset storage id>/`), a page at a time: the janitor removes ones no row refers to. */
  listPrefixes(): AsyncIterable<string[]>;
  /** The newest modification among the objects under `prefix`, or null when it holds none. */
  newestModification(prefix: string): Promise<Date | null>;
}

/**
 * The store could not be reached or failed (a network error, a timeout, a 5xx). Callers answer 503 and keep their
 * work for a retry: an upload leaves nothing behind, a processing job goes back to the queue.
 */
export class StorageUnavailableError extends DomainError {
  constructor(cause: unknown) {
    super('unavailable', 'Image storage is not reachable right now; try again in a minute');
    this.cause = cause;
  }
}

/** The name of an asset's uploaded original inside its prefix (removed once the derived files are stored). */
export const SOURCE_FILE = 'source';

/** A fresh opaque prefix for one asset: 128 random bits, hex. */
export const newStorageId = () => randomBytes(16).toString('hex');

/** A well-formed key: an asset's prefix and a relative file path (no `.`/`..` segments, no absolute paths). */
const KEY = /^[0-9a-f]{32}(\/[\w.-]+)*$/;

export function assertKey(key: string): void {
  if (!KEY.test(key) || key.split('/').some((p) => p === '.' || p === '..'))
    throw new Error(`Malformed storage key: ${key}`);
}

/** The storage id of one asset's prefix (`<id>` or `<id>/`); refuses anything wider. */
export function assetPrefix(prefix: string): string {
  const id = prefix.replace(/\/$/, '');
  if (!/^[0-9a-f]{32}$/.test(id)) throw new Error(`deletePrefix takes one asset's prefix, got ${prefix}`);
  return id;
}

/** An error meaning "no such object", as the interface promises it (code ENOENT). */
export function missingObject(key: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`No stored object ${key}`), { code: 'ENOENT' });
}

/** Stores many local files with at most `concurrency` writes in flight (an object store is latency-bound). */
export async function putFiles(
  storage: MediaStorage,
  files: Array<{ key: string; file: string }>,
  opts: { move?: boolean; concurrency?: number } = {},
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const { key, file } = files[next++];
      await storage.putFile(key, file, { move: opts.move });
    }
  };
  await Promise.all(Array.from({ length: Math.min(opts.concurrency ?? 8, files.length) }, worker));
}

/** Scratch space for uploads and processing, on the same disk as local objects so finished files move by rename. */
export function mediaTempDir(config: AppConfig): string {
  const dir = path.join(config.MEDIA_DIR, 'tmp');
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

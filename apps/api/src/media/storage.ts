// Where media bytes live. The service speaks only this interface; the local driver writes under MEDIA_DIR, and an
// S3-compatible driver (designed, configured and validated, not shipped in this build) would map the same keys to
// object keys under S3_PREFIX. Keys are `<opaque random id>/<file>`: nothing in them names a specimen, an exercise,
// a trainee or whether a document is genuine.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppConfig, ConfigError } from '../config/config';

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
  /** Copies `key` to a local file (processing needs random access). */
  getToFile(key: string, file: string): Promise<void>;
  stat(key: string): Promise<StoredObject | null>;
  /** Deletes one object (no error when it is already gone). */
  delete(key: string): Promise<void>;
  /** Deletes every object whose key starts with `prefix` (a `<id>/` prefix removes one asset). */
  deletePrefix(prefix: string): Promise<void>;
  /** Top-level prefixes (asset ids) with their newest modification: the janitor removes ones no row refers to. */
  listPrefixes(): Promise<Array<{ prefix: string; modifiedAt: Date }>>;
}

/** The name of an asset's uploaded original inside its prefix (removed once the derived files are stored). */
export const SOURCE_FILE = 'source';

/** A fresh opaque prefix for one asset: 128 random bits, hex. */
export const newStorageId = () => randomBytes(16).toString('hex');

const KEY = /^[0-9a-f]{32}(\/[\w.-]+)*$/;

export class LocalMediaStorage implements MediaStorage {
  private readonly objects: string;

  constructor(readonly root: string) {
    this.objects = path.join(root, 'objects');
    fs.mkdirSync(this.objects, { recursive: true });
  }

  /** Maps a key to a path, refusing anything that is not a well-formed key (no `..`, no absolute paths). */
  private pathOf(key: string): string {
    if (!KEY.test(key) || key.split('/').some((p) => p === '.' || p === '..'))
      throw new Error(`Malformed storage key: ${key}`);
    return path.join(this.objects, key.slice(0, 2), key);
  }

  async putFile(key: string, file: string, opts: { move?: boolean } = {}): Promise<void> {
    const dest = this.pathOf(key);
    await fs.promises.mkdir(path.dirname(dest), { recursive: true });
    if (opts.move) {
      try {
        await fs.promises.rename(file, dest);
        return;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EXDEV') throw err;
      }
      await fs.promises.copyFile(file, dest);
      await fs.promises.rm(file, { force: true });
      return;
    }
    await fs.promises.copyFile(file, dest);
  }

  async putStream(key: string, body: Readable): Promise<void> {
    const dest = this.pathOf(key);
    await fs.promises.mkdir(path.dirname(dest), { recursive: true });
    const partial = `${dest}.${randomBytes(4).toString('hex')}.part`;
    try {
      await pipeline(body, fs.createWriteStream(partial, { flags: 'wx' }));
      await fs.promises.rename(partial, dest);
    } finally {
      await fs.promises.rm(partial, { force: true });
    }
  }

  async get(key: string, range?: { start: number; end: number }): Promise<Readable> {
    const file = this.pathOf(key);
    const fh = await fs.promises.open(file, 'r'); // rejects with ENOENT before any byte is sent
    return fh.createReadStream(range ? { start: range.start, end: range.end } : {});
  }

  async getToFile(key: string, file: string): Promise<void> {
    await fs.promises.copyFile(this.pathOf(key), file);
  }

  async stat(key: string): Promise<StoredObject | null> {
    try {
      const st = await fs.promises.stat(this.pathOf(key));
      if (!st.isFile()) return null;
      return {
        size: st.size,
        modifiedAt: st.mtime,
        etag: `${st.size.toString(36)}-${Math.floor(st.mtimeMs).toString(36)}-${st.ino.toString(36)}`,
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    await fs.promises.rm(this.pathOf(key), { force: true });
  }

  async deletePrefix(prefix: string): Promise<void> {
    const id = prefix.replace(/\/$/, '');
    if (!/^[0-9a-f]{32}$/.test(id)) throw new Error(`deletePrefix takes one asset's prefix, got ${prefix}`);
    await fs.promises.rm(path.join(this.objects, id.slice(0, 2), id), { recursive: true, force: true });
  }

  async listPrefixes(): Promise<Array<{ prefix: string; modifiedAt: Date }>> {
    const out: Array<{ prefix: string; modifiedAt: Date }> = [];
    for (const shard of await fs.promises.readdir(this.objects)) {
      const dir = path.join(this.objects, shard);
      for (const id of await fs.promises.readdir(dir).catch(() => [] as string[])) {
        const st = await fs.promises.stat(path.join(dir, id)).catch(() => null);
        if (st && /^[0-9a-f]{32}$/.test(id)) out.push({ prefix: `${id}/`, modifiedAt: st.mtime });
      }
    }
    return out;
  }
}

/**
 * `s3` is designed (see README) and its settings are validated, but no S3 driver is in this build: say so at start-up.
 */
export function assertMediaDriverAvailable(config: AppConfig): void {
  if (config.MEDIA_DRIVER === 's3') {
    throw new ConfigError([
      `MEDIA_DRIVER: "s3" is not available in this build (the S3 settings for bucket "${config.S3_BUCKET}" are valid, but no S3 driver is compiled in); use MEDIA_DRIVER=local with MEDIA_DIR on shared storage`,
    ]);
  }
}

/** The configured driver. */
export function createMediaStorage(config: AppConfig): MediaStorage {
  assertMediaDriverAvailable(config);
  return new LocalMediaStorage(config.MEDIA_DIR);
}

/** Scratch space for uploads and processing, on the same disk as the objects so finished files move by rename. */
export function mediaTempDir(config: AppConfig): string {
  const dir = path.join(config.MEDIA_DIR, 'tmp');
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

// The local media driver: objects as files under MEDIA_DIR/objects/<first two hex digits>/<storage id>/…, written
// through a temporary name and renamed, so a reader never sees half a file. What it has read is remembered
// (object-memory.ts): serving a small file again touches no disk.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { OBJECT_MEMORY_LIMITS, ObjectMemory, SMALL_OBJECT_BYTES } from './object-memory';
import { assertKey, assetPrefix, MediaStorage, StoredObject } from './storage';

export class LocalMediaStorage implements MediaStorage {
  private readonly objects: string;
  private readonly memory = new ObjectMemory(OBJECT_MEMORY_LIMITS);

  constructor(readonly root: string) {
    this.objects = path.join(root, 'objects');
    fs.mkdirSync(this.objects, { recursive: true });
  }

  /** Maps a key to a path, refusing anything that is not a well-formed key (no `..`, no absolute paths). */
  private pathOf(key: string): string {
    assertKey(key);
    return path.join(this.objects, key.slice(0, 2), key);
  }

  /**
   * Moves or copies `file` to `key`. Its directory is made only when the first try finds it missing: an asset's 30-odd
   * files share a dozen directories, and a recursive mkdir per file was most of what storing them cost.
   */
  async putFile(key: string, file: string, opts: { move?: boolean } = {}): Promise<void> {
    const dest = this.pathOf(key);
    this.memory.forget(key);
    try {
      await place(file, dest, opts.move === true);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      await fs.promises.mkdir(path.dirname(dest), { recursive: true });
      await place(file, dest, opts.move === true);
    }
  }

  async putStream(key: string, body: Readable): Promise<void> {
    const dest = this.pathOf(key);
    this.memory.forget(key);
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
    const bytes = this.memory.get(key)?.bytes;
    if (bytes) return Readable.from([range ? bytes.subarray(range.start, range.end + 1) : bytes]);
    const fh = await fs.promises.open(file, 'r'); // rejects with ENOENT before any byte is sent
    return fh.createReadStream(range ? { start: range.start, end: range.end } : {});
  }

  async getToFile(key: string, file: string): Promise<void> {
    await fs.promises.copyFile(this.pathOf(key), file);
  }

  /** The file's size, ETag and modification; remembered once seen, with the bytes of a small file (read whole). */
  async stat(key: string): Promise<StoredObject | null> {
    const file = this.pathOf(key);
    const remembered = this.memory.get(key);
    if (remembered) return remembered.stat;
    try {
      const st = await fs.promises.stat(file);
      if (!st.isFile()) return null;
      const stat = {
        size: st.size,
        modifiedAt: st.mtime,
        etag: `${st.size.toString(36)}-${Math.floor(st.mtimeMs).toString(36)}-${st.ino.toString(36)}`,
      };
      const bytes = st.size <= SMALL_OBJECT_BYTES ? await fs.promises.readFile(file) : null;
      this.memory.keep(key, stat, bytes?.length === st.size ? bytes : null);
      return stat;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    this.memory.forget(key);
    await fs.promises.rm(this.pathOf(key), { force: true });
  }

  async deletePrefix(prefix: string): Promise<void> {
    const id = assetPrefix(prefix);
    this.memory.forgetUnder(`${id}/`);
    await fs.promises.rm(this.dirOf(id), { recursive: true, force: true });
  }

  private dirOf(id: string): string {
    return path.join(this.objects, id.slice(0, 2), id);
  }

  async *listPrefixes(): AsyncIterable<string[]> {
    for (const shard of await fs.promises.readdir(this.objects)) {
      const ids = await fs.promises.readdir(path.join(this.objects, shard)).catch(() => [] as string[]);
      const page = ids.filter((id) => /^[0-9a-f]{32}$/.test(id)).map((id) => `${id}/`);
      if (page.length) yield page;
    }
  }

  /** The asset directory's own mtime: it changes whenever a file is added to it or removed. */
  async newestModification(prefix: string): Promise<Date | null> {
    const st = await fs.promises.stat(this.dirOf(assetPrefix(prefix))).catch(() => null);
    return st?.mtime ?? null;
  }
}

/** Moves (across disks: copies and removes) or copies `file` to `dest`; ENOENT when its folder is missing. */
async function place(file: string, dest: string, move: boolean): Promise<void> {
  if (move) {
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

// One contract for every media driver: the local one (files under a folder) and S3 against a real S3-compatible
// server on loopback (s3rver). What the media service relies on — whole and ranged reads, stat, ENOENT for a missing
// key, prefix listing and deletion for the janitor, multipart upload of large files — holds the same on both. The S3
// driver's faults (the store unreachable, or answering 500) surface as StorageUnavailableError, which callers
// turn into 503 and a retry.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { LocalMediaStorage } from '../src/media/local-storage';
import { S3MediaStorage } from '../src/media/s3-storage';
import { MediaStorage, newStorageId, putFiles, StorageUnavailableError } from '../src/media/storage';
import { S3_CREDENTIALS, startTestS3, TestS3 } from './s3-server';

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'firstline-storage-contract-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

function tempFile(bytes: Buffer): string {
  const file = path.join(scratch, randomBytes(6).toString('hex'));
  fs.writeFileSync(file, bytes);
  return file;
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

async function allPrefixes(storage: MediaStorage): Promise<string[]> {
  const out: string[] = [];
  for await (const page of storage.listPrefixes()) out.push(...page);
  return out.sort();
}

let s3: TestS3;
beforeAll(async () => {
  s3 = await startTestS3();
});
afterAll(() => s3?.stop());

function s3Storage(prefix = 'contract/', timeouts: { maxAttempts?: number } = {}): S3MediaStorage {
  return new S3MediaStorage({
    bucket: s3.bucket,
    prefix,
    region: 'us-east-1',
    endpoint: s3.endpoint,
    forcePathStyle: true,
    ...S3_CREDENTIALS,
    maxAttempts: timeouts.maxAttempts,
    connectionTimeoutMs: 1000,
    requestTimeoutMs: 5000,
  });
}

const drivers: Array<[string, () => MediaStorage & { onModuleDestroy?: () => void }]> = [
  ['local', () => new LocalMediaStorage(fs.mkdtempSync(path.join(scratch, 'local-')))],
  ['s3', () => s3Storage(`contract-${randomBytes(3).toString('hex')}/`)],
];

describe.each(drivers)('the %s media driver', (_name, make) => {
  let storage: ReturnType<typeof make>;
  beforeEach(() => {
    storage = make();
  });
  afterEach(() => storage.onModuleDestroy?.());

  it('stores a file and reads it back whole, and any inclusive byte range of it', async () => {
    const id = newStorageId();
    const bytes = randomBytes(70_000);
    await storage.putFile(`${id}/source`, tempFile(bytes));
    expect((await readAll(await storage.get(`${id}/source`))).equals(bytes)).toBe(true);
    const part = await readAll(await storage.get(`${id}/source`, { start: 1000, end: 1999 }));
    expect(part.equals(bytes.subarray(1000, 2000))).toBe(true);
    const last = await readAll(await storage.get(`${id}/source`, { start: 69_999, end: 69_999 }));
    expect([...last]).toEqual([bytes[69_999]]);
  });

  it('stat gives the size, a modification time and an ETag that stays while the object is unchanged', async () => {
    const id = newStorageId();
    const before = Date.now();
    await storage.putFile(`${id}/image_files/0/0_0.webp`, tempFile(Buffer.from('tile')));
    const first = await storage.stat(`${id}/image_files/0/0_0.webp`);
    expect(first).toMatchObject({ size: 4 });
    expect(first!.etag).toMatch(/^[\w-]+$/);
    // stores keep whole seconds
    expect(first!.modifiedAt.getTime()).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    expect((await storage.stat(`${id}/image_files/0/0_0.webp`))!.etag).toBe(first!.etag);
    await storage.putFile(`${id}/other`, tempFile(Buffer.from('other bytes')));
    expect((await storage.stat(`${id}/other`))!.etag).not.toBe(first!.etag);
  });

  it('a missing key: get rejects with ENOENT, getToFile too, stat is null, delete is no error', async () => {
    const key = `${newStorageId()}/1024.webp`;
    await expect(storage.get(key)).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(storage.getToFile(key, path.join(scratch, 'never'))).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await storage.stat(key)).toBeNull();
    await expect(storage.delete(key)).resolves.toBeUndefined();
  });

  it('move takes the local file over; without it the file stays', async () => {
    const id = newStorageId();
    const kept = tempFile(Buffer.from('kept'));
    const moved = tempFile(Buffer.from('moved'));
    await storage.putFile(`${id}/a`, kept);
    await storage.putFile(`${id}/b`, moved, { move: true });
    expect(fs.existsSync(kept)).toBe(true);
    expect(fs.existsSync(moved)).toBe(false);
    expect((await readAll(await storage.get(`${id}/b`))).toString()).toBe('moved');
  });

  it('copies an object to a local file for processing', async () => {
    const id = newStorageId();
    const bytes = randomBytes(200_000);
    await storage.putFile(`${id}/source`, tempFile(bytes));
    const out = path.join(scratch, `copy-${id}`);
    await storage.getToFile(`${id}/source`, out);
    expect(fs.readFileSync(out).equals(bytes)).toBe(true);
  });

  it('stores a stream, and a file larger than one request (multipart) byte for byte', async () => {
    const id = newStorageId();
    await storage.putStream(`${id}/streamed`, Readable.from([Buffer.from('one '), Buffer.from('two')]));
    expect((await readAll(await storage.get(`${id}/streamed`))).toString()).toBe('one two');
    const big = randomBytes(18 * 1024 * 1024);
    await storage.putFile(`${id}/big`, tempFile(big), { move: true });
    expect((await storage.stat(`${id}/big`))!.size).toBe(big.length);
    const tail = await readAll(await storage.get(`${id}/big`, { start: big.length - 100, end: big.length - 1 }));
    expect(tail.equals(big.subarray(big.length - 100))).toBe(true);
  }, 120_000);

  it('stores many files at once with putFiles', async () => {
    const id = newStorageId();
    const files = Array.from({ length: 25 }, (_, i) => ({
      key: `${id}/image_files/1/${i}_0.webp`,
      file: tempFile(Buffer.from(`tile ${i}`)),
    }));
    await putFiles(storage, files, { move: true, concurrency: 6 });
    for (const [i, { key }] of files.entries())
      expect((await readAll(await storage.get(key))).toString()).toBe(`tile ${i}`);
  });

  it('lists asset prefixes with their newest modification, and deletes one prefix without touching another', async () => {
    const [a, b] = [newStorageId(), newStorageId()];
    await storage.putFile(`${a}/source`, tempFile(Buffer.from('a')));
    await storage.putFile(`${a}/image_files/0/0_0.webp`, tempFile(Buffer.from('a tile')));
    await storage.putFile(`${b}/source`, tempFile(Buffer.from('b')));
    const listed = await allPrefixes(storage);
    expect(listed).toEqual(expect.arrayContaining([`${a}/`, `${b}/`]));
    const newest = await storage.newestModification(`${a}/`);
    expect(Math.abs(newest!.getTime() - Date.now())).toBeLessThan(60_000);
    expect(await storage.newestModification(newStorageId())).toBeNull();

    await storage.deletePrefix(`${a}/`);
    expect(await storage.stat(`${a}/source`)).toBeNull();
    expect(await storage.stat(`${a}/image_files/0/0_0.webp`)).toBeNull();
    expect(await storage.stat(`${b}/source`)).not.toBeNull();
    expect(await allPrefixes(storage)).not.toContain(`${a}/`);
    await expect(storage.deletePrefix(`${a}/`)).resolves.toBeUndefined();
  });

  it('refuses malformed keys and any prefix wider than one asset', async () => {
    const file = tempFile(Buffer.from('x'));
    for (const key of ['../etc/passwd', `${newStorageId()}/../x`, 'not-hex/x', `/${newStorageId()}/x`])
      await expect(storage.putFile(key, file)).rejects.toThrow(/Malformed storage key/);
    await expect(storage.deletePrefix('')).rejects.toThrow(/one asset's prefix/);
    await expect(storage.deletePrefix('ab')).rejects.toThrow(/one asset's prefix/);
  });
});

describe('the S3 driver against the store itself', () => {
  afterEach(() => s3.setFault('none'));

  it('keeps the same keys as object keys under S3_PREFIX (normalised to end in one slash)', async () => {
    const storage = s3Storage('/tenant-a//media');
    try {
      const id = newStorageId();
      await storage.putFile(`${id}/source`, tempFile(Buffer.from('under the prefix')));
      const listed = await storage.client.send(
        new ListObjectsV2Command({ Bucket: s3.bucket, Prefix: `tenant-a/media/${id}/` }),
      );
      expect(listed.Contents?.map((o) => o.Key)).toEqual([`tenant-a/media/${id}/source`]);
      const raw = await storage.client.send(
        new GetObjectCommand({ Bucket: s3.bucket, Key: `tenant-a/media/${id}/source` }),
      );
      expect(await raw.Body!.transformToString()).toBe('under the prefix');
      // another prefix does not see it
      const other = s3Storage('tenant-b/');
      expect(await allPrefixes(other)).not.toContain(`${id}/`);
      other.onModuleDestroy();
    } finally {
      storage.onModuleDestroy();
    }
  });

  it('one request stats and reads a small object (a tile); a large one is read from the store each time', async () => {
    const storage = s3Storage('memory/');
    try {
      const id = newStorageId();
      const tile = randomBytes(9000);
      const variant = randomBytes(300_000);
      await storage.putFile(`${id}/image_files/9/0_0.webp`, tempFile(tile));
      await storage.putFile(`${id}/2560.webp`, tempFile(variant));
      let before = s3.requests();
      expect((await storage.stat(`${id}/image_files/9/0_0.webp`))!.size).toBe(9000);
      expect((await readAll(await storage.get(`${id}/image_files/9/0_0.webp`))).equals(tile)).toBe(true);
      const part = await readAll(await storage.get(`${id}/image_files/9/0_0.webp`, { start: 100, end: 199 }));
      expect(part.equals(tile.subarray(100, 200))).toBe(true);
      expect(s3.requests() - before).toBe(1);

      before = s3.requests();
      expect((await storage.stat(`${id}/2560.webp`))!.size).toBe(300_000);
      expect((await readAll(await storage.get(`${id}/2560.webp`))).equals(variant)).toBe(true);
      expect((await readAll(await storage.get(`${id}/2560.webp`))).equals(variant)).toBe(true);
      expect(s3.requests() - before).toBe(3);

      // deleted here: forgotten at once
      await storage.deletePrefix(`${id}/`);
      expect(await storage.stat(`${id}/image_files/9/0_0.webp`)).toBeNull();
      await expect(storage.get(`${id}/image_files/9/0_0.webp`)).rejects.toMatchObject({ code: 'ENOENT' });
    } finally {
      storage.onModuleDestroy();
    }
  });

  it('the local driver reads a small file (a tile) once: serving it again touches no disk; a large one is read each time', async () => {
    const storage = new LocalMediaStorage(fs.mkdtempSync(path.join(scratch, 'memory-')));
    const id = newStorageId();
    const tile = randomBytes(9000);
    const variant = randomBytes(300_000);
    await storage.putFile(`${id}/image_files/9/0_0.webp`, tempFile(tile));
    await storage.putFile(`${id}/2560.webp`, tempFile(variant));
    const calls = (['stat', 'open', 'readFile'] as const).map((fn) => jest.spyOn(fs.promises, fn));
    const diskCalls = () => calls.reduce((n, spy) => n + spy.mock.calls.length, 0);
    try {
      expect((await storage.stat(`${id}/image_files/9/0_0.webp`))!.size).toBe(9000);
      const afterFirst = diskCalls();
      expect(afterFirst).toBeGreaterThan(0);
      expect((await storage.stat(`${id}/image_files/9/0_0.webp`))!.size).toBe(9000);
      expect((await readAll(await storage.get(`${id}/image_files/9/0_0.webp`))).equals(tile)).toBe(true);
      const part = await readAll(await storage.get(`${id}/image_files/9/0_0.webp`, { start: 100, end: 199 }));
      expect(part.equals(tile.subarray(100, 200))).toBe(true);
      expect(diskCalls()).toBe(afterFirst);

      expect((await storage.stat(`${id}/2560.webp`))!.size).toBe(300_000);
      const beforeReads = diskCalls();
      expect((await readAll(await storage.get(`${id}/2560.webp`))).equals(variant)).toBe(true);
      expect((await readAll(await storage.get(`${id}/2560.webp`))).equals(variant)).toBe(true);
      expect(diskCalls() - beforeReads).toBe(2);

      // rewritten or deleted here: forgotten at once
      const replaced = randomBytes(5000);
      await storage.putFile(`${id}/image_files/9/0_0.webp`, tempFile(replaced));
      expect((await storage.stat(`${id}/image_files/9/0_0.webp`))!.size).toBe(5000);
      expect((await readAll(await storage.get(`${id}/image_files/9/0_0.webp`))).equals(replaced)).toBe(true);
      await storage.deletePrefix(`${id}/`);
      expect(await storage.stat(`${id}/image_files/9/0_0.webp`)).toBeNull();
      await expect(storage.get(`${id}/image_files/9/0_0.webp`)).rejects.toMatchObject({ code: 'ENOENT' });
    } finally {
      calls.forEach((spy) => spy.mockRestore());
    }
  });

  it.each([
    ['answering 500', 'error500'],
    ['unreachable', 'unreachable'],
  ] as const)(
    'a store %s: every operation fails with StorageUnavailableError (503), after retries',
    async (_, fault) => {
      const storage = s3Storage('faults/', { maxAttempts: 2 });
      try {
        const id = newStorageId();
        await storage.putFile(`${id}/source`, tempFile(Buffer.from('stored before the fault')));
        const before = s3.requests();
        s3.setFault(fault);
        const ops: Array<() => Promise<unknown>> = [
          () => storage.putFile(`${id}/new`, tempFile(Buffer.from('x'))),
          () => storage.get(`${id}/source`),
          () => storage.getToFile(`${id}/source`, path.join(scratch, `fault-${id}`)),
          () => storage.stat(`${id}/source`),
          () => storage.delete(`${id}/source`),
          () => storage.deletePrefix(`${id}/`),
          () => allPrefixes(storage),
        ];
        for (const op of ops) {
          const err = await op().then(
            () => null,
            (e: unknown) => e,
          );
          expect(err).toBeInstanceOf(StorageUnavailableError);
          expect((err as StorageUnavailableError).status).toBe(503);
        }
        // the SDK retried: more requests than operations
        expect(s3.requests() - before).toBeGreaterThan(ops.length);
        s3.setFault('none');
        expect((await readAll(await storage.get(`${id}/source`))).toString()).toBe('stored before the fault');
      } finally {
        storage.onModuleDestroy();
      }
    },
  );

  it('the start-up check names a missing bucket and refused keys, and only warns when the store is down', async () => {
    const base = {
      region: 'us-east-1',
      endpoint: s3.endpoint,
      forcePathStyle: true,
      prefix: '',
      maxAttempts: 1,
      ...S3_CREDENTIALS,
    };
    const good = new S3MediaStorage({ ...base, bucket: s3.bucket });
    const missing = new S3MediaStorage({ ...base, bucket: 'no-such-bucket' });
    const refused = new S3MediaStorage({ ...base, bucket: s3.bucket, accessKeyId: 'SOMEONE-ELSE' });
    try {
      expect(await good.check()).toBeNull();
      await expect(missing.check()).rejects.toThrow(/S3_BUCKET: bucket "no-such-bucket" does not exist at http/);
      await expect(refused.check()).rejects.toThrow(
        /S3_ACCESS_KEY_ID \/ S3_SECRET_ACCESS_KEY: http\S+ refused them for bucket "firstline-media" \(403\)/,
      );
      s3.setFault('unreachable');
      expect(await good.check()).toMatch(/is not reachable now .*media requests answer 503/);
    } finally {
      for (const storage of [good, missing, refused]) storage.onModuleDestroy();
    }
  });
});

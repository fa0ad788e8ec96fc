// The S3 media driver (MEDIA_DRIVER=s3): the same keys as the local driver, as object keys under S3_PREFIX in
// S3_BUCKET, on AWS S3 or any S3-compatible store (MinIO, Ceph, R2: S3_ENDPOINT, S3_FORCE_PATH_STYLE). Bytes are still
// served through the API's signed routes, so access rules and headers do not change with the driver.
//
// A store that cannot be reached or answers 5xx surfaces as StorageUnavailableError (503 to a client; a processing
// job goes back to the queue). "No such key" is ENOENT / null, as the interface promises.
import fs from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadBucketCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  type ListObjectsV2CommandOutput,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { OBJECT_MEMORY_LIMITS, ObjectMemory, SMALL_OBJECT_BYTES } from './object-memory';
import { assertKey, assetPrefix, MediaStorage, missingObject, StorageUnavailableError, StoredObject } from './storage';

export interface S3StorageOptions {
  bucket: string;
  /** Prepended to every key (`firstline/` → `firstline/<id>/<file>`); empty for the bucket's root. */
  prefix: string;
  region: string;
  endpoint?: string;
  forcePathStyle: boolean;
  accessKeyId: string;
  secretAccessKey: string;
  /** Attempts per request, the first included (the SDK backs off between them). */
  maxAttempts?: number;
  /** Milliseconds to open a connection / to wait for a response before the attempt counts as failed. */
  connectionTimeoutMs?: number;
  requestTimeoutMs?: number;
}

/** Files up to this size are sent in one PUT from memory (retried whole); larger ones as a multipart upload. */
const SINGLE_PUT_BYTES = 16 * 1024 * 1024;
const PART_BYTES = 8 * 1024 * 1024;

/** What the start-up check found wrong with the settings: the variable to fix and why. */
export class S3SettingsError extends Error {}

export class S3MediaStorage implements MediaStorage {
  readonly client: S3Client;
  private readonly bucket: string;
  private readonly base: string;
  private readonly memory = new ObjectMemory(OBJECT_MEMORY_LIMITS);

  constructor(private readonly opts: S3StorageOptions) {
    this.bucket = opts.bucket;
    this.base = normalisePrefix(opts.prefix);
    this.client = new S3Client({
      region: opts.region,
      endpoint: opts.endpoint,
      forcePathStyle: opts.forcePathStyle,
      credentials: { accessKeyId: opts.accessKeyId, secretAccessKey: opts.secretAccessKey },
      // Checksums only where the API requires them: S3-compatible stores differ in which of the newer CRC headers
      // they accept, and every object here is also checked by content when it is processed.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      maxAttempts: opts.maxAttempts ?? 3,
      requestHandler: {
        connectionTimeout: opts.connectionTimeoutMs ?? 3000,
        requestTimeout: opts.requestTimeoutMs ?? 60_000,
      },
    });
  }

  private objectKey(key: string): string {
    assertKey(key);
    return this.base + key;
  }

  /**
   * Start-up check: the bucket exists and the credentials may use it. Wrong settings throw S3SettingsError; a store
   * that cannot be reached now returns a warning (the API starts, and media requests answer 503 until it is back).
   */
  async check(): Promise<string | null> {
    try {
      await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }));
      return null;
    } catch (err) {
      const status = httpStatus(err);
      if (status === 404)
        throw new S3SettingsError(`S3_BUCKET: bucket "${this.bucket}" does not exist at ${this.where()}`);
      if (status === 403 || status === 401)
        throw new S3SettingsError(
          `S3_ACCESS_KEY_ID / S3_SECRET_ACCESS_KEY: ${this.where()} refused them for bucket "${this.bucket}" (${status})`,
        );
      if (status === 301 || status === 400)
        throw new S3SettingsError(
          `S3_REGION: bucket "${this.bucket}" is not in region "${this.opts.region}" at ${this.where()} (${status})`,
        );
      return `the S3 store at ${this.where()} is not reachable now (${describe(err)}); media requests answer 503 until it is`;
    }
  }

  private where(): string {
    return this.opts.endpoint ?? `AWS S3 (${this.opts.region})`;
  }

  async putFile(key: string, file: string, opts: { move?: boolean } = {}): Promise<void> {
    const objectKey = this.objectKey(key);
    const { size } = await fs.promises.stat(file);
    if (size <= SINGLE_PUT_BYTES) {
      const body = await fs.promises.readFile(file);
      await this.call(() =>
        this.client.send(new PutObjectCommand({ Bucket: this.bucket, Key: objectKey, Body: body })),
      );
    } else {
      await this.upload(objectKey, fs.createReadStream(file));
    }
    if (opts.move) await fs.promises.rm(file, { force: true });
  }

  async putStream(key: string, body: Readable): Promise<void> {
    await this.upload(this.objectKey(key), body);
  }

  /** A multipart upload (parts retried one by one; aborted, leaving no parts, when it fails). */
  private async upload(objectKey: string, body: Readable): Promise<void> {
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.bucket, Key: objectKey, Body: body },
      partSize: PART_BYTES,
      queueSize: 2,
      leavePartsOnError: false,
    });
    await this.call(() => upload.done());
  }

  async get(key: string, range?: { start: number; end: number }): Promise<Readable> {
    const bytes = this.memory.get(key)?.bytes;
    if (bytes) return Readable.from([range ? bytes.subarray(range.start, range.end + 1) : bytes]);
    const objectKey = this.objectKey(key);
    const out = await this.call(
      () =>
        this.client.send(
          new GetObjectCommand({
            Bucket: this.bucket,
            Key: objectKey,
            Range: range ? `bytes=${range.start}-${range.end}` : undefined,
          }),
        ),
      key,
    );
    return out.Body as Readable;
  }

  async getToFile(key: string, file: string): Promise<void> {
    const body = await this.get(key);
    await this.call(() => pipeline(body, fs.createWriteStream(file)));
  }

  /**
   * The object's size, ETag and modification. Remembered once seen; the first time, one ranged GET of its first
   * SMALL_OBJECT_BYTES answers both the stat and, for a small object (a tile, the .dzi), its whole contents — which
   * `get` then serves from memory. A larger object's partial body is dropped.
   */
  async stat(key: string): Promise<StoredObject | null> {
    const remembered = this.memory.get(key);
    if (remembered) return remembered.stat;
    const objectKey = this.objectKey(key);
    try {
      const out = await this.call(
        () =>
          this.client.send(
            new GetObjectCommand({ Bucket: this.bucket, Key: objectKey, Range: `bytes=0-${SMALL_OBJECT_BYTES - 1}` }),
          ),
        key,
      );
      const body = out.Body as Readable;
      // "bytes 0-8191/8192" (206), or no Content-Range when a store answers a ranged read of a small object whole.
      const size = Number(/\/(\d+)$/.exec(out.ContentRange ?? '')?.[1] ?? out.ContentLength ?? 0);
      const stat = {
        size,
        etag: (out.ETag ?? '').replace(/"/g, ''),
        modifiedAt: out.LastModified ?? new Date(0),
      };
      if (size <= SMALL_OBJECT_BYTES) {
        const bytes = await this.call(() => readAll(body));
        this.memory.keep(key, stat, bytes.length === size ? bytes : null);
      } else {
        body.destroy();
        this.memory.keep(key, stat);
      }
      return stat;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    const objectKey = this.objectKey(key);
    this.memory.forget(key);
    await this.call(() => this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: objectKey })));
  }

  async deletePrefix(prefix: string): Promise<void> {
    const id = assetPrefix(prefix);
    this.memory.forgetUnder(`${id}/`);
    const under = `${this.base}${id}/`;
    for await (const page of this.pages(under)) {
      const keys = (page.Contents ?? []).map((o) => ({ Key: o.Key! }));
      if (!keys.length) continue;
      const out = await this.call(() =>
        this.client.send(new DeleteObjectsCommand({ Bucket: this.bucket, Delete: { Objects: keys, Quiet: true } })),
      );
      if (out.Errors?.length) {
        const first = out.Errors[0];
        throw new StorageUnavailableError(
          new Error(`${out.Errors.length} objects under ${under} were not deleted: ${first.Code} ${first.Message}`),
        );
      }
    }
  }

  async *listPrefixes(): AsyncIterable<string[]> {
    for await (const page of this.pages(this.base, '/')) {
      const ids = (page.CommonPrefixes ?? [])
        .map((p) => (p.Prefix ?? '').slice(this.base.length))
        .filter((p) => /^[0-9a-f]{32}\/$/.test(p));
      if (ids.length) yield ids;
    }
  }

  async newestModification(prefix: string): Promise<Date | null> {
    let newest: Date | null = null;
    for await (const page of this.pages(`${this.base}${assetPrefix(prefix)}/`)) {
      for (const o of page.Contents ?? [])
        if (o.LastModified && (!newest || o.LastModified > newest)) newest = o.LastModified;
    }
    return newest;
  }

  /** ListObjectsV2 pages under `prefix` (with `delimiter`: its "folders" as CommonPrefixes). */
  private async *pages(prefix: string, delimiter?: string): AsyncIterable<ListObjectsV2CommandOutput> {
    let token: string | undefined;
    do {
      const page = await this.call(() =>
        this.client.send(
          new ListObjectsV2Command({
            Bucket: this.bucket,
            Prefix: prefix,
            Delimiter: delimiter,
            ContinuationToken: token,
          }),
        ),
      );
      yield page;
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }

  /** Runs one store operation: a missing `key` becomes ENOENT, any other failure StorageUnavailableError. */
  private async call<T>(op: () => Promise<T>, key?: string): Promise<T> {
    try {
      return await op();
    } catch (err) {
      if (err instanceof StorageUnavailableError) throw err;
      if (key !== undefined && isMissing(err)) throw missingObject(key);
      throw new StorageUnavailableError(err);
    }
  }

  /** Nest calls this when the app closes: the client's kept-alive sockets must not hold the process open. */
  onModuleDestroy(): void {
    this.client.destroy();
  }
}

/** `firstline` → `firstline/`; `/a//b/` → `a/b/`; empty stays empty. */
export function normalisePrefix(prefix: string): string {
  const parts = prefix.split('/').filter(Boolean);
  return parts.length ? `${parts.join('/')}/` : '';
}

async function readAll(body: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

function httpStatus(err: unknown): number | undefined {
  return (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
}

function isMissing(err: unknown): boolean {
  const name = (err as { name?: string }).name;
  if (name === 'NoSuchBucket') return false;
  return name === 'NoSuchKey' || name === 'NotFound' || httpStatus(err) === 404;
}

function describe(err: unknown): string {
  const e = err as { name?: string; code?: string; message?: string };
  return [e.code ?? e.name, e.message].filter(Boolean).join(': ').slice(0, 200);
}

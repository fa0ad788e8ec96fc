// Media assets: validation on the way in, a durable processing queue in PostgreSQL, and signed URLs on the way out.
// The queue is the media_assets table itself; a worker loop in every API process claims rows with
// FOR UPDATE SKIP LOCKED under a lease, so replicas share the work and a crash or restart loses nothing.
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  MEDIA_VARIANT_FORMATS,
  MEDIA_VARIANT_WIDTHS,
  type ImageUrls,
  type MediaAssetView,
  type MediaVariantFormat,
} from '@firstline/contracts';
import type { Request, Response } from 'express';
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { DataSource, EntityManager, In } from 'typeorm';
import { DomainError } from '../common/domain-error';
import { AppConfig, APP_CONFIG } from '../config/config';
import { configureSharp, deriveImage, DZI_FILE, inspectImage, TILES_DIR, variantFile } from './image-pipeline';
import { MediaAsset } from './media-asset.entity';
import { UrlSigner } from './signing';
import { assertNoEmbeddedMarkup, isAnimatedPng, readHead, sniffFormat, type AcceptedFormat } from './sniff';
import { MediaStorage, mediaTempDir, newStorageId } from './storage';
import { formatBytes } from './upload';

export const MEDIA_STORAGE = Symbol('MEDIA_STORAGE');

/** Who a signed URL is for and in what context (e.g. 'library', 'attempt:<uuid>', 'assignment:<uuid>'). */
export interface MediaUrlGrant {
  userId: string;
  scope: string;
}

export interface IngestOptions {
  createdBy: string | null;
  /** Assets sharing a group (e.g. `specimen:<id>:data-page`) are processed to the same dimensions. */
  group?: string | null;
  manager?: EntityManager;
}

interface Job {
  id: string;
  storageId: string;
  groupKey: string | null;
  attempts: number;
}

const SOURCE = 'source';
const MAX_ATTEMPTS = 3;
const ORPHAN_AGE_MS = 60 * 60 * 1000;
const MAX_CACHE_SECONDS = 3600;
const CONTENT_TYPES: Record<string, string> = { webp: 'image/webp', avif: 'image/avif', jpeg: 'image/jpeg', dzi: 'application/xml; charset=utf-8' };

@Injectable()
export class MediaService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log = new Logger(MediaService.name);
  private readonly events = new EventEmitter();
  private readonly tmpDir: string;
  private stopped = false;
  private loops: Promise<void>[] = [];
  private wakers = new Set<() => void>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(MEDIA_STORAGE) private readonly storage: MediaStorage,
    private readonly signer: UrlSigner,
  ) {
    this.tmpDir = mediaTempDir(config);
    this.events.setMaxListeners(0);
    configureSharp({ concurrency: config.SHARP_CONCURRENCY });
  }

  // ------------------------------------------------------------------------------------------ intake

  /**
   * Refuses anything but a single, complete, still JPEG/PNG/TIFF/WebP within the byte and pixel limits, judged by
   * content. Throws a 4xx DomainError with a message the uploader can act on.
   */
  async validateFile(file: string): Promise<{ format: AcceptedFormat; size: number; width: number; height: number }> {
    const { size } = await fs.promises.stat(file);
    if (size === 0) throw new DomainError('invalid', 'The file is empty');
    if (size > this.config.UPLOAD_MAX_BYTES) throw new DomainError('payload_too_large', `The file is larger than the ${formatBytes(this.config.UPLOAD_MAX_BYTES)} upload limit`);
    const head = await readHead(file);
    const format = sniffFormat(head);
    if (format === 'png' && isAnimatedPng(head)) throw new DomainError('invalid', 'The image is an animated PNG: upload a single still image');
    await assertNoEmbeddedMarkup(file);
    const { width, height } = await inspectImage(file, format, this.config.UPLOAD_MAX_PIXELS);
    return { format, size, width, height };
  }

  /** Copies a local image file into storage and queues it (validated as an upload is; throws 4xx on bad files). */
  async ingestFile(srcPath: string, opts: IngestOptions): Promise<{ id: string }> {
    const checked = await this.validateFile(srcPath);
    const storageId = newStorageId();
    await this.storage.putFile(`${storageId}/${SOURCE}`, srcPath);
    try {
      const id = await this.insertAsset(opts.manager ?? this.db.manager, storageId, checked, opts);
      this.kick();
      return { id };
    } catch (err) {
      await this.storage.deletePrefix(storageId);
      throw err;
    }
  }

  /**
   * For uploads: validates the temporary file, moves it into storage and, in ONE transaction, creates the asset row
   * and whatever `attach` adds (e.g. the specimen image row and its audit entry). On any failure the temporary or
   * stored file is removed and nothing is committed.
   */
  async ingestUpload<T>(tmpFile: string, opts: Omit<IngestOptions, 'manager'>, attach: (m: EntityManager, assetId: string) => Promise<T>): Promise<T> {
    let storageId: string | null = null;
    try {
      const checked = await this.validateFile(tmpFile);
      storageId = newStorageId();
      await this.storage.putFile(`${storageId}/${SOURCE}`, tmpFile, { move: true });
      const sid = storageId;
      const result = await this.db.transaction(async (m) => attach(m, await this.insertAsset(m, sid, checked, opts)));
      this.kick();
      return result;
    } catch (err) {
      if (storageId) await this.storage.deletePrefix(storageId).catch((e) => this.log.error({ err: e }, 'removing a rejected upload failed'));
      throw err;
    } finally {
      await fs.promises.rm(tmpFile, { force: true });
    }
  }

  /** A scratch path for an incoming upload (same disk as storage, so accepted files move by rename). */
  uploadTempDir(): string {
    return this.tmpDir;
  }

  private async insertAsset(m: EntityManager, storageId: string, checked: { format: string; size: number }, opts: Omit<IngestOptions, 'manager'>): Promise<string> {
    const result = await m.insert(MediaAsset, {
      storageId,
      status: 'queued',
      progress: 0,
      warnings: [],
      groupKey: opts.group ?? null,
      sourceFormat: checked.format,
      sourceBytes: String(checked.size),
      createdBy: opts.createdBy,
    });
    return (result.identifiers[0] as { id: string }).id;
  }

  /** Deletes assets (rows in `m`'s transaction); their files go once the caller's transaction has committed. */
  async deleteAssets(m: EntityManager, ids: string[]): Promise<() => Promise<void>> {
    if (!ids.length) return async () => undefined;
    const rows = await m.find(MediaAsset, { where: { id: In(ids) }, select: { id: true, storageId: true } });
    await m.delete(MediaAsset, { id: In(ids) });
    return async () => {
      for (const r of rows) await this.storage.deletePrefix(r.storageId).catch((err) => this.log.error({ err }, 'removing the files of a deleted asset failed'));
    };
  }

  // ------------------------------------------------------------------------------------------ views and URLs

  async view(assetId: string, grant?: MediaUrlGrant): Promise<MediaAssetView> {
    const [v] = await this.views([assetId], grant);
    if (!v) throw new DomainError('not_found', 'Image not found');
    return v;
  }

  /** Views of several assets, in the order asked (missing ones left out). */
  async views(assetIds: string[], grant?: MediaUrlGrant, manager: EntityManager = this.db.manager): Promise<MediaAssetView[]> {
    if (!assetIds.length) return [];
    const rows = await manager.find(MediaAsset, { where: { id: In(assetIds) } });
    const urls = grant ? this.urlsFor(rows, grant) : new Map<string, ImageUrls>();
    const byId = new Map(rows.map((r) => [r.id, r]));
    return assetIds.flatMap((id) => {
      const r = byId.get(id);
      if (!r) return [];
      return [
        {
          id: r.id,
          status: r.status,
          failureReason: r.failureReason,
          warnings: r.warnings ?? [],
          width: r.width,
          height: r.height,
          progress: r.status === 'ready' ? 100 : r.progress,
          createdAt: r.createdAt.toISOString(),
          urls: urls.get(r.id) ?? null,
        },
      ];
    });
  }

  /** Signed URLs for the ready assets among `assetIds` (others are left out of the map). */
  async signedUrls(assetIds: string[], grant: MediaUrlGrant, ttlSeconds = this.config.MEDIA_URL_TTL): Promise<Map<string, ImageUrls>> {
    if (!assetIds.length) return new Map();
    const rows = await this.db.getRepository(MediaAsset).find({ where: { id: In([...new Set(assetIds)]), status: 'ready' }, select: { id: true, status: true, width: true, height: true } });
    return this.urlsFor(rows, grant, ttlSeconds);
  }

  private urlsFor(rows: MediaAsset[], grant: MediaUrlGrant, ttlSeconds = this.config.MEDIA_URL_TTL): Map<string, ImageUrls> {
    // Expiry rounded up to the minute: pages reloaded within a minute get the same URLs, so the browser cache works.
    const exp = Math.ceil((Date.now() / 1000 + ttlSeconds) / 60) * 60;
    const out = new Map<string, ImageUrls>();
    for (const r of rows) {
      if (r.status !== 'ready' || !r.width || !r.height) continue;
      const base = `/api/media/s/${this.signer.sign({ assetId: r.id, userId: grant.userId, scope: grant.scope, exp })}`;
      const variants: Record<string, string> = {};
      for (const w of MEDIA_VARIANT_WIDTHS) for (const f of MEDIA_VARIANT_FORMATS) variants[variantFile(w, f)] = `${base}/${variantFile(w, f)}`;
      out.set(r.id, { width: r.width, height: r.height, dzi: `${base}/${DZI_FILE}`, variants, expiresAt: new Date(exp * 1000).toISOString() });
    }
    return out;
  }

  // ------------------------------------------------------------------------------------------ serving

  /** Streams one derived file of the asset a signed token names: ETag/304, ranges (206), private caching. */
  async serve(token: string, file: string, req: Request, res: Response): Promise<void> {
    const grant = this.signer.verify(token);
    const name = servedName(file);
    if (!name) throw new DomainError('not_found', 'Image not found');
    const asset = await this.db.getRepository(MediaAsset).findOne({ where: { id: grant.assetId }, select: { id: true, status: true, storageId: true } });
    if (!asset || asset.status !== 'ready') throw new DomainError('not_found', 'Image not found');
    const key = `${asset.storageId}/${name}`;
    const stat = await this.storage.stat(key);
    if (!stat) throw new DomainError('not_found', 'Image not found');

    const etag = `"${stat.etag}"`;
    const maxAge = Math.max(0, Math.min(MAX_CACHE_SECONDS, grant.exp - Math.floor(Date.now() / 1000)));
    res.setHeader('Content-Type', CONTENT_TYPES[name.slice(name.lastIndexOf('.') + 1)] ?? 'application/octet-stream');
    res.setHeader('ETag', etag);
    res.setHeader('Cache-Control', `private, max-age=${maxAge}`);
    res.setHeader('Last-Modified', stat.modifiedAt.toUTCString());
    res.setHeader('Accept-Ranges', 'bytes');
    const ifNoneMatch = req.headers['if-none-match'];
    if (ifNoneMatch && ifNoneMatch.split(',').some((t) => t.trim().replace(/^W\//, '') === etag || t.trim() === '*')) {
      res.status(304).end();
      return;
    }
    let range: { start: number; end: number } | undefined;
    const rangeHeader = req.headers.range;
    if (rangeHeader) {
      const parsed = parseRange(rangeHeader, stat.size);
      if (parsed === 'unsatisfiable') {
        throw new DomainError('range_not_satisfiable', 'Requested range is not satisfiable', undefined, { 'Content-Range': `bytes */${stat.size}` });
      }
      range = parsed ?? undefined;
    }
    if (range) {
      res.status(206);
      res.setHeader('Content-Range', `bytes ${range.start}-${range.end}/${stat.size}`);
      res.setHeader('Content-Length', String(range.end - range.start + 1));
    } else {
      res.status(200);
      res.setHeader('Content-Length', String(stat.size));
    }
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    const body = await this.storage.get(key, range);
    await new Promise<void>((resolve) => {
      body.on('error', (err) => {
        this.log.error({ err }, 'reading a media file failed');
        res.destroy(err);
        resolve();
      });
      res.on('close', () => {
        body.destroy();
        resolve();
      });
      body.pipe(res);
    });
  }

  // ------------------------------------------------------------------------------------------ the queue

  async onApplicationBootstrap(): Promise<void> {
    const requeued = await this.db.query(
      `UPDATE media_assets SET status = 'queued', lease_until = NULL, progress = 0, updated_at = now()
        WHERE status = 'processing' AND lease_until < now() AND attempts < $1 RETURNING id`,
      [MAX_ATTEMPTS],
    );
    if (requeued[0]?.length) this.log.warn({ count: requeued[0].length }, 'media jobs interrupted by a restart were queued again');
    await this.sweep().catch((err) => this.log.error({ err }, 'media janitor failed'));
    for (let i = 0; i < this.config.MEDIA_WORKER_CONCURRENCY; i++) this.loops.push(this.loop());
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    this.kick();
    await Promise.all(this.loops);
  }

  /** Resolves when no asset is queued or processing (tests and the seeder wait on this instead of sleeping). */
  async waitForIdle(): Promise<void> {
    for (;;) {
      const [{ n }] = await this.db.query(`SELECT count(*)::int AS n FROM media_assets WHERE status IN ('queued', 'processing')`);
      if (n === 0) return;
      this.kick();
      // Woken by a finished job here, or re-checked shortly in case another replica did the work.
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, 250);
        function done() {
          clearTimeout(timer);
          resolve();
        }
        this.events.once('job', done);
      });
    }
  }

  /** Wakes the worker loops now (called after every enqueue), instead of at their next poll. */
  kick(): void {
    for (const wake of this.wakers) wake();
    this.wakers.clear();
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.wakers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.wakers.add(wake);
    });
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      let job: Job | null = null;
      try {
        await this.failExhausted();
        job = await this.claim();
      } catch (err) {
        if (this.stopped) break;
        this.log.error({ err }, 'claiming a media job failed');
      }
      if (!job) {
        if (!this.stopped) await this.pause(this.config.MEDIA_POLL_INTERVAL_MS);
        continue;
      }
      await this.process(job).catch((err) => this.log.error({ err, assetId: job.id }, 'media job crashed'));
      this.events.emit('job', job.id);
    }
  }

  /**
   * Claims the oldest queued asset, or one whose worker's lease ran out (a crashed or killed process) — but never one
   * whose group (the lights of one document side) has another asset processing right now, so that the group's first
   * image is ready before the next is sized to it. Claims are serialised by a transaction-level advisory lock (they
   * are short and rare), which makes that check exact across workers and replicas.
   */
  private async claim(): Promise<Job | null> {
    return this.db.transaction(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('firstline:media-claim'))`);
      const [rows] = await m.query(
        `UPDATE media_assets SET status = 'processing', attempts = attempts + 1, progress = 0, updated_at = now(),
                lease_until = now() + make_interval(secs => $1)
          WHERE id = (SELECT a.id FROM media_assets a
                       WHERE (a.status = 'queued' OR (a.status = 'processing' AND a.lease_until < now()))
                         AND (a.group_key IS NULL OR NOT EXISTS (
                               SELECT 1 FROM media_assets b
                                WHERE b.group_key = a.group_key AND b.id <> a.id AND b.status = 'processing' AND b.lease_until >= now()))
                       ORDER BY a.created_at FOR UPDATE SKIP LOCKED LIMIT 1)
          RETURNING id, storage_id, group_key, attempts`,
        [this.config.MEDIA_JOB_LEASE_SECONDS],
      );
      const r = rows[0];
      return r ? { id: r.id, storageId: r.storage_id, groupKey: r.group_key, attempts: r.attempts } : null;
    });
  }

  /** An asset whose processing was interrupted MAX_ATTEMPTS times fails for good (a crash loop must not spin). */
  private async failExhausted(): Promise<void> {
    const [rows] = await this.db.query(
      `UPDATE media_assets SET status = 'failed', lease_until = NULL, progress = 0, updated_at = now(),
              failure_reason = 'Processing was interrupted ${MAX_ATTEMPTS} times; upload the image again'
        WHERE status = 'processing' AND lease_until < now() AND attempts >= $1 RETURNING storage_id`,
      [MAX_ATTEMPTS],
    );
    for (const r of rows) await this.storage.deletePrefix(r.storage_id);
  }

  private async process(job: Job): Promise<void> {
    const work = await fs.promises.mkdtemp(path.join(this.tmpDir, 'job-'));
    const heartbeat = (progress: number) =>
      this.db
        .query(
          `UPDATE media_assets SET progress = $3, lease_until = now() + make_interval(secs => $4), updated_at = now()
            WHERE id = $1 AND attempts = $2 AND status = 'processing'`,
          [job.id, job.attempts, progress, this.config.MEDIA_JOB_LEASE_SECONDS],
        )
        .then(() => undefined);
    try {
      const src = path.join(work, SOURCE);
      await this.storage.getToFile(`${job.storageId}/${SOURCE}`, src);
      await heartbeat(5);
      const target = job.groupKey ? await this.groupTarget(job.groupKey, job.id) : null;
      const out = path.join(work, 'out');
      await fs.promises.mkdir(out);
      const result = await deriveImage(src, out, { maxPixels: this.config.UPLOAD_MAX_PIXELS, target, onProgress: heartbeat });
      for (const f of result.files) await this.storage.putFile(`${job.storageId}/${f}`, path.join(out, f), { move: true });
      const [, updated] = await this.db.query(
        `UPDATE media_assets SET status = 'ready', progress = 100, width = $3, height = $4, warnings = $5::jsonb, failure_reason = NULL,
                lease_until = NULL, processed_at = now(), updated_at = now()
          WHERE id = $1 AND attempts = $2 AND status = 'processing'`,
        [job.id, job.attempts, result.width, result.height, JSON.stringify(result.warnings)],
      );
      if (updated === 1) {
        await this.storage.delete(`${job.storageId}/${SOURCE}`);
      } else {
        await this.abandoned(job);
      }
    } catch (err) {
      const reason = err instanceof DomainError ? err.message : `The image could not be processed: ${safeReason(err)}`;
      this.log.warn({ assetId: job.id, reason }, 'media processing failed');
      await this.storage.deletePrefix(job.storageId);
      await this.db.query(
        `UPDATE media_assets SET status = 'failed', failure_reason = $3, progress = 0, lease_until = NULL, updated_at = now()
          WHERE id = $1 AND attempts = $2`,
        [job.id, job.attempts, reason],
      );
    } finally {
      await fs.promises.rm(work, { recursive: true, force: true });
    }
  }

  /** The job lost its row (deleted while processing) or its lease (another worker took over). */
  private async abandoned(job: Job): Promise<void> {
    const exists = await this.db.getRepository(MediaAsset).exists({ where: { id: job.id } });
    if (!exists) await this.storage.deletePrefix(job.storageId); // nobody will ever serve these files
  }

  /** The dimensions every asset of `group` must have: those of its first ready asset. */
  private async groupTarget(group: string, exceptId: string): Promise<{ width: number; height: number } | null> {
    const [row] = await this.db.query(
      `SELECT width, height FROM media_assets WHERE group_key = $1 AND status = 'ready' AND id <> $2 ORDER BY processed_at, created_at LIMIT 1`,
      [group, exceptId],
    );
    return row ? { width: row.width, height: row.height } : null;
  }

  /**
   * Start-up housekeeping: removes stored prefixes no asset row refers to (left by a crash between storing and
   * committing, or by a caller's rolled-back transaction) and stale scratch files, older than an hour.
   */
  async sweep(): Promise<void> {
    const cutoff = Date.now() - ORPHAN_AGE_MS;
    const old = (await this.storage.listPrefixes()).filter((p) => p.modifiedAt.getTime() < cutoff).map((p) => p.prefix.replace(/\/$/, ''));
    if (old.length) {
      const known = new Set<string>(
        (await this.db.query(`SELECT storage_id FROM media_assets WHERE storage_id = ANY($1::text[])`, [old])).map((r: { storage_id: string }) => r.storage_id),
      );
      for (const id of old.filter((x) => !known.has(x))) await this.storage.deletePrefix(id);
    }
    for (const entry of await fs.promises.readdir(this.tmpDir)) {
      const p = path.join(this.tmpDir, entry);
      const st = await fs.promises.stat(p).catch(() => null);
      if (st && st.mtimeMs < cutoff) await fs.promises.rm(p, { recursive: true, force: true });
    }
  }
}

/** The stored name a served file name maps to, or null when it names nothing we serve. */
function servedName(file: string): string | null {
  if (file === DZI_FILE) return DZI_FILE;
  const variant = /^(\d{3,4})\.(webp|avif|jpeg)$/.exec(file);
  if (variant && (MEDIA_VARIANT_WIDTHS as readonly number[]).includes(Number(variant[1]))) return variantFile(Number(variant[1]), variant[2] as MediaVariantFormat);
  const tile = /^image_files\/(\d{1,2})\/(\d{1,5})_(\d{1,5})\.webp$/.exec(file);
  if (tile) return `${TILES_DIR}/${Number(tile[1])}/${Number(tile[2])}_${Number(tile[3])}.webp`;
  return null;
}

/** A single `bytes=` range; null when absent or not understood (serve everything), 'unsatisfiable' → 416. */
export function parseRange(header: string, size: number): { start: number; end: number } | null | 'unsatisfiable' {
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return null;
  let start: number;
  let end: number;
  if (m[1] === '') {
    const suffix = Number(m[2]);
    if (suffix === 0) return 'unsatisfiable';
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  if (start >= size || start > end) return 'unsatisfiable';
  return { start, end };
}

function safeReason(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  return msg.replace(/\/[^\s:"']+/g, '<file>').split('\n')[0].slice(0, 200);
}

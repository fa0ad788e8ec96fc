// The durable processing queue and its workers. The queue is the media_assets table itself; worker loops in every
// API process claim rows with FOR UPDATE SKIP LOCKED under a lease, so replicas share the work and a crash or
// restart loses nothing. A job derives the display variants and tiles from the stored source (image-pipeline.ts), in
// the image worker process.
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { DomainError } from '../common/errors/domain-error';
import { AppConfig, APP_CONFIG } from '../config/config';
import { MediaJob, MediaRepository } from './media.repository';
import { MEDIA_STORAGE, MediaStorage, mediaTempDir, putFiles, SOURCE_FILE, StorageUnavailableError } from './storage';
import { ImageWorker } from './worker/image-worker';

/** A job interrupted this many times (its worker died each time) fails for good: a crash loop must not spin. */
const MAX_ATTEMPTS = 3;
/** Stored prefixes and scratch files older than this, that nothing refers to, are removed at start-up. */
const ORPHAN_AGE_MS = 60 * 60 * 1000;
/** A job the store failed goes back to the queue after this long at most (sooner with a shorter lease). */
const STORE_RETRY_SECONDS = 30;
/** Derived files written to storage at once (tiles are many and small; an object store is latency-bound). */
const PUT_CONCURRENCY = 16;
/**
 * A job's progress (and lease) is written at most this often: a 200-dpi document image is done in a fifth of a
 * second, and its seven progress steps were seven UPDATEs; a large scan still shows its progress twice a second.
 */
const PROGRESS_EVERY_MS = 500;

@Injectable()
export class MediaQueue implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log = new Logger(MediaQueue.name);
  private readonly events = new EventEmitter();
  private readonly tmpDir: string;
  private stopped = false;
  private workers: Promise<void>[] = [];
  private wakers = new Set<() => void>();
  /** Jobs this process is working on, their clean-up included. */
  private running = 0;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(MEDIA_STORAGE) private readonly storage: MediaStorage,
    private readonly assets: MediaRepository,
    private readonly images: ImageWorker,
  ) {
    this.tmpDir = mediaTempDir(config);
    this.events.setMaxListeners(0);
  }

  async onApplicationBootstrap(): Promise<void> {
    const requeued = await this.assets.requeueInterrupted(MAX_ATTEMPTS);
    if (requeued) this.log.warn({ count: requeued }, 'media jobs interrupted by a restart were queued again');
    await this.sweep().catch((err) => this.log.error({ err }, 'media janitor failed'));
    for (let i = 0; i < this.config.MEDIA_WORKER_CONCURRENCY; i++) this.workers.push(this.work());
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    this.kick();
    await Promise.all(this.workers);
  }

  /**
   * Resolves when no asset is queued or processing and this process's jobs have cleaned up after themselves (tests
   * and the seeder wait on this instead of sleeping); `onPending` hears how many are left each time it looks.
   */
  async waitForIdle(onPending?: (pending: number) => void): Promise<void> {
    for (;;) {
      const pending = await this.assets.countPending();
      onPending?.(pending);
      // A job's row is final before its scratch folder is removed: wait for that too.
      if (pending === 0 && this.running === 0) return;
      this.kick();
      // Woken by a finished job here, or re-checked shortly in case another replica did the work.
      await this.jobEnded(250);
    }
  }

  /** Resolves when this process next finishes a media job (ready, failed or given up), or after `ms` at the latest. */
  jobEnded(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.events.off('job', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.events.once('job', done);
    });
  }

  /** Wakes the workers now (called after every enqueue), instead of at their next poll. */
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

  /** One worker: fail exhausted jobs, claim the next, process it; sleep until kicked or the poll interval. */
  private async work(): Promise<void> {
    while (!this.stopped) {
      let job: MediaJob | null = null;
      try {
        await this.failExhausted();
        job = await this.assets.claimNext(this.config.MEDIA_JOB_LEASE_SECONDS);
      } catch (err) {
        if (this.stopped) break;
        this.log.error({ err }, 'claiming a media job failed');
      }
      if (!job) {
        if (!this.stopped) await this.pause(this.config.MEDIA_POLL_INTERVAL_MS);
        continue;
      }
      const claimed = job;
      this.running++;
      await this.process(claimed).catch((err) => this.log.error({ err, assetId: claimed.id }, 'media job crashed'));
      this.running--;
      this.events.emit('job', claimed.id);
      // A group's first image ready lets the rest of its lights go to every worker: wake the ones asleep.
      if (claimed.groupKey) this.kick();
    }
  }

  private async failExhausted(): Promise<void> {
    for (const storageId of await this.assets.failExhausted(MAX_ATTEMPTS))
      await this.storage
        .deletePrefix(storageId)
        .catch((err) => this.log.error({ err }, 'removing the files of a failed job failed (the janitor retries)'));
  }

  private async process(job: MediaJob): Promise<void> {
    const work = await fs.promises.mkdtemp(path.join(this.tmpDir, 'job-'));
    let progressAt = Date.now(); // the claim wrote the progress and the lease
    const heartbeat = async (progress: number) => {
      if (Date.now() - progressAt < PROGRESS_EVERY_MS) return;
      progressAt = Date.now();
      await this.assets.heartbeat(job, progress, this.config.MEDIA_JOB_LEASE_SECONDS);
    };
    try {
      const source = path.join(work, SOURCE_FILE);
      await this.storage.getToFile(`${job.storageId}/${SOURCE_FILE}`, source);
      await heartbeat(5);
      const target = job.groupKey ? await this.assets.groupTarget(job.groupKey, job.id) : null;
      const out = path.join(work, 'out');
      await fs.promises.mkdir(out);
      const result = await this.images.run('deriveImage', source, out, {
        maxPixels: this.config.UPLOAD_MAX_PIXELS,
        target,
        onProgress: heartbeat,
        // stored as they are finished: the tiles while the variants are encoded
        onFiles: (files) =>
          putFiles(
            this.storage,
            files.map((file) => ({ key: `${job.storageId}/${file}`, file: path.join(out, file) })),
            { move: true, concurrency: PUT_CONCURRENCY },
          ),
      });
      if (await this.assets.markReady(job, result)) {
        await this.storage.delete(`${job.storageId}/${SOURCE_FILE}`);
      } else {
        await this.abandoned(job);
      }
    } catch (err) {
      if (err instanceof StorageUnavailableError) {
        // Not the image's fault: keep the source, and let the lease hand the job out again shortly.
        const retryIn = Math.min(STORE_RETRY_SECONDS, this.config.MEDIA_JOB_LEASE_SECONDS);
        const reason = `${err.message} (${safeReason(err.cause)}); retrying`;
        this.log.warn({ assetId: job.id, reason, retryIn }, 'media storage failed during processing');
        await this.assets.retryLater(job, reason, retryIn);
        return;
      }
      const reason = err instanceof DomainError ? err.message : `The image could not be processed: ${safeReason(err)}`;
      this.log.warn({ assetId: job.id, reason }, 'media processing failed');
      await this.assets.markFailed(job, reason);
      await this.storage
        .deletePrefix(job.storageId)
        .catch((e) => this.log.error({ err: e }, 'removing the files of a failed image failed (the janitor retries)'));
    } finally {
      await fs.promises.rm(work, { recursive: true, force: true });
    }
  }

  /** The job lost its row (deleted while processing) or its lease (another worker took over). */
  private async abandoned(job: MediaJob): Promise<void> {
    // nobody will ever serve these files
    if (!(await this.assets.exists(job.id))) await this.storage.deletePrefix(job.storageId);
  }

  /**
   * Start-up housekeeping: removes stored prefixes no asset row refers to (left by a crash between storing and
   * committing, or by a caller's rolled-back transaction) and stale scratch files, older than an hour.
   */
  async sweep(): Promise<void> {
    const cutoff = Date.now() - ORPHAN_AGE_MS;
    for await (const page of this.storage.listPrefixes()) {
      const ids = page.map((p) => p.replace(/\/$/, ''));
      const known = await this.assets.knownStorageIds(ids);
      for (const storageId of ids.filter((id) => !known.has(id))) {
        const newest = await this.storage.newestModification(storageId);
        if (newest && newest.getTime() < cutoff) await this.storage.deletePrefix(storageId);
      }
    }
    for (const entry of await fs.promises.readdir(this.tmpDir)) {
      const scratch = path.join(this.tmpDir, entry);
      const stat = await fs.promises.stat(scratch).catch(() => null);
      if (stat && stat.mtimeMs < cutoff) await fs.promises.rm(scratch, { recursive: true, force: true });
    }
  }
}

function safeReason(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  return msg
    .replace(/\/[^\s:"']+/g, '<file>')
    .split('\n')[0]
    .slice(0, 200);
}

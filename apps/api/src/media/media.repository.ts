// The media feature's data layer: every query on media_assets, which is both the image table and the processing
// queue (status queued → processing → ready | failed, claimed with FOR UPDATE SKIP LOCKED under a lease).
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { MediaAsset } from './media-asset.entity';

/** What a new asset row records about its checked source file. */
export interface NewAsset {
  storageId: string;
  sourceFormat: string;
  sourceBytes: number;
  groupKey: string | null;
  createdBy: string | null;
}

/** What URL signing needs of an asset. */
export interface SignableAsset {
  id: string;
  status: MediaAsset['status'];
  width: number | null;
  height: number | null;
}

/** What serving a file needs of an asset. */
export interface ServableAsset {
  id: string;
  status: MediaAsset['status'];
  storageId: string;
}

export interface ProcessedAsset extends ServableAsset {
  width: number | null;
  height: number | null;
}

/** A claimed processing job: the asset, its storage prefix, its group, and which attempt this is. */
export interface MediaJob {
  id: string;
  storageId: string;
  groupKey: string | null;
  attempts: number;
}

/** The outcome of a finished derivation. */
export interface DerivedImage {
  width: number;
  height: number;
  warnings: string[];
}

const CLAIM_LOCK = `SELECT pg_advisory_xact_lock(hashtext('firstline:media-claim'))`;

@Injectable()
export class MediaRepository {
  constructor(@InjectRepository(MediaAsset) private readonly assets: Repository<MediaAsset>) {}

  /** Which of these assets exist (in any state). */
  async existingIds(ids: string[], m?: EntityManager): Promise<string[]> {
    if (!ids.length) return [];
    const rows = await this.repo(m).find({ where: { id: In(ids) }, select: { id: true } });
    return rows.map((row) => row.id);
  }

  async creatorsOf(ids: string[], m?: EntityManager): Promise<Map<string, string | null>> {
    if (!ids.length) return new Map();
    const rows = await this.repo(m).find({ where: { id: In(ids) }, select: { id: true, createdBy: true } });
    return new Map(rows.map((row) => [row.id, row.createdBy]));
  }

  private repo(m?: EntityManager): Repository<MediaAsset> {
    return m ? m.getRepository(MediaAsset) : this.assets;
  }

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.assets.manager.transaction(work);
  }

  // ------------------------------------------------------------------------------------------ assets

  /** Inserts a queued asset and returns its id. */
  async insertQueued(asset: NewAsset, m?: EntityManager): Promise<string> {
    const result = await this.repo(m).insert({
      storageId: asset.storageId,
      status: 'queued',
      progress: 0,
      warnings: [],
      groupKey: asset.groupKey,
      sourceFormat: asset.sourceFormat,
      sourceBytes: String(asset.sourceBytes),
      createdBy: asset.createdBy,
    });
    return (result.identifiers[0] as { id: string }).id;
  }

  /** Deletes the assets and returns the storage prefixes they had (whose files the caller removes). */
  async deleteReturningStorage(ids: string[], m?: EntityManager): Promise<string[]> {
    const repo = this.repo(m);
    const rows = await repo.find({ where: { id: In(ids) }, select: { id: true, storageId: true } });
    await repo.delete({ id: In(ids) });
    return rows.map((r) => r.storageId);
  }

  findByIds(ids: string[], m?: EntityManager): Promise<MediaAsset[]> {
    return this.repo(m).find({ where: { id: In(ids) } });
  }

  findReady(ids: string[], m?: EntityManager): Promise<SignableAsset[]> {
    return this.repo(m).find({
      where: { id: In(ids), status: 'ready' },
      select: { id: true, status: true, width: true, height: true },
    });
  }

  findServable(id: string, m?: EntityManager): Promise<ServableAsset | null> {
    return this.repo(m).findOne({ where: { id }, select: { id: true, status: true, storageId: true } });
  }

  /** An asset's storage prefix, status and size (reading its processed pixels back). */
  findProcessed(id: string, m?: EntityManager): Promise<ProcessedAsset | null> {
    return this.repo(m).findOne({
      where: { id },
      select: { id: true, status: true, storageId: true, width: true, height: true },
    });
  }

  exists(id: string, m?: EntityManager): Promise<boolean> {
    return this.repo(m).exists({ where: { id } });
  }

  /** Which of `storageIds` an asset row still refers to. */
  async knownStorageIds(storageIds: string[], m?: EntityManager): Promise<Set<string>> {
    const rows: Array<{ storage_id: string }> = await this.repo(m).query(
      `SELECT storage_id FROM media_assets WHERE storage_id = ANY($1::text[])`,
      [storageIds],
    );
    return new Set(rows.map((r) => r.storage_id));
  }

  // ------------------------------------------------------------------------------------------ the queue

  /** Jobs whose worker died (lease expired) with attempts left go back to the queue; returns how many. */
  async requeueInterrupted(maxAttempts: number, m?: EntityManager): Promise<number> {
    const [rows]: [Array<{ id: string }>, number] = await this.repo(m).query(
      `UPDATE media_assets SET status = 'queued', lease_until = NULL, progress = 0, updated_at = now()
        WHERE status = 'processing' AND lease_until < now() AND attempts < $1 RETURNING id`,
      [maxAttempts],
    );
    return rows.length;
  }

  /** Jobs interrupted `maxAttempts` times fail for good; returns their storage prefixes. */
  async failExhausted(maxAttempts: number, m?: EntityManager): Promise<string[]> {
    const [rows]: [Array<{ storage_id: string }>, number] = await this.repo(m).query(
      `UPDATE media_assets SET status = 'failed', lease_until = NULL, progress = 0, updated_at = now(),
              failure_reason = 'Processing was interrupted ${maxAttempts} times; upload the image again'
        WHERE status = 'processing' AND lease_until < now() AND attempts >= $1 RETURNING storage_id`,
      [maxAttempts],
    );
    return rows.map((r) => r.storage_id);
  }

  /**
   * Claims the oldest queued asset, or one whose worker's lease ran out (a crashed or killed process) — but, while
   * its group (the lights of one document side) has no image ready yet, never one whose group has another asset
   * processing right now: the group's first image is ready before the next is sized to it, and the rest of the group
   * then goes to every free worker at once. Claims are serialised by a transaction-level advisory lock (they are
   * short and rare), which makes that check exact across workers and replicas.
   */
  claimNext(leaseSeconds: number): Promise<MediaJob | null> {
    return this.transaction(async (m) => {
      await m.query(CLAIM_LOCK);
      const [rows]: [Array<{ id: string; storage_id: string; group_key: string | null; attempts: number }>, number] =
        await m.query(
          `UPDATE media_assets SET status = 'processing', attempts = attempts + 1, progress = 0, updated_at = now(),
                lease_until = now() + make_interval(secs => $1)
          WHERE id = (SELECT a.id FROM media_assets a
                       WHERE (a.status = 'queued' OR (a.status = 'processing' AND a.lease_until < now()))
                         AND (a.group_key IS NULL
                              OR EXISTS (SELECT 1 FROM media_assets r WHERE r.group_key = a.group_key AND r.status = 'ready')
                              OR NOT EXISTS (
                               SELECT 1 FROM media_assets b
                                WHERE b.group_key = a.group_key AND b.id <> a.id AND b.status = 'processing' AND b.lease_until >= now()))
                       ORDER BY a.created_at FOR UPDATE SKIP LOCKED LIMIT 1)
          RETURNING id, storage_id, group_key, attempts`,
          [leaseSeconds],
        );
      const row = rows[0];
      return row ? { id: row.id, storageId: row.storage_id, groupKey: row.group_key, attempts: row.attempts } : null;
    });
  }

  /** Records progress and extends the lease (only while this attempt still holds the job). */
  async heartbeat(job: MediaJob, progress: number, leaseSeconds: number, m?: EntityManager): Promise<void> {
    await this.repo(m).query(
      `UPDATE media_assets SET progress = $3, lease_until = now() + make_interval(secs => $4), updated_at = now()
        WHERE id = $1 AND attempts = $2 AND status = 'processing'`,
      [job.id, job.attempts, progress, leaseSeconds],
    );
  }

  /** Marks the job ready; false when this attempt no longer holds it (row deleted or lease taken over). */
  async markReady(job: MediaJob, image: DerivedImage, m?: EntityManager): Promise<boolean> {
    const [, updated]: [unknown, number] = await this.repo(m).query(
      `UPDATE media_assets SET status = 'ready', progress = 100, width = $3, height = $4, warnings = $5::jsonb, failure_reason = NULL,
              lease_until = NULL, processed_at = now(), updated_at = now()
        WHERE id = $1 AND attempts = $2 AND status = 'processing'`,
      [job.id, job.attempts, image.width, image.height, JSON.stringify(image.warnings)],
    );
    return updated === 1;
  }

  /**
   * The store failed this attempt (not the image): record why, and leave the job to be claimed again when its lease
   * runs out in `delaySeconds`. Such an attempt does not count towards the crash-loop limit.
   */
  async retryLater(job: MediaJob, reason: string, delaySeconds: number, m?: EntityManager): Promise<void> {
    await this.repo(m).query(
      `UPDATE media_assets SET failure_reason = $3, progress = 0, attempts = attempts - 1,
              lease_until = now() + make_interval(secs => $4), updated_at = now()
        WHERE id = $1 AND attempts = $2 AND status = 'processing'`,
      [job.id, job.attempts, reason, delaySeconds],
    );
  }

  async markFailed(job: MediaJob, reason: string, m?: EntityManager): Promise<void> {
    await this.repo(m).query(
      `UPDATE media_assets SET status = 'failed', failure_reason = $3, progress = 0, lease_until = NULL, updated_at = now()
        WHERE id = $1 AND attempts = $2`,
      [job.id, job.attempts, reason],
    );
  }

  /** The dimensions of the group's first ready asset (other than `exceptId`), which the rest must match. */
  async groupTarget(
    groupKey: string,
    exceptId: string,
    m?: EntityManager,
  ): Promise<{ width: number; height: number } | null> {
    const [row]: Array<{ width: number; height: number }> = await this.repo(m).query(
      `SELECT width, height FROM media_assets WHERE group_key = $1 AND status = 'ready' AND id <> $2 ORDER BY processed_at, created_at LIMIT 1`,
      [groupKey, exceptId],
    );
    return row ? { width: row.width, height: row.height } : null;
  }

  /** How many assets are queued or processing. */
  async countPending(m?: EntityManager): Promise<number> {
    const [{ n }]: Array<{ n: number }> = await this.repo(m).query(
      `SELECT count(*)::int AS n FROM media_assets WHERE status IN ('queued', 'processing')`,
    );
    return n;
  }
}

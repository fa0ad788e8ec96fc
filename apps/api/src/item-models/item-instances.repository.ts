// The item models feature's data layer: generated documents from queueing to the officer who draws one.
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { ItemInstance } from './item-instance.entity';

/** Per item model of a version: documents waiting, being generated, drawn, failed, and the latest failure. */
export interface ModelCounts {
  modelId: string;
  ready: number;
  generating: number;
  used: number;
  /** Officers who have drawn a document of the model. */
  officers: number;
  failed: number;
  lastError: string | null;
  /** Failures among the model's three latest generations. */
  recentFailures: number;
}

@Injectable()
export class ItemInstancesRepository {
  constructor(@InjectRepository(ItemInstance) private readonly instances: Repository<ItemInstance>) {}

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.instances.manager.transaction(work);
  }

  /** Serialises the decision of what to generate across replicas (released at the transaction's end). */
  async lockPlanning(m: EntityManager): Promise<boolean> {
    const [{ locked }] = await m.query(`SELECT pg_try_advisory_xact_lock(hashtext('firstline:item-models')) AS locked`);
    return locked;
  }

  async counts(moduleVersionId: string, m?: EntityManager): Promise<ModelCounts[]> {
    return (m ?? this.instances.manager).query(
      `SELECT model_id AS "modelId",
              count(*) FILTER (WHERE status = 'ready' AND user_id IS NULL)::int AS ready,
              count(*) FILTER (WHERE status = 'generating')::int AS generating,
              count(*) FILTER (WHERE user_id IS NOT NULL)::int AS used,
              count(DISTINCT user_id)::int AS officers,
              count(*) FILTER (WHERE status = 'failed')::int AS failed,
              (array_agg(error ORDER BY created_at DESC) FILTER (WHERE status = 'failed'))[1] AS "lastError",
              (SELECT count(*) FROM (SELECT r.status FROM item_instances r
                 WHERE r.module_version_id = i.module_version_id AND r.model_id = i.model_id
                 ORDER BY r.created_at DESC LIMIT 3) t WHERE t.status = 'failed')::int AS "recentFailures"
         FROM item_instances i WHERE module_version_id = $1
        GROUP BY module_version_id, model_id`,
      [moduleVersionId],
    );
  }

  /** Queues documents to generate: rows in 'generating', in the order given. */
  async createGenerating(
    rows: Array<{ moduleVersionId: string; modelId: string }>,
    m: EntityManager,
  ): Promise<ItemInstance[]> {
    const repo = m.getRepository(ItemInstance);
    return repo.save(rows.map((row) => repo.create({ ...row, status: 'generating' })));
  }

  async setJob(id: string, jobId: string): Promise<void> {
    await this.instances.update({ id }, { jobId });
  }

  async ready(id: string, exerciseId: string, exerciseVersionId: string): Promise<void> {
    await this.instances.update({ id }, { status: 'ready', exerciseId, exerciseVersionId });
  }

  async failed(id: string, error: string): Promise<void> {
    await this.instances.update({ id }, { status: 'failed', error });
  }

  /** Documents left 'generating' by a server that stopped (their jobs are gone): forgotten, to be generated again. */
  async forgetGenerating(ids: string[]): Promise<void> {
    if (ids.length) await this.instances.query(`DELETE FROM item_instances WHERE id = ANY($1::uuid[])`, [ids]);
  }

  generating(): Promise<Array<Pick<ItemInstance, 'id' | 'jobId' | 'createdAt'>>> {
    return this.instances.query(
      `SELECT id, job_id AS "jobId", created_at AS "createdAt" FROM item_instances WHERE status = 'generating'`,
    );
  }

  /** Of these models of the version, how many documents each has waiting for an officer. */
  async readyByModel(moduleVersionId: string, m: EntityManager): Promise<Map<string, number>> {
    const rows: Array<{ modelId: string; n: number }> = await m.query(
      `SELECT model_id AS "modelId", count(*)::int AS n FROM item_instances
        WHERE module_version_id = $1 AND status = 'ready' AND user_id IS NULL GROUP BY model_id`,
      [moduleVersionId],
    );
    return new Map(rows.map((r) => [r.modelId, r.n]));
  }

  /**
   * Gives the officer the oldest waiting document of the model (row-locked, skipping one another transaction is
   * claiming): its exercise version id, or null when none is left. Rolled back with the attempt that draws it.
   */
  async claim(moduleVersionId: string, modelId: string, userId: string, m: EntityManager): Promise<string | null> {
    // A CTE, so the statement answers rows (TypeORM answers an UPDATE's RETURNING as [rows, count]).
    const [row]: Array<{ versionId: string }> = await m.query(
      `WITH claimed AS (
         UPDATE item_instances SET user_id = $3, claimed_at = now()
          WHERE id = (SELECT id FROM item_instances
                       WHERE module_version_id = $1 AND model_id = $2 AND status = 'ready' AND user_id IS NULL
                       ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED)
          RETURNING exercise_version_id)
       SELECT exercise_version_id AS "versionId" FROM claimed`,
      [moduleVersionId, modelId, userId],
    );
    return row?.versionId ?? null;
  }

  /** The generated documents of a version's models (ready or drawn): exercise version, model, drawn or not. */
  documentsOf(
    moduleVersionId: string,
    m?: EntityManager,
  ): Promise<Array<{ versionId: string; modelId: string; drawn: boolean }>> {
    return (m ?? this.instances.manager).query(
      `SELECT exercise_version_id AS "versionId", model_id AS "modelId", user_id IS NOT NULL AS drawn
         FROM item_instances WHERE module_version_id = $1 AND exercise_version_id IS NOT NULL ORDER BY created_at`,
      [moduleVersionId],
    );
  }
}

// The authoring jobs' SQL: create, progress, the assets a job has ingested, finishing, and the jobs a stopped
// server left open.
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { ExerciseJob } from './exercise-job.entity';

@Injectable()
export class ExerciseJobsRepository {
  constructor(@InjectRepository(ExerciseJob) private readonly jobs: Repository<ExerciseJob>) {}

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.jobs.manager.transaction(work);
  }

  create(job: Pick<ExerciseJob, 'kind' | 'request' | 'unitId' | 'createdBy'>): Promise<ExerciseJob> {
    return this.jobs.save(this.jobs.create({ ...job, status: 'queued', progress: 0, step: 'Waiting to start' }));
  }

  find(id: string): Promise<ExerciseJob | null> {
    return this.jobs.findOneBy({ id });
  }

  async progress(id: string, progress: number, step: string): Promise<void> {
    await this.jobs.query(
      `UPDATE exercise_jobs SET status = 'running', progress = GREATEST(progress, $2), step = $3, updated_at = now() WHERE id = $1`,
      [id, Math.round(progress), step],
    );
  }

  /** Remembers an ingested asset at once, so that a failure (or a restart) can remove it. */
  async addAsset(id: string, assetId: string): Promise<void> {
    await this.jobs.query(
      `UPDATE exercise_jobs SET asset_ids = array_append(asset_ids, $2), updated_at = now() WHERE id = $1`,
      [id, assetId],
    );
  }

  async done(id: string, exerciseId: string): Promise<void> {
    await this.jobs.query(
      `UPDATE exercise_jobs SET status = 'done', progress = 100, step = NULL, exercise_id = $2, updated_at = now(),
              finished_at = now()
        WHERE id = $1`,
      [id, exerciseId],
    );
  }

  async failed(id: string, error: string): Promise<void> {
    await this.jobs.query(
      `UPDATE exercise_jobs SET status = 'failed', step = NULL, error = $2, asset_ids = '{}', updated_at = now(),
              finished_at = now()
        WHERE id = $1`,
      [id, error],
    );
  }

  /** Of these jobs, the open ones touched within `seconds`. */
  async touchedSince(ids: string[], seconds: number): Promise<string[]> {
    if (!ids.length) return [];
    const rows: Array<{ id: string }> = await this.jobs.query(
      `SELECT id FROM exercise_jobs WHERE id = ANY($1::uuid[]) AND status IN ('queued', 'running')
          AND updated_at >= now() - make_interval(secs => $2)`,
      [ids, seconds],
    );
    return rows.map((r) => r.id);
  }

  /** Jobs open but untouched for `staleSeconds` (left by a server that stopped), with the assets they ingested. */
  stale(staleSeconds: number): Promise<Array<Pick<ExerciseJob, 'id' | 'assetIds'>>> {
    return this.jobs.query(
      `SELECT id, asset_ids AS "assetIds" FROM exercise_jobs
        WHERE status IN ('queued', 'running') AND updated_at < now() - make_interval(secs => $1)
        ORDER BY created_at`,
      [staleSeconds],
    );
  }
}

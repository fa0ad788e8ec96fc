// The exercises feature's data layer: exercises, their versions, and the counts the bank shows.
import { EASY_FACILITY, HARD_FACILITY, type ExerciseListQuery, type FacilityBand } from '@firstline/contracts';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import type { ContentScope } from '../cohorts';
import { containsPattern } from '../common/sql/contains-pattern';
import { Exercise, ExerciseVersion } from './exercise.entity';

/** One row of the bank's page: the exercise, its current version and how many locked responses it has. */
export interface ExercisePageRow {
  exerciseId: string;
  unitId: string | null;
  versionId: string;
  retiredAt: Date | null;
  updatedAt: Date;
  facility: number | null;
}

const FACILITY_BAND_SQL: Record<FacilityBand, string> = {
  hard: `fac.facility < ${HARD_FACILITY}`,
  middling: `fac.facility BETWEEN ${HARD_FACILITY} AND ${EASY_FACILITY}`,
  easy: `fac.facility > ${EASY_FACILITY}`,
  unanalysed: 'fac.facility IS NULL',
};

@Injectable()
export class ExercisesRepository {
  constructor(
    @InjectRepository(Exercise) private readonly exercises: Repository<Exercise>,
    @InjectRepository(ExerciseVersion) private readonly versions: Repository<ExerciseVersion>,
  ) {}

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.exercises.manager.transaction(work);
  }

  private exerciseRepo(m?: EntityManager): Repository<Exercise> {
    return m ? m.getRepository(Exercise) : this.exercises;
  }

  private versionRepo(m?: EntityManager): Repository<ExerciseVersion> {
    return m ? m.getRepository(ExerciseVersion) : this.versions;
  }

  /**
   * A page of the bank (current versions) within the actor's content scope, filtered as the query says.
   */
  async page(
    q: ExerciseListQuery,
    scope: ContentScope,
    facilities: Map<string, number>,
    /** With `q.use`: the exercises some module uses. */
    inModules: Set<string> | null = null,
    m?: EntityManager,
  ): Promise<{ total: number; rows: ExercisePageRow[] }> {
    const db = m ?? this.exercises.manager;
    const where: string[] = [];
    const params: unknown[] = [[...facilities.keys()], [...facilities.values()]];
    if (scope.kind === 'unit') where.push(scope.unitId ? `e.unit_id = $${params.push(scope.unitId)}` : 'false');
    if (q.q) {
      const like = params.push(containsPattern(q.q));
      where.push(`(v.title ILIKE $${like} OR v.issuing_state ILIKE $${like} OR v.tags::text ILIKE $${like})`);
    }
    if (q.fraudType) where.push(`v.fraud_type = $${params.push(q.fraudType)}`);
    if (q.documentType) where.push(`v.document_type = $${params.push(q.documentType)}`);
    if (q.issuingState) where.push(`v.issuing_state = $${params.push(q.issuingState)}`);
    if (q.difficulty) where.push(`v.difficulty = $${params.push(q.difficulty)}`);
    if (q.tag) where.push(`v.tags @> jsonb_build_array($${params.push(q.tag)}::text)`);
    if (q.includeRetired !== 'true') where.push('e.retired_at IS NULL');
    // An item model's generated documents are each one officer's own: not library content.
    where.push('e.item_model_id IS NULL');
    if (q.facility) where.push(FACILITY_BAND_SQL[q.facility]);
    if (q.use && inModules) {
      const used = `e.id = ANY($${params.push([...inModules])}::uuid[])`;
      where.push(q.use === 'in-modules' ? used : `NOT (${used})`);
    }
    const clause = where.length ? `AND ${where.join(' AND ')}` : '';
    const from = `FROM exercises e JOIN exercise_versions v ON v.id = e.current_version_id
      LEFT JOIN unnest($1::uuid[], $2::float8[]) AS fac(exercise_id, facility) ON fac.exercise_id = e.id
      WHERE true ${clause}`;
    const order =
      q.sort === 'facility'
        ? 'fac.facility ASC NULLS LAST, '
        : q.sort === '-facility'
          ? 'fac.facility DESC NULLS LAST, '
          : '';
    const [{ total }]: Array<{ total: number }> = await db.query(`SELECT count(*)::int AS total ${from}`, params);
    const rows: ExercisePageRow[] = await db.query(
      `SELECT e.id AS "exerciseId", e.unit_id AS "unitId", v.id AS "versionId", e.retired_at AS "retiredAt",
              e.updated_at AS "updatedAt", fac.facility
         ${from} ORDER BY ${order}v.title, e.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, q.limit, q.offset],
    );
    return { total, rows };
  }

  /** Exercises with a version that names one of these specimens. */
  async idsOfSpecimens(specimenIds: string[], m?: EntityManager): Promise<string[]> {
    if (!specimenIds.length) return [];
    const rows: Array<{ id: string }> = await (m ?? this.exercises.manager).query(
      `SELECT DISTINCT exercise_id AS id FROM exercise_versions WHERE specimen_id = ANY($1::uuid[])`,
      [specimenIds],
    );
    return rows.map((r) => r.id);
  }

  /** Of these media asset ids, the ones an exercise of this unit shows (in any of its versions). */
  async assetIdsUsedInUnit(unitId: string, assetIds: string[], m?: EntityManager): Promise<Set<string>> {
    if (!assetIds.length) return new Set();
    const rows: Array<{ id: string }> = await (m ?? this.exercises.manager).query(
      `SELECT DISTINCT a.id
         FROM exercises e
         JOIN exercise_versions v ON v.exercise_id = e.id
         CROSS JOIN LATERAL (
           SELECT (img->>'assetId')::uuid AS id FROM jsonb_array_elements(v.images) img
           UNION ALL SELECT v.traveller_asset_id
         ) a
        WHERE e.unit_id = $1 AND a.id = ANY($2::uuid[])`,
      [unitId, assetIds],
    );
    return new Set(rows.map((r) => r.id));
  }

  /** The exercise each of these versions belongs to (unknown ids are absent). */
  async exercisesOfVersions(versionIds: string[], m?: EntityManager): Promise<Map<string, string>> {
    if (!versionIds.length) return new Map();
    const rows = await this.versionRepo(m).find({
      where: { id: In(versionIds) },
      select: { id: true, exerciseId: true },
    });
    return new Map(rows.map((r) => [r.id, r.exerciseId]));
  }

  findExercise(id: string, m?: EntityManager): Promise<Exercise | null> {
    return this.exerciseRepo(m).findOne({ where: { id } });
  }

  /** The exercise, locked for update until the transaction ends. */
  lockExercise(id: string, m: EntityManager): Promise<Exercise | null> {
    return m.getRepository(Exercise).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  exercisesByIds(ids: string[], m?: EntityManager): Promise<Exercise[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.exerciseRepo(m).find({ where: { id: In(ids) } });
  }

  async exerciseIdBySeedKey(seedKey: string, m?: EntityManager): Promise<string | null> {
    const found = await this.exerciseRepo(m).findOne({ where: { seedKey }, select: { id: true } });
    return found?.id ?? null;
  }

  createExercise(fields: Partial<Exercise>, m?: EntityManager): Promise<Exercise> {
    const repo = this.exerciseRepo(m);
    return repo.save(repo.create(fields));
  }

  saveExercise(exercise: Exercise, m?: EntityManager): Promise<Exercise> {
    return this.exerciseRepo(m).save(exercise);
  }

  versionOrFail(id: string, m?: EntityManager): Promise<ExerciseVersion> {
    return this.versionRepo(m).findOneOrFail({ where: { id } });
  }

  versionsByIds(ids: string[], m?: EntityManager): Promise<ExerciseVersion[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.versionRepo(m).find({ where: { id: In(ids) } });
  }

  async versionTitles(ids: string[], m?: EntityManager): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const rows = await this.versionRepo(m).find({ where: { id: In(ids) }, select: { id: true, title: true } });
    return new Map(rows.map((row) => [row.id, row.title]));
  }

  createVersion(fields: Partial<ExerciseVersion>, m?: EntityManager): Promise<ExerciseVersion> {
    const repo = this.versionRepo(m);
    return repo.save(repo.create(fields));
  }

  saveVersion(version: ExerciseVersion, m?: EntityManager): Promise<ExerciseVersion> {
    return this.versionRepo(m).save(version);
  }

  /** Every version of these exercises (earlier responses keep the version they answered). */
  async versionsOfExercises(
    exerciseIds: string[],
    m?: EntityManager,
  ): Promise<Array<{ exerciseId: string; versionId: string }>> {
    if (!exerciseIds.length) return [];
    const rows = await this.versionRepo(m).find({
      where: { exerciseId: In(exerciseIds) },
      select: { id: true, exerciseId: true },
    });
    return rows.map((row) => ({ exerciseId: row.exerciseId, versionId: row.id }));
  }
}

// Exercises: authoring with validation, and versioning — an exercise that has been drawn into an attempt or frozen
// into a published module gets a new version when edited, so earlier responses keep the version they answered.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ExerciseInput, ExerciseListQuery, ExerciseSummary, ExerciseView } from '@firstline/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Actor } from '../common/actor';
import { DomainError, notFound } from '../common/domain-error';
import { Exercise, ExerciseVersion } from './exercise.entity';

@Injectable()
export class ExercisesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(q: ExerciseListQuery): Promise<{ items: ExerciseSummary[]; total: number; limit: number; offset: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (q.q) where.push(`(v.title ILIKE $${params.push(`%${q.q}%`)} OR v.issuing_state ILIKE $${params.length} OR v.tags::text ILIKE $${params.length})`);
    if (q.fraudType) where.push(`v.fraud_type = $${params.push(q.fraudType)}`);
    if (q.documentType) where.push(`v.document_type = $${params.push(q.documentType)}`);
    const clause = where.length ? `AND ${where.join(' AND ')}` : '';
    const from = `FROM exercises e JOIN exercise_versions v ON v.id = e.current_version_id WHERE true ${clause}`;
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total ${from}`, params);
    const rows = await this.db.query(
      `SELECT e.id AS "exerciseId", v.id AS "versionId", e.updated_at AS "updatedAt",
              (SELECT count(*)::int FROM attempt_items i JOIN exercise_versions w ON w.id = i.exercise_version_id
                WHERE w.exercise_id = e.id AND i.locked_at IS NOT NULL) AS "responseCount"
         ${from} ORDER BY v.title, e.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, q.limit, q.offset],
    );
    const versions = rows.length ? await this.db.getRepository(ExerciseVersion).findBy(rows.map((r: { versionId: string }) => ({ id: r.versionId }))) : [];
    const byId = new Map(versions.map((v) => [v.id, v]));
    const items = rows.map((r: { exerciseId: string; versionId: string; updatedAt: Date; responseCount: number }) =>
      summary(byId.get(r.versionId)!, r.exerciseId, r.responseCount, r.updatedAt),
    );
    return { items, total, limit: q.limit, offset: q.offset };
  }

  async get(id: string, manager: EntityManager = this.db.manager): Promise<ExerciseView> {
    const exercise = await manager.findOne(Exercise, { where: { id } });
    if (!exercise?.currentVersionId) throw notFound('Exercise');
    const version = await manager.findOneOrFail(ExerciseVersion, { where: { id: exercise.currentVersionId } });
    const responses = await this.responseCount(manager, id);
    return view(version, exercise, responses);
  }

  async create(actor: Actor | null, input: ExerciseInput, manager?: EntityManager, seedKey?: string): Promise<ExerciseView> {
    const run = async (m: EntityManager) => {
      await this.validate(m, input);
      const exercise = await m.save(m.create(Exercise, { createdBy: actor?.id ?? null, currentVersionId: null, seedKey: seedKey ?? null }));
      const version = await m.save(m.create(ExerciseVersion, { ...columns(input), exerciseId: exercise.id, version: 1, createdBy: actor?.id ?? null }));
      exercise.currentVersionId = version.id;
      await m.save(exercise);
      await this.audit.record({ actorId: actor?.id ?? null, action: 'exercise.create', entityType: 'exercise', entityId: exercise.id, after: { version: 1, title: input.title } }, m);
      return view(version, exercise, 0);
    };
    return manager ? run(manager) : this.db.transaction(run);
  }

  async update(actor: Actor, id: string, input: ExerciseInput): Promise<ExerciseView> {
    return this.db.transaction(async (m) => {
      const exercise = await m.getRepository(Exercise).createQueryBuilder('e').setLock('pessimistic_write').where('e.id = :id', { id }).getOne();
      if (!exercise?.currentVersionId) throw notFound('Exercise');
      await this.validate(m, input);
      const current = await m.findOneOrFail(ExerciseVersion, { where: { id: exercise.currentVersionId } });
      const used = await this.isUsed(m, current.id);
      let version: ExerciseVersion;
      if (used) {
        version = await m.save(m.create(ExerciseVersion, { ...columns(input), exerciseId: id, version: current.version + 1, createdBy: actor.id }));
        exercise.currentVersionId = version.id;
      } else {
        Object.assign(current, columns(input));
        version = await m.save(current);
      }
      exercise.updatedAt = new Date();
      await m.save(exercise);
      await this.audit.record(
        { actorId: actor.id, action: 'exercise.update', entityType: 'exercise', entityId: id, before: { version: current.version, title: current.title, truth: current.truth }, after: { version: version.version, title: version.title, truth: version.truth, newVersion: used } },
        m,
      );
      return view(version, exercise, await this.responseCount(m, id));
    });
  }

  /** Drawn into an attempt or frozen into a published module version. */
  private async isUsed(m: EntityManager, versionId: string): Promise<boolean> {
    const [row] = await m.query(
      `SELECT EXISTS (SELECT 1 FROM attempt_items WHERE exercise_version_id = $1)
           OR EXISTS (SELECT 1 FROM module_versions WHERE pool @> jsonb_build_array($1::text)) AS used`,
      [versionId],
    );
    return row.used;
  }

  private async responseCount(m: EntityManager, exerciseId: string): Promise<number> {
    const [row] = await m.query(
      `SELECT count(*)::int AS n FROM attempt_items i JOIN exercise_versions v ON v.id = i.exercise_version_id WHERE v.exercise_id = $1 AND i.locked_at IS NOT NULL`,
      [exerciseId],
    );
    return row.n;
  }

  private async validate(m: EntityManager, input: ExerciseInput): Promise<void> {
    const problems: string[] = [];
    const { truth, parts } = input;
    const keys = new Set<string>();
    for (const img of input.images) {
      const key = `${img.side}/${img.light}/${img.frame}`;
      if (keys.has(key)) problems.push(`images: ${key} is given twice`);
      keys.add(key);
    }
    if (!input.images.some((i) => i.light === 'visible')) problems.push('images: every exercise needs a visible-light image');
    if (truth.verdict === 'genuine' && truth.regions.length) problems.push('truth.regions: a genuine document has no tampered regions');
    if (parts.features) {
      if (!input.featureOptions.length) problems.push('featureOptions: the feature part needs options');
      const offered = new Set(input.featureOptions);
      for (const r of truth.regions) for (const f of r.features) if (!offered.has(f)) problems.push(`truth.regions: feature ${f} is not among featureOptions`);
    }
    if (parts.mrz && input.mrz.length < 2) problems.push('mrz: the MRZ part needs the MRZ lines');
    if (problems.length) throw new DomainError('invalid', 'The exercise is not valid', problems.map((message) => ({ message })));
    const assetIds = [...new Set([...input.images.map((i) => i.assetId), ...(input.travellerAssetId ? [input.travellerAssetId] : [])])];
    const found: Array<{ id: string }> = await m.query(`SELECT id FROM media_assets WHERE id = ANY($1::uuid[])`, [assetIds]);
    const missing = assetIds.filter((id) => !found.some((f) => f.id === id));
    if (missing.length) throw new DomainError('invalid', `Unknown media: ${missing.join(', ')}`);
    if (input.specimenId) {
      const [s] = await m.query(`SELECT id FROM specimens WHERE id = $1`, [input.specimenId]);
      if (!s) throw new DomainError('invalid', 'Unknown specimen');
    }
  }
}

function columns(input: ExerciseInput): Partial<ExerciseVersion> {
  return {
    title: input.title,
    issuingState: input.issuingState,
    documentType: input.documentType,
    difficulty: input.difficulty,
    tags: input.tags,
    specimenId: input.specimenId ?? null,
    parts: input.parts,
    images: input.images,
    travellerAssetId: input.travellerAssetId ?? null,
    mrz: input.mrz,
    featureOptions: input.featureOptions,
    context: input.context,
    truth: input.truth,
    fraudType: input.truth.fraudType,
    verdict: input.truth.verdict,
  };
}

function summary(v: ExerciseVersion, exerciseId: string, responseCount: number, updatedAt: Date): ExerciseSummary {
  return {
    id: exerciseId,
    versionId: v.id,
    version: v.version,
    title: v.title,
    issuingState: v.issuingState,
    documentType: v.documentType,
    difficulty: v.difficulty,
    tags: v.tags,
    verdict: v.truth.verdict,
    fraudType: v.truth.fraudType,
    responseCount,
    updatedAt: updatedAt.toISOString(),
  };
}

function view(v: ExerciseVersion, e: Exercise, responseCount: number): ExerciseView {
  return {
    ...summary(v, e.id, responseCount, e.updatedAt),
    specimenId: v.specimenId,
    parts: v.parts,
    images: v.images,
    travellerAssetId: v.travellerAssetId,
    mrz: v.mrz,
    featureOptions: v.featureOptions,
    context: v.context,
    truth: v.truth,
  };
}

// The modules feature's data layer: module drafts, their published versions, and assignments to cohorts.
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Like, Repository } from 'typeorm';
import type { ContentScope } from '../cohorts';
import { Assignment, ModuleVersion, TrainingModule } from './training-module.entity';

/** An assignment with its module version loaded (with its cohort's name, what an assignment view is made of). */
export type LoadedAssignment = Assignment & { moduleVersion: ModuleVersion };

/** A module version with its module loaded. */
export type LoadedVersion = ModuleVersion & { module: TrainingModule };

@Injectable()
export class ModulesRepository {
  constructor(
    @InjectRepository(TrainingModule) private readonly modules: Repository<TrainingModule>,
    @InjectRepository(ModuleVersion) private readonly versions: Repository<ModuleVersion>,
    @InjectRepository(Assignment) private readonly assignments: Repository<Assignment>,
  ) {}

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.modules.manager.transaction(work);
  }

  private moduleRepo(m?: EntityManager): Repository<TrainingModule> {
    return m ? m.getRepository(TrainingModule) : this.modules;
  }

  private versionRepo(m?: EntityManager): Repository<ModuleVersion> {
    return m ? m.getRepository(ModuleVersion) : this.versions;
  }

  private assignmentRepo(m?: EntityManager): Repository<Assignment> {
    return m ? m.getRepository(Assignment) : this.assignments;
  }

  // ---------------------------------------------------------------------------------------------- modules

  /** The modules in the actor's content scope, by title. */
  listModules(scope: ContentScope, m?: EntityManager): Promise<TrainingModule[]> {
    if (scope.kind === 'unit' && !scope.unitId) return Promise.resolve([]);
    const where = scope.kind === 'unit' ? { unitId: scope.unitId! } : {};
    return this.moduleRepo(m).find({ where, order: { title: 'ASC' } });
  }

  findModule(id: string, m?: EntityManager): Promise<TrainingModule | null> {
    return this.moduleRepo(m).findOne({ where: { id } });
  }

  /** The module, locked for update until the transaction ends. */
  lockModule(id: string, m: EntityManager): Promise<TrainingModule | null> {
    return m.getRepository(TrainingModule).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  createModule(fields: Partial<TrainingModule>, m?: EntityManager): Promise<TrainingModule> {
    const repo = this.moduleRepo(m);
    return repo.save(repo.create(fields));
  }

  saveModule(mod: TrainingModule, m?: EntityManager): Promise<TrainingModule> {
    return this.moduleRepo(m).save(mod);
  }

  async moduleIdBySeedKey(seedKey: string, m?: EntityManager): Promise<string | null> {
    const found = await this.moduleRepo(m).findOne({ where: { seedKey }, select: { id: true } });
    return found?.id ?? null;
  }

  countBySeedKeyPrefix(prefix: string, m?: EntityManager): Promise<number> {
    return this.moduleRepo(m).count({ where: { seedKey: Like(`${prefix}%`) } });
  }

  // ---------------------------------------------------------------------------------------------- versions

  latestVersion(moduleId: string, m?: EntityManager): Promise<ModuleVersion | null> {
    return this.versionRepo(m).findOne({ where: { moduleId }, order: { version: 'DESC' } });
  }

  findVersion(id: string, m?: EntityManager): Promise<ModuleVersion | null> {
    return this.versionRepo(m).findOne({ where: { id } });
  }

  createVersion(fields: Partial<ModuleVersion>, m?: EntityManager): Promise<ModuleVersion> {
    const repo = this.versionRepo(m);
    return repo.save(repo.create(fields));
  }

  /** Every published version of a module, newest first. */
  versionsOfModule(moduleId: string, m?: EntityManager): Promise<ModuleVersion[]> {
    return this.versionRepo(m).find({ where: { moduleId }, order: { version: 'DESC' } });
  }

  /** Published versions whose pool holds any of these exercise versions, with their module loaded. */
  async versionsPooling(exerciseVersionIds: string[], m?: EntityManager): Promise<LoadedVersion[]> {
    if (!exerciseVersionIds.length) return [];
    const rows: Array<{ id: string }> = await (m ?? this.versions.manager).query(
      `SELECT DISTINCT v.id FROM module_versions v, jsonb_array_elements_text(v.pool) AS pooled(id)
        WHERE pooled.id = ANY($1::text[])`,
      [exerciseVersionIds],
    );
    if (!rows.length) return [];
    const found = await this.versionRepo(m).find({
      where: { id: In(rows.map((r) => r.id)) },
      relations: { module: true },
      order: { publishedAt: 'DESC' },
    });
    return found as LoadedVersion[];
  }

  /** The module a published version belongs to, or null when there is no such version. */
  async moduleOfVersion(versionId: string, m?: EntityManager): Promise<TrainingModule | null> {
    const version = await this.versionRepo(m).findOne({ where: { id: versionId }, relations: { module: true } });
    return version?.module ?? null;
  }

  // ---------------------------------------------------------------------------------------------- assignments

  findAssignment(id: string, m?: EntityManager): Promise<Assignment | null> {
    return this.assignmentRepo(m).findOne({ where: { id } });
  }

  /** The assignment with its module version. */
  async assignmentWithVersion(
    id: string,
    m?: EntityManager,
  ): Promise<(Assignment & { moduleVersion: ModuleVersion }) | null> {
    // One plain joined statement: every item served and every answer reads it (findOne with a relation costs two).
    const [row] = (await (m ?? this.assignments.manager).query(
      `SELECT a.id, a.module_version_id AS "moduleVersionId", a.cohort_id AS "cohortId", a.opens_at AS "opensAt",
              a.closes_at AS "closesAt", a.created_by AS "createdBy", a.created_at AS "createdAt",
              v.module_id AS "moduleId", v.version, v.title, v.description, v.lesson_specimen_ids AS "lessonSpecimenIds",
              v.pool, v.item_models AS "itemModels", v.settings, v.published_by AS "publishedBy",
              v.published_at AS "publishedAt"
         FROM assignments a JOIN module_versions v ON v.id = a.module_version_id
        WHERE a.id = $1`,
      [id],
    )) as Array<Omit<Assignment, 'moduleVersion'> & Omit<ModuleVersion, 'id' | 'module'>>;
    if (!row) return null;
    const { moduleId, version, title, description, lessonSpecimenIds, pool, itemModels, settings, ...rest } = row;
    const { publishedBy, publishedAt, ...a } = rest;
    const moduleVersion = {
      id: a.moduleVersionId,
      moduleId,
      version,
      title,
      description,
      lessonSpecimenIds,
      pool,
      itemModels,
    };
    return { ...a, moduleVersion: { ...moduleVersion, settings, publishedBy, publishedAt } };
  }

  /**
   * Published versions with item models and an assignment open now or later: each with its module's unit and the
   * cohorts it is assigned to (item model documents are generated for their officers).
   */
  async versionsWithOpenItemModels(
    versionId: string | null,
    m?: EntityManager,
  ): Promise<Array<{ version: ModuleVersion; unitId: string; cohortIds: string[] }>> {
    const rows: Array<{ id: string; unitId: string; cohortIds: string[] }> = await (
      m ?? this.assignments.manager
    ).query(
      `SELECT v.id, mo.unit_id AS "unitId", array_agg(DISTINCT a.cohort_id) AS "cohortIds"
         FROM module_versions v
         JOIN training_modules mo ON mo.id = v.module_id
         JOIN assignments a ON a.module_version_id = v.id
        WHERE jsonb_array_length(v.item_models) > 0 AND mo.unit_id IS NOT NULL
          AND (a.closes_at IS NULL OR a.closes_at > now()) AND ($1::uuid IS NULL OR v.id = $1)
        GROUP BY v.id, mo.unit_id`,
      [versionId],
    );
    if (!rows.length) return [];
    const versions = await this.versionRepo(m).find({ where: { id: In(rows.map((r) => r.id)) } });
    const byId = new Map(versions.map((v) => [v.id, v]));
    return rows.map((r) => ({ version: byId.get(r.id)!, unitId: r.unitId, cohortIds: r.cohortIds }));
  }

  async loadedAssignment(id: string, m?: EntityManager): Promise<LoadedAssignment> {
    return loaded(await this.assignmentRepo(m).findOneOrFail({ where: { id }, relations: { moduleVersion: true } }));
  }

  /** Assignments of these cohorts (optionally of one module), newest opening first. */
  async assignmentsOfCohorts(cohortIds: string[], moduleId?: string, m?: EntityManager): Promise<LoadedAssignment[]> {
    const rows = await this.assignmentRepo(m).find({
      where: { cohortId: In(cohortIds), ...(moduleId ? { moduleVersion: { moduleId } } : {}) },
      relations: { moduleVersion: true },
      order: { opensAt: 'DESC' },
    });
    return rows.map(loaded);
  }

  /** Assignments of these cohorts in the order a trainee meets them: closing soonest first, then opening first. */
  async assignmentsOfCohortsDueFirst(cohortIds: string[], m?: EntityManager): Promise<LoadedAssignment[]> {
    if (!cohortIds.length) return [];
    const rows = await this.assignmentRepo(m)
      .createQueryBuilder('a')
      .innerJoinAndSelect('a.moduleVersion', 'v')
      .where('a.cohort_id IN (:...cohortIds)', { cohortIds })
      .orderBy('a.closes_at', 'ASC', 'NULLS LAST')
      .addOrderBy('a.opens_at', 'ASC')
      .getMany();
    return rows.map(loaded);
  }

  /** Each assignment's module version, by assignment id. */
  async versionsOfAssignments(assignmentIds: string[], m?: EntityManager): Promise<Map<string, ModuleVersion>> {
    if (!assignmentIds.length) return new Map();
    const rows = await this.assignmentRepo(m).find({
      where: { id: In(assignmentIds) },
      relations: { moduleVersion: true },
    });
    return new Map(rows.map((a) => [a.id, a.moduleVersion!]));
  }

  createAssignment(fields: Partial<Assignment>, m?: EntityManager): Promise<Assignment> {
    const repo = this.assignmentRepo(m);
    return repo.save(repo.create(fields));
  }

  async deleteAssignment(id: string, m?: EntityManager): Promise<void> {
    await this.assignmentRepo(m).delete({ id });
  }

  /** Of these exercise versions, the ones frozen into a module version's pool. */
  async versionsInPools(exerciseVersionIds: string[], m?: EntityManager): Promise<Set<string>> {
    if (!exerciseVersionIds.length) return new Set();
    const rows: Array<{ id: string }> = await (m ?? this.versions.manager).query(
      `SELECT DISTINCT pooled.id FROM module_versions v, jsonb_array_elements_text(v.pool) AS pooled(id)
        WHERE pooled.id = ANY($1::text[])`,
      [exerciseVersionIds],
    );
    return new Set(rows.map((row) => row.id));
  }

  /**
   * Modules holding one of these ids in their draft pool (exercise ids) or in a published version's pool (exercise
   * version ids), with the id matched.
   */
  /** Every id in a module's draft pool (exercise ids) or a published version's pool (exercise version ids). */
  async pooledIds(m?: EntityManager): Promise<string[]> {
    const rows: Array<{ id: string }> = await (m ?? this.versions.manager).query(
      `SELECT d.id FROM training_modules t, jsonb_array_elements_text(t.exercise_ids) AS d(id)
       UNION
       SELECT p.id FROM module_versions v, jsonb_array_elements_text(v.pool) AS p(id)`,
    );
    return rows.map((r) => r.id);
  }

  modulesPooling(ids: string[], m?: EntityManager): Promise<Array<{ matched: string; id: string; title: string }>> {
    if (!ids.length) return Promise.resolve([]);
    return (m ?? this.versions.manager).query(
      `SELECT DISTINCT pooled.matched, t.id, t.title
         FROM training_modules t
         JOIN LATERAL (
           SELECT d.id AS matched FROM jsonb_array_elements_text(t.exercise_ids) AS d(id)
           UNION
           SELECT p.id FROM module_versions v, jsonb_array_elements_text(v.pool) AS p(id) WHERE v.module_id = t.id
         ) pooled ON pooled.matched = ANY($1::text[])`,
      [ids],
    );
  }
}

function loaded(a: Assignment): LoadedAssignment {
  if (!a.moduleVersion) throw new Error(`Assignment ${a.id} was loaded without its module version`);
  return { ...a, moduleVersion: a.moduleVersion };
}

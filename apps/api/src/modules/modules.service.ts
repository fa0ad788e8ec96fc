// Training modules: drafts that instructors edit, publishing (which freezes the pool to exercise versions), and
// assignments of a published version to a cohort with an open/close window. Each module belongs to a unit: its
// instructors see, change, publish and assign it, its supervisors read it, admin all; to anyone else it does not
// exist (404). Its pool holds exercises of its unit only, and it is assigned to cohorts of its unit only.
import { randomUUID } from 'node:crypto';
import type {
  AssignmentView,
  CreateAssignmentRequest,
  ExercisePoolParts,
  ExerciseParts,
  ItemModel,
  ModuleInput,
  ModuleView,
} from '@firstline/contracts';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '../audit';
import { checkItemModel } from '../authoring';
import { AccessPolicy, CohortRosterService } from '../cohorts';
import { Actor } from '../common/decorators/actor';
import { DomainError, notFound } from '../common/errors/domain-error';
import { ExercisesService } from '../exercises';
import { SpecimensService } from '../specimens';
import { AssignmentOpenings } from './assignment-openings';
import { AssignmentUsage } from './assignment-usage';
import { AttemptedAssignments } from './attempted-assignments';
import { genuineNeeded, publishShortfall } from './exposure-requirement';
import {
  assignmentView,
  moduleView,
  type AssignmentWithVersion,
  type ModuleVersionRecord,
  type PoolingVersion,
  type PublishedModuleVersions,
  type PublishedVersion,
} from './modules.mapper';
import { ModulesRepository, type LoadedAssignment } from './modules.repository';
import { PoolExposure } from './pool-exposure.service';
import { commonParts } from './pool-parts';
import type { ModuleVersion, TrainingModule } from './training-module.entity';

/** What the demo seeder asks for: a module published once and assigned to cohorts, all under one seed key. */
export interface ModuleSeed {
  seedKey: string;
  unitId: string;
  input: ModuleInput;
  cohortIds: string[];
  opensAt: Date;
  closesAt: Date | null;
}

const publishedVersion = (v: ModuleVersion): PublishedVersion => ({
  id: v.id,
  moduleId: v.moduleId,
  version: v.version,
  title: v.title,
  description: v.description,
  lessonSpecimenIds: v.lessonSpecimenIds,
  pool: v.pool,
  itemModels: v.itemModels,
  settings: v.settings,
  publishedAt: v.publishedAt,
});

/** The draft's item models, each with its id (kept when given, so item analysis follows a model across versions). */
const withIds = (input: ModuleInput): ItemModel[] =>
  input.itemModels.map((spec) => ({ ...spec, id: spec.id ?? randomUUID() }));

@Injectable()
export class ModulesService {
  constructor(
    private readonly modules: ModulesRepository,
    private readonly audit: AuditService,
    private readonly access: AccessPolicy,
    private readonly roster: CohortRosterService,
    private readonly exercises: ExercisesService,
    private readonly specimens: SpecimensService,
    private readonly assignmentUsage: AssignmentUsage,
    private readonly exposure: PoolExposure,
    private readonly openings: AssignmentOpenings,
    private readonly attempted: AttemptedAssignments,
  ) {}

  async list(actor: Actor): Promise<ModuleView[]> {
    const modules = await this.modules.listModules(this.access.contentScope(actor));
    return Promise.all(modules.map((mod) => this.view(mod)));
  }

  async get(actor: Actor, id: string): Promise<ModuleView> {
    const mod = await this.modules.findModule(id);
    if (!mod || !this.access.canSeeUnitContent(actor, mod.unitId)) throw notFound('Module');
    return this.view(mod);
  }

  async create(actor: Actor, input: ModuleInput): Promise<ModuleView> {
    return this.modules.transaction(async (m) => {
      const unitId = await this.ownerUnit(actor, input, m);
      return this.view(await this.createDraft(actor.id, unitId, input, null, m), m);
    });
  }

  async update(actor: Actor, id: string, input: ModuleInput): Promise<ModuleView> {
    return this.modules.transaction(async (m) => {
      const mod = await this.modules.lockModule(id, m);
      if (!mod || !this.access.canChangeUnitContent(actor, mod.unitId)) throw notFound('Module');
      if (input.unitId && input.unitId !== mod.unitId)
        throw new DomainError('invalid', 'A module stays in the unit it was created in (unitId cannot change)');
      await this.validateDraft(input, mod.unitId, m, mod.exerciseIds);
      const { title, description, lessonSpecimenIds, exerciseIds, itemModels, settings } = mod;
      const before = { title, description, lessonSpecimenIds, exerciseIds, itemModels, settings };
      Object.assign(mod, {
        title: input.title,
        description: input.description,
        lessonSpecimenIds: input.lessonSpecimenIds,
        exerciseIds: input.exerciseIds,
        itemModels: withIds(input),
        settings: input.settings,
      });
      await this.modules.saveModule(mod, m);
      await this.audit.record(
        { actorId: actor.id, action: 'module.update', entityType: 'module', entityId: id, before, after: input },
        m,
      );
      return this.view(mod, m);
    });
  }

  /** Freeze the draft: the pool is pinned to the exercises' current versions. */
  async publish(actor: Actor, id: string): Promise<ModuleView> {
    return this.modules.transaction(async (m) => {
      const mod = await this.modules.findModule(id, m);
      if (!mod || !this.access.canChangeUnitContent(actor, mod.unitId)) throw notFound('Module');
      return this.view(await this.publishDraft(actor.id, id, m), m);
    });
  }

  async listAssignments(actor: Actor, q: { cohortId?: string; moduleId?: string }): Promise<AssignmentView[]> {
    const visible = await this.access.visibleCohortIds(actor);
    const ids = q.cohortId ? visible.filter((c) => c === q.cohortId) : visible;
    if (!ids.length) return [];
    return this.assignmentViews(await this.modules.assignmentsOfCohorts(ids, q.moduleId));
  }

  /** Assigns a published version to a cohort; its item models' documents start being generated once committed. */
  async assign(actor: Actor, body: CreateAssignmentRequest): Promise<AssignmentView> {
    const view = await this.modules.transaction(async (m) => {
      // Admins see every cohort, so for them this is "the cohort exists".
      if (!(await this.access.visibleCohortIds(actor, m)).includes(body.cohortId)) throw notFound('Cohort');
      const mod = await this.modules.moduleOfVersion(body.moduleVersionId, m);
      if (!mod || !this.access.canChangeUnitContent(actor, mod.unitId)) throw notFound('Module version');
      return this.createAssignment(actor.id, body, m);
    });
    this.openings.opened(view.module.versionId);
    return view;
  }

  async removeAssignment(actor: Actor, id: string): Promise<void> {
    await this.modules.transaction(async (m) => {
      const assignment = await this.modules.findAssignment(id, m);
      if (!assignment) throw notFound('Assignment');
      if (!(await this.access.canSeeCohort(actor, assignment.cohortId, m))) throw notFound('Assignment');
      const attemptsMade = await this.assignmentUsage.attemptCount(id, m);
      if (attemptsMade > 0)
        throw new DomainError(
          'conflict',
          `Trainees have already made ${attemptsMade} attempt(s); close the assignment instead of deleting it`,
        );
      await this.modules.deleteAssignment(id, m);
      const before = { cohortId: assignment.cohortId, moduleVersionId: assignment.moduleVersionId };
      await this.audit.record(
        { actorId: actor.id, action: 'assignment.delete', entityType: 'assignment', entityId: id, before },
        m,
      );
    });
  }

  // ---------------------------------------------------------------------------------------------- for the seeder

  /** How many modules were created under a seed key starting with `prefix`. */
  countSeededModules(prefix: string, m?: EntityManager): Promise<number> {
    return this.modules.countBySeedKeyPrefix(prefix, m);
  }

  /**
   * The demo seeder's entry: creates the module under its seed key, publishes it and assigns it to the cohorts, all
   * by nobody (actor null in the audit). Does nothing if a module with that seed key exists.
   */
  async seedAssignedModule(
    seed: ModuleSeed,
    m: EntityManager,
  ): Promise<{ created: boolean; assignmentsCreated: number }> {
    if (await this.modules.moduleIdBySeedKey(seed.seedKey, m)) return { created: false, assignmentsCreated: 0 };
    const draft = await this.createDraft(null, seed.unitId, seed.input, seed.seedKey, m);
    await this.publishDraft(null, draft.id, m);
    const version = (await this.modules.latestVersion(draft.id, m))!;
    for (const cohortId of seed.cohortIds) {
      const opensAt = seed.opensAt.toISOString();
      const closesAt = seed.closesAt ? seed.closesAt.toISOString() : null;
      await this.createAssignment(null, { moduleVersionId: version.id, cohortId, opensAt, closesAt }, m);
    }
    return { created: true, assignmentsCreated: seed.cohortIds.length };
  }

  // ---------------------------------------------------------------------------------------------- for the exam engine

  /** The assignment with the module version it assigns, or null. */
  async assignmentWithVersion(id: string, m?: EntityManager): Promise<AssignmentWithVersion | null> {
    return this.modules.assignmentWithVersion(id, m);
  }

  /** An existing attempt's assignment with its version, as assignmentWithVersion: remembered (it never changes). */
  attemptedAssignment(id: string, m?: EntityManager): Promise<AssignmentWithVersion | null> {
    return this.attempted.get(id, m);
  }

  /** Assignments of these cohorts as a trainee meets them: closing soonest first, then opening first. */
  async assignmentsOfCohorts(cohortIds: string[], m?: EntityManager): Promise<AssignmentView[]> {
    return this.assignmentViews(await this.modules.assignmentsOfCohortsDueFirst(cohortIds, m), m);
  }

  /**
   * For the item models feature: published versions with item models and an open (or future) assignment — one, or all
   * — with the module's unit and the cohorts assigned.
   */
  versionsWithOpenItemModels(
    versionId: string | null,
    m?: EntityManager,
  ): Promise<Array<{ version: ModuleVersionRecord; unitId: string; cohortIds: string[] }>> {
    return this.modules.versionsWithOpenItemModels(versionId, m);
  }

  /** The module (if the actor may see it, else 404) and its latest published version (null while a draft). */
  async latestVersionOf(actor: Actor, moduleId: string, m?: EntityManager): Promise<ModuleVersionRecord | null> {
    const mod = await this.modules.findModule(moduleId, m);
    if (!mod || !this.access.canSeeUnitContent(actor, mod.unitId)) throw notFound('Module');
    return this.modules.latestVersion(moduleId, m);
  }

  /** Each assignment's module version (its title and settings name an attempt in progress reports). */
  versionsOfAssignments(assignmentIds: string[], m?: EntityManager): Promise<Map<string, ModuleVersionRecord>> {
    return this.modules.versionsOfAssignments(assignmentIds, m);
  }

  // ---------------------------------------------------------------------------------------------- for the reports

  /**
   * The module (if the actor may see it, else 404) and its published versions, newest first: item analysis reads
   * a version's pool and the version picker lists them.
   */
  async publishedVersionsOf(actor: Actor, moduleId: string, m?: EntityManager): Promise<PublishedModuleVersions> {
    const mod = await this.modules.findModule(moduleId, m);
    if (!mod || !this.access.canSeeUnitContent(actor, mod.unitId)) throw notFound('Module');
    const versions = await this.modules.versionsOfModule(moduleId, m);
    return { module: { id: mod.id, title: mod.title }, versions: versions.map(publishedVersion) };
  }

  /** The published versions, of modules the actor may see, whose pool holds any of these exercise versions. */
  async versionsPooling(actor: Actor, exerciseVersionIds: string[], m?: EntityManager): Promise<PoolingVersion[]> {
    const found = await this.modules.versionsPooling(exerciseVersionIds, m);
    return found
      .filter((v) => this.access.canSeeUnitContent(actor, v.module.unitId))
      .map((v) => ({ ...publishedVersion(v), moduleTitle: v.module.title }));
  }

  /**
   * For each module whose draft pool or a published pool holds the exercise (which the actor must be able to see,
   * else 404): the parts its other exercises ask most often. The draft pool's exercises count with their current
   * versions, published pools' with the versions they froze; each other exercise counts once, its newest form first.
   */
  async poolPartsOf(actor: Actor, exerciseId: string, m?: EntityManager): Promise<ExercisePoolParts> {
    const lineage = await this.exercises.versionIdsOf(actor, exerciseId, m);
    const own = new Set([exerciseId, ...lineage.versions.map((v) => v.id)]);
    const moduleIds = [...new Set((await this.modules.modulesPooling([...own], m)).map((r) => r.id))];
    const modules: ExercisePoolParts['modules'] = [];
    for (const moduleId of moduleIds) {
      const mod = await this.modules.findModule(moduleId, m);
      if (!mod || !this.access.canSeeUnitContent(actor, mod.unitId)) continue;
      const published = await this.modules.versionsOfModule(moduleId, m); // newest first
      const current = await this.exercises.currentVersionIds(mod.exerciseIds, m);
      const versionIds = [
        ...[...current.values()].filter((id): id is string => id !== null),
        ...published.flatMap((v) => v.pool),
      ];
      const records = await this.exercises.versionsByIds([...new Set(versionIds)], m);
      const byId = new Map(records.map((r) => [r.id, r]));
      const partsOf = new Map<string, ExerciseParts>();
      for (const id of versionIds) {
        const v = byId.get(id);
        if (v && !own.has(v.exerciseId) && !partsOf.has(v.exerciseId)) partsOf.set(v.exerciseId, v.parts);
      }
      const { parts, sharedBy } = commonParts([...partsOf.values()]);
      modules.push({ id: mod.id, title: mod.title, others: partsOf.size, commonParts: parts, sharedBy });
    }
    return { modules: modules.sort((a, b) => a.title.localeCompare(b.title)) };
  }

  // ---------------------------------------------------------------------------------------------- internals

  /** The unit a new module belongs to: an instructor's own; the one an admin names, or else that of its exercises. */
  private async ownerUnit(actor: Actor, input: ModuleInput, m: EntityManager): Promise<string> {
    if (actor.role === 'instructor') {
      if (!actor.unitId) throw new DomainError('forbidden', 'You belong to no unit, so you cannot own modules');
      if (input.unitId && input.unitId !== actor.unitId)
        throw new DomainError('forbidden', 'Instructors create modules in their own unit');
      return actor.unitId;
    }
    if (input.unitId) return input.unitId; // validateDraft checks that its exercises are of this unit
    const units = new Set((await this.exercises.unitsOf(input.exerciseIds, m)).values());
    const [only] = units;
    if (units.size !== 1 || !only)
      throw new DomainError('invalid', 'Say which unit the module belongs to (unitId): its exercises are of several');
    return only;
  }

  private async createDraft(
    actorId: string | null,
    unitId: string,
    input: ModuleInput,
    seedKey: string | null,
    m: EntityManager,
  ): Promise<TrainingModule> {
    await this.validateDraft(input, unitId, m);
    const { title, description, lessonSpecimenIds, exerciseIds, settings } = input;
    const fields = {
      title,
      description,
      lessonSpecimenIds,
      exerciseIds,
      itemModels: withIds(input),
      settings,
      unitId,
      createdBy: actorId,
      seedKey,
    };
    const mod = await this.modules.createModule(fields, m);
    await this.audit.record(
      { actorId, action: 'module.create', entityType: 'module', entityId: mod.id, after: input },
      m,
    );
    return mod;
  }

  private async publishDraft(actorId: string | null, id: string, m: EntityManager): Promise<TrainingModule> {
    const mod = await this.modules.lockModule(id, m);
    if (!mod) throw notFound('Module');
    const current = await this.exercises.currentVersionIds(mod.exerciseIds, m);
    const missing = mod.exerciseIds.filter((e) => !current.has(e));
    if (missing.length) throw new DomainError('invalid', `Unknown exercises in the pool: ${missing.join(', ')}`);
    const retired = await this.exercises.retiredOf(mod.exerciseIds, m);
    if (retired.size)
      throw new DomainError(
        'conflict',
        `The pool holds retired exercises; remove them or restore them before publishing: ${[...retired].join(', ')}`,
      );
    const pool = mod.exerciseIds.map((e) => current.get(e)!);
    const versions = await this.exercises.versionsByIds(pool, m);
    const settings = mod.settings;
    const { itemModels } = mod;
    const models = { count: itemModels.length, genuine: itemModels.filter((i) => i.fraudType === 'genuine').length };
    const size = pool.length + models.count;
    const drawn = settings.drawCount ?? size;
    if (drawn > size) throw new DomainError('invalid', `The module draws ${drawn} items but its pool has ${size}`);
    const genuine = versions.filter((v) => v.verdict === 'genuine').length;
    const needGenuine = genuineNeeded(settings, drawn);
    if (genuine + models.genuine < needGenuine) {
      throw new DomainError(
        'invalid',
        `At least ${needGenuine} genuine items are needed for the draw; the pool has ${genuine + models.genuine}`,
      );
    }
    const shortfall = publishShortfall(settings, pool.length, genuine, models);
    if (shortfall) throw new DomainError('invalid', shortfall);
    const last = await this.modules.latestVersion(id, m);
    const { title, description, lessonSpecimenIds } = mod;
    const version = await this.modules.createVersion(
      {
        moduleId: id,
        version: (last?.version ?? 0) + 1,
        title,
        description,
        lessonSpecimenIds,
        pool,
        itemModels,
        settings,
        publishedBy: actorId,
      },
      m,
    );
    const after = { version: version.version, pool, itemModels: itemModels.map((i) => i.id) };
    await this.audit.record({ actorId, action: 'module.publish', entityType: 'module', entityId: id, after }, m);
    return mod;
  }

  private async createAssignment(
    actorId: string | null,
    body: CreateAssignmentRequest,
    m: EntityManager,
  ): Promise<AssignmentView> {
    const mod = await this.modules.moduleOfVersion(body.moduleVersionId, m);
    if (!mod) throw notFound('Module version');
    const cohort = (await this.roster.all(m)).find((candidate) => candidate.id === body.cohortId);
    if (!cohort || cohort.unitId !== mod.unitId)
      throw new DomainError('invalid', 'A module is assigned to cohorts of its own unit only');
    await this.exposure.checkAssignment(body.moduleVersionId, cohort, m);
    const saved = await this.modules.createAssignment(
      {
        moduleVersionId: body.moduleVersionId,
        cohortId: body.cohortId,
        opensAt: new Date(body.opensAt),
        closesAt: body.closesAt ? new Date(body.closesAt) : null,
        createdBy: actorId,
      },
      m,
    );
    await this.audit.record(
      { actorId, action: 'assignment.create', entityType: 'assignment', entityId: saved.id, after: body },
      m,
    );
    const [view] = await this.assignmentViews([await this.modules.loadedAssignment(saved.id, m)], m);
    return view;
  }

  /** `pooledBefore`: the draft's pool before this edit (a retired exercise may stay there, not be added). */
  private async validateDraft(
    input: ModuleInput,
    unitId: string | null,
    m: EntityManager,
    pooledBefore: string[] = [],
  ): Promise<void> {
    const unique = new Set(input.exerciseIds);
    if (unique.size !== input.exerciseIds.length) throw new DomainError('invalid', 'An exercise is in the pool twice');
    const units = await this.exercises.unitsOf(input.exerciseIds, m);
    // Another unit's exercise is as unknown as a missing one: its existence is not confirmed to this unit.
    const missing = input.exerciseIds.filter((e) => !units.has(e));
    if (missing.length) throw new DomainError('invalid', `Unknown exercises: ${missing.join(', ')}`);
    const elsewhere = input.exerciseIds.filter((e) => units.get(e) !== unitId);
    if (elsewhere.length)
      throw new DomainError(
        'invalid',
        `A module pools exercises of its own unit only; not of this module's unit: ${elsewhere.join(', ')}`,
      );
    const kept = new Set(pooledBefore);
    const retired = [...(await this.exercises.retiredOf(input.exerciseIds, m))].filter((e) => !kept.has(e));
    if (retired.length)
      throw new DomainError('conflict', `Retired exercises cannot be added to a module: ${retired.join(', ')}`);
    const generated = await this.exercises.generatedOf(input.exerciseIds, m);
    if (generated.size)
      throw new DomainError(
        'invalid',
        `These are documents generated from an item model for one officer; put the item model in the pool instead: ` +
          [...generated].join(', '),
      );
    this.validateItemModels(input);
    const size = input.exerciseIds.length + input.itemModels.length;
    const { drawCount } = input.settings;
    if (drawCount && drawCount > size) {
      throw new DomainError('invalid', `The module draws ${drawCount} items but its pool has ${size}`);
    }
    if (input.lessonSpecimenIds.length) {
      const known = await this.specimens.existingIds(input.lessonSpecimenIds, m);
      const unknown = input.lessonSpecimenIds.filter((s) => !known.includes(s));
      if (unknown.length) throw new DomainError('invalid', `Unknown specimens: ${unknown.join(', ')}`);
    }
  }

  /** Item models belong in assessments (practice shows the truth of the documents it draws), each one forgeable. */
  private validateItemModels(input: ModuleInput): void {
    if (!input.itemModels.length) return;
    if (input.settings.mode !== 'assessment')
      throw new DomainError(
        'invalid',
        'Item models belong in assessments: a practice module shows each document’s truth, so fixed exercises serve it',
      );
    const ids = input.itemModels.map((i) => i.id).filter(Boolean);
    if (new Set(ids).size !== ids.length) throw new DomainError('invalid', 'An item model is in the pool twice');
    input.itemModels.forEach((spec, i) => {
      try {
        checkItemModel(spec);
      } catch (e) {
        if (e instanceof DomainError) throw new DomainError('invalid', `Item model ${i + 1}: ${e.message}`);
        throw e;
      }
    });
  }

  /** Assignment views, each named by its cohort (the cohorts feature knows the names). */
  private async assignmentViews(assignments: LoadedAssignment[], m?: EntityManager): Promise<AssignmentView[]> {
    const cohortIds = assignments.map((assignment) => assignment.cohortId);
    const cohortNames = await this.roster.namesOf(cohortIds, m);
    return assignments.map((assignment) => assignmentView(assignment, cohortNames.get(assignment.cohortId) ?? ''));
  }

  private async view(mod: TrainingModule, m?: EntityManager): Promise<ModuleView> {
    const last = await this.modules.latestVersion(mod.id, m);
    if (!last) return moduleView(mod, null, []);
    const current = await this.exercises.currentVersionIds(mod.exerciseIds, m);
    return moduleView(
      mod,
      last,
      mod.exerciseIds.map((e) => current.get(e) ?? null),
    );
  }
}

// Exercises: authoring with validation, and versioning — an exercise that has been drawn into an attempt or frozen
// into a published module gets a new version when edited, so earlier responses keep the version they answered.
// Each exercise belongs to a unit: its instructors see and change it, its supervisors read it, admin all; to anyone
// else it does not exist (404), truth included.
import type { ExerciseInput, ExerciseListQuery, ExerciseSummary, ExerciseView } from '@firstline/contracts';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '../audit';
import { AccessPolicy } from '../cohorts';
import { Actor } from '../common/decorators/actor';
import { DomainError, notFound } from '../common/errors/domain-error';
import { MediaService } from '../media';
import { SpecimensService } from '../specimens';
import { UnitsService } from '../units';
import { DrawnVersions } from './drawn-versions';
import { ExerciseFacilities } from './exercise-facilities';
import { exerciseInputProblems } from './exercise-rules';
import { ExerciseUsage } from './exercise-usage';
import type { ExerciseVersion } from './exercise.entity';
import {
  copyColumns,
  exerciseSummary,
  exerciseView,
  versionColumns,
  type ExerciseUse,
  type ExerciseVersionRecord,
} from './exercises.mapper';
import { ExercisesRepository } from './exercises.repository';

/** An exercise and every version of it, oldest first. */
export interface ExerciseLineage {
  exerciseId: string;
  currentVersionId: string;
  versions: ExerciseVersionRecord[];
}

const TITLE_MAX = 160;
const COPY_SUFFIX = ' (copy)';

/** "Title (copy)", shortened to the title limit. */
const copyTitle = (title: string) => `${title.slice(0, TITLE_MAX - COPY_SUFFIX.length)}${COPY_SUFFIX}`;

const useOf = (uses: Map<string, ExerciseUse>, id: string): ExerciseUse =>
  uses.get(id) ?? { responseCount: 0, modules: [], exposures: 0 };

@Injectable()
export class ExercisesService {
  constructor(
    private readonly exercises: ExercisesRepository,
    private readonly audit: AuditService,
    private readonly specimens: SpecimensService,
    private readonly media: MediaService,
    private readonly usage: ExerciseUsage,
    private readonly access: AccessPolicy,
    private readonly units: UnitsService,
    private readonly drawn: DrawnVersions,
    private readonly facilities: ExerciseFacilities,
  ) {}

  async list(
    actor: Actor,
    q: ExerciseListQuery,
  ): Promise<{ items: ExerciseSummary[]; total: number; limit: number; offset: number }> {
    const ownerOf = (ids: string[]) => this.exercises.exercisesOfVersions(ids);
    const facilities = await this.facilities.byExercise(ownerOf);
    const inModules = q.use ? await this.usage.exercisesInModules(ownerOf) : null;
    const { total, rows } = await this.exercises.page(q, this.access.contentScope(actor), facilities, inModules);
    const versions = await this.exercises.versionsByIds(rows.map((r) => r.versionId));
    const byId = new Map(versions.map((v) => [v.id, v]));
    const uses = await this.uses(rows.map((r) => r.exerciseId));
    const items = rows.map((r) =>
      exerciseSummary(
        byId.get(r.versionId)!,
        { id: r.exerciseId, unitId: r.unitId, updatedAt: r.updatedAt, retiredAt: r.retiredAt },
        useOf(uses, r.exerciseId),
        r.facility === null ? null : Number(r.facility),
      ),
    );
    return { items, total, limit: q.limit, offset: q.offset };
  }

  async get(actor: Actor, id: string): Promise<ExerciseView> {
    const exercise = await this.exercises.findExercise(id);
    if (!exercise?.currentVersionId || !this.access.canSeeUnitContent(actor, exercise.unitId))
      throw notFound('Exercise');
    const version = await this.exercises.versionOrFail(exercise.currentVersionId);
    return exerciseView(version, exercise, useOf(await this.uses([id]), id));
  }

  async create(actor: Actor, input: ExerciseInput): Promise<ExerciseView> {
    return this.exercises.transaction(async (m) =>
      this.createVersionOne(actor, await this.ownerUnit(actor, input.unitId, m), input, null, m),
    );
  }

  /**
   * A document generated from an item model for one officer: an exercise of the module's unit, created by nobody (its
   * images are FirstLine's own render), marked with the model and so kept out of the library. Its first version's id
   * comes back too: that is what an attempt draws.
   */
  async createInstance(
    unitId: string,
    itemModelId: string,
    input: ExerciseInput,
  ): Promise<{ exerciseId: string; versionId: string }> {
    return this.exercises.transaction(async (m) => {
      const view = await this.createVersionOne(null, unitId, input, null, m, itemModelId);
      return { exerciseId: view.id, versionId: view.versionId };
    });
  }

  /** The demo seeder's entry: a new exercise of a unit under a seed key (see `seededExerciseId`), created by nobody. */
  async createForSeed(seedKey: string, unitId: string, input: ExerciseInput, m: EntityManager): Promise<ExerciseView> {
    return this.createVersionOne(null, unitId, input, seedKey, m);
  }

  /** The exercise created under this seed key, if any. */
  seededExerciseId(seedKey: string, m?: EntityManager): Promise<string | null> {
    return this.exercises.exerciseIdBySeedKey(seedKey, m);
  }

  async update(actor: Actor, id: string, input: ExerciseInput): Promise<ExerciseView> {
    return this.exercises.transaction(async (m) => {
      const exercise = await this.exercises.lockExercise(id, m);
      if (!exercise?.currentVersionId || !this.access.canChangeUnitContent(actor, exercise.unitId))
        throw notFound('Exercise');
      if (input.unitId && input.unitId !== exercise.unitId)
        throw new DomainError('invalid', 'An exercise stays in the unit it was created in (unitId cannot change)');
      await this.validate(input, m, { actor, unitId: exercise.unitId });
      const current = await this.exercises.versionOrFail(exercise.currentVersionId, m);
      const used = await this.usage.inUse(current.id, m);
      let version: ExerciseVersion;
      if (used) {
        const columns = { ...versionColumns(input), exerciseId: id, version: current.version + 1, createdBy: actor.id };
        version = await this.exercises.createVersion(columns, m);
        exercise.currentVersionId = version.id;
      } else {
        Object.assign(current, versionColumns(input));
        version = await this.exercises.saveVersion(current, m);
      }
      exercise.updatedAt = new Date();
      await this.exercises.saveExercise(exercise, m);
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'exercise.update',
          entityType: 'exercise',
          entityId: id,
          before: { version: current.version, title: current.title, truth: current.truth },
          after: { version: version.version, title: version.title, truth: version.truth, newVersion: used },
        },
        m,
      );
      return exerciseView(version, exercise, useOf(await this.uses([id], m), id));
    });
  }

  /** A new exercise (version 1, same unit) with the current version's content, titled "… (copy)". */
  async duplicate(actor: Actor, id: string): Promise<ExerciseView> {
    return this.exercises.transaction(async (m) => {
      const source = await this.exercises.findExercise(id, m);
      if (!source?.currentVersionId || !this.access.canChangeUnitContent(actor, source.unitId))
        throw notFound('Exercise');
      const current = await this.exercises.versionOrFail(source.currentVersionId, m);
      const exercise = await this.exercises.createExercise(
        { createdBy: actor.id, unitId: source.unitId, currentVersionId: null, seedKey: null, retiredAt: null },
        m,
      );
      const version = await this.exercises.createVersion(
        {
          ...copyColumns(current),
          title: copyTitle(current.title),
          exerciseId: exercise.id,
          version: 1,
          createdBy: actor.id,
        },
        m,
      );
      exercise.currentVersionId = version.id;
      await this.exercises.saveExercise(exercise, m);
      const after = {
        version: 1,
        title: version.title,
        unitId: source.unitId,
        duplicateOf: { id, version: current.version },
      };
      await this.audit.record(
        { actorId: actor.id, action: 'exercise.duplicate', entityType: 'exercise', entityId: exercise.id, after },
        m,
      );
      return exerciseView(version, exercise, { responseCount: 0, modules: [], exposures: 0 });
    });
  }

  /** Retire (true) or restore (false): a retired exercise leaves the pool pickers and joins no new module version. */
  async setRetired(actor: Actor, id: string, retire: boolean): Promise<ExerciseView> {
    return this.exercises.transaction(async (m) => {
      const exercise = await this.exercises.lockExercise(id, m);
      if (!exercise?.currentVersionId || !this.access.canChangeUnitContent(actor, exercise.unitId))
        throw notFound('Exercise');
      if (retire && exercise.retiredAt) throw new DomainError('conflict', 'The exercise is already retired');
      if (!retire && !exercise.retiredAt) throw new DomainError('conflict', 'The exercise is not retired');
      const before = { retiredAt: exercise.retiredAt?.toISOString() ?? null };
      exercise.retiredAt = retire ? new Date() : null;
      exercise.updatedAt = new Date();
      await this.exercises.saveExercise(exercise, m);
      await this.audit.record(
        {
          actorId: actor.id,
          action: retire ? 'exercise.retire' : 'exercise.restore',
          entityType: 'exercise',
          entityId: id,
          before,
          after: { retiredAt: exercise.retiredAt?.toISOString() ?? null },
        },
        m,
      );
      const version = await this.exercises.versionOrFail(exercise.currentVersionId, m);
      return exerciseView(version, exercise, useOf(await this.uses([id], m), id));
    });
  }

  // ------------------------------------------------------------------------------------------ for other features

  /** Stored exercise versions by id (the exam engine draws, presents and scores them; modules pin them). */
  versionsByIds(ids: string[], m?: EntityManager): Promise<ExerciseVersionRecord[]> {
    return this.exercises.versionsByIds(ids, m);
  }

  /**
   * Versions that a published module pools or an attempt has drawn — committed, so they may be served from memory
   * (see DrawnVersions). For any other id use versionsByIds.
   */
  drawnVersions(ids: string[], m?: EntityManager): Promise<ExerciseVersionRecord[]> {
    return this.drawn.get(ids, m);
  }

  /** For each exercise id that exists, the unit it belongs to (modules pool exercises of their own unit only). */
  async unitsOf(exerciseIds: string[], m?: EntityManager): Promise<Map<string, string | null>> {
    const found = await this.exercises.exercisesByIds(exerciseIds, m);
    return new Map(found.map((e) => [e.id, e.unitId]));
  }

  /**
   * The exercises made of these specimens (any version names one): a lesson on the specimen shows their genuine
   * original, so exposure control counts them as seen by the officer who studied it.
   */
  idsOfSpecimens(specimenIds: string[], m?: EntityManager): Promise<string[]> {
    return this.exercises.idsOfSpecimens(specimenIds, m);
  }

  /** Of these exercise ids, the documents generated from an item model (one officer's own; never pooled). */
  async generatedOf(exerciseIds: string[], m?: EntityManager): Promise<Set<string>> {
    const found = await this.exercises.exercisesByIds(exerciseIds, m);
    return new Set(found.filter((e) => e.itemModelId).map((e) => e.id));
  }

  /** Of these exercise ids, the retired ones (modules refuse to add them to a pool or publish them). */
  async retiredOf(exerciseIds: string[], m?: EntityManager): Promise<Set<string>> {
    const found = await this.exercises.exercisesByIds(exerciseIds, m);
    return new Set(found.filter((e) => e.retiredAt).map((e) => e.id));
  }

  /** The titles of these exercise versions, by version id (reports name the items behind a figure). */
  titlesOf(versionIds: string[], m?: EntityManager): Promise<Map<string, string>> {
    return this.exercises.versionTitles([...new Set(versionIds)], m);
  }

  /**
   * The exercise (if the actor may see it, else 404) with the ids of all its versions, oldest first: the reports
   * read its responses and clicks across versions.
   */
  async versionIdsOf(actor: Actor, exerciseId: string, m?: EntityManager): Promise<ExerciseLineage> {
    const exercise = await this.exercises.findExercise(exerciseId, m);
    if (!exercise?.currentVersionId || !this.access.canSeeUnitContent(actor, exercise.unitId))
      throw notFound('Exercise');
    const versions = await this.exercises.versionsOfExercises([exerciseId], m);
    const records = await this.exercises.versionsByIds(
      versions.map((v) => v.versionId),
      m,
    );
    return {
      exerciseId,
      currentVersionId: exercise.currentVersionId,
      versions: [...records].sort((a, b) => a.version - b.version),
    };
  }

  /**
   * A version of the exercise for its authors to preview: the current one, or `versionId` when that is a version of
   * this exercise. Admin, or an instructor of its unit; to anyone else it does not exist (404).
   */
  async versionToPreview(
    actor: Actor,
    exerciseId: string,
    versionId?: string,
  ): Promise<{ version: ExerciseVersionRecord; current: boolean }> {
    const exercise = await this.exercises.findExercise(exerciseId);
    if (!exercise?.currentVersionId || !this.access.canChangeUnitContent(actor, exercise.unitId))
      throw notFound('Exercise');
    const wanted = versionId ?? exercise.currentVersionId;
    const [version] = await this.exercises.versionsByIds([wanted]);
    if (!version || version.exerciseId !== exerciseId) throw notFound('Version of this exercise');
    return { version, current: wanted === exercise.currentVersionId };
  }

  /** For each exercise id that exists, its current version id (null while it has none). */
  async currentVersionIds(exerciseIds: string[], m?: EntityManager): Promise<Map<string, string | null>> {
    const found = await this.exercises.exercisesByIds(exerciseIds, m);
    return new Map(found.map((e) => [e.id, e.currentVersionId]));
  }

  // ------------------------------------------------------------------------------------------ internals

  /** Per exercise: locked responses over its versions, the modules using any of them, officers who saw its truth. */
  private async uses(exerciseIds: string[], m?: EntityManager): Promise<Map<string, ExerciseUse>> {
    const versions = await this.exercises.versionsOfExercises(exerciseIds, m);
    const byVersion = await this.usage.responsesByVersion(
      versions.map((v) => v.versionId),
      m,
    );
    const modules = await this.usage.modulesByExercise(versions, m);
    const exposures = await this.usage.exposuresByExercise(exerciseIds, m);
    const uses = new Map<string, ExerciseUse>();
    for (const id of exerciseIds)
      uses.set(id, { responseCount: 0, modules: modules.get(id) ?? [], exposures: exposures.get(id) ?? 0 });
    for (const { exerciseId, versionId } of versions) {
      const use = uses.get(exerciseId);
      if (use) use.responseCount += byVersion.get(versionId) ?? 0;
    }
    return uses;
  }

  /** The unit a new exercise belongs to: an instructor's own; the one an admin names. */
  /** The unit a new exercise of this actor belongs to: an instructor's own, the one an admin names (else 4xx). */
  async ownerUnit(actor: Actor, requested: string | undefined, m?: EntityManager): Promise<string> {
    if (actor.role === 'instructor') {
      if (!actor.unitId) throw new DomainError('forbidden', 'You belong to no unit, so you cannot own exercises');
      if (requested && requested !== actor.unitId)
        throw new DomainError('forbidden', 'Instructors create exercises in their own unit');
      return actor.unitId;
    }
    if (!requested) throw new DomainError('invalid', 'Say which unit the exercise belongs to (unitId)');
    if (!(await this.units.exists(requested, m))) throw new DomainError('invalid', 'Unit does not exist');
    return requested;
  }

  /**
   * An image may go into an exercise when the actor uploaded it, when FirstLine made it (no uploader: the demo
   * library), when it is a specimen's (the shared library), or when an exercise of the same unit already shows it.
   * Anything else — another instructor's upload, another unit's exercise images — is refused as unknown, as if it did
   * not exist to them. Admins see every unit and may use any image.
   */
  private async assertMayUseMedia(
    actor: Actor,
    unitId: string | null,
    assetIds: string[],
    m: EntityManager,
  ): Promise<void> {
    if (actor.role === 'admin') return;
    const creators = await this.media.creatorsOf(assetIds, m);
    let foreign = assetIds.filter((id) => (creators.get(id) ?? actor.id) !== actor.id);
    if (!foreign.length) return;
    const inLibrary = await this.specimens.imageAssetIds(foreign, m);
    foreign = foreign.filter((id) => !inLibrary.has(id));
    if (!foreign.length) return;
    const inUnit = unitId ? await this.exercises.assetIdsUsedInUnit(unitId, foreign, m) : new Set<string>();
    foreign = foreign.filter((id) => !inUnit.has(id));
    if (foreign.length) throw new DomainError('invalid', `Unknown media: ${foreign.join(', ')}`);
  }

  private async createVersionOne(
    actor: Actor | null,
    unitId: string,
    input: ExerciseInput,
    seedKey: string | null,
    m: EntityManager,
    itemModelId: string | null = null,
  ): Promise<ExerciseView> {
    await this.validate(input, m, actor ? { actor, unitId } : null);
    const actorId = actor?.id ?? null;
    const exercise = await this.exercises.createExercise(
      { createdBy: actorId, unitId, currentVersionId: null, seedKey, retiredAt: null, itemModelId },
      m,
    );
    const version = await this.exercises.createVersion(
      { ...versionColumns(input), exerciseId: exercise.id, version: 1, createdBy: actorId },
      m,
    );
    exercise.currentVersionId = version.id;
    await this.exercises.saveExercise(exercise, m);
    const after = { version: 1, title: input.title, unitId };
    await this.audit.record(
      { actorId, action: 'exercise.create', entityType: 'exercise', entityId: exercise.id, after },
      m,
    );
    return exerciseView(version, exercise, { responseCount: 0, modules: [], exposures: 0 });
  }

  /** `by`: who writes the exercise and for which unit (null: the demo seeder, whose images are FirstLine's own). */
  private async validate(
    input: ExerciseInput,
    m: EntityManager,
    by: { actor: Actor; unitId: string | null } | null,
  ): Promise<void> {
    const problems = exerciseInputProblems(input);
    if (problems.length)
      throw new DomainError(
        'invalid',
        'The exercise is not valid',
        problems.map((message) => ({ message })),
      );
    const assetIds = [
      ...new Set([...input.images.map((i) => i.assetId), ...(input.travellerAssetId ? [input.travellerAssetId] : [])]),
    ];
    const found = await this.media.existingIds(assetIds, m);
    const missing = assetIds.filter((id) => !found.includes(id));
    if (missing.length) throw new DomainError('invalid', `Unknown media: ${missing.join(', ')}`);
    if (by) await this.assertMayUseMedia(by.actor, by.unitId, assetIds, m);
    if (input.specimenId && !(await this.specimens.existingIds([input.specimenId], m)).length) {
      throw new DomainError('invalid', 'Unknown specimen');
    }
  }
}

// Training modules: drafts that instructors edit, publishing (which freezes the pool to exercise versions), and
// assignments of a published version to a cohort with an open/close window.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AssignmentView, CreateAssignmentRequest, ModuleInput, ModuleView } from '@firstline/contracts';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AccessPolicy } from '../cohorts';
import { Actor } from '../common/actor';
import { DomainError, notFound } from '../common/domain-error';
import { Exercise, ExerciseVersion } from '../exercises/exercise.entity';
import { Assignment, ModuleVersion, TrainingModule } from './training-module.entity';

@Injectable()
export class ModulesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly access: AccessPolicy,
  ) {}

  async list(): Promise<ModuleView[]> {
    const modules = await this.db.getRepository(TrainingModule).find({ order: { title: 'ASC' } });
    return Promise.all(modules.map((mod) => this.view(this.db.manager, mod)));
  }

  async get(id: string): Promise<ModuleView> {
    const mod = await this.db.getRepository(TrainingModule).findOne({ where: { id } });
    if (!mod) throw notFound('Module');
    return this.view(this.db.manager, mod);
  }

  async create(actor: Actor | null, input: ModuleInput, manager?: EntityManager, seedKey?: string): Promise<ModuleView> {
    const run = async (m: EntityManager) => {
      await this.validateDraft(m, input);
      const mod = await m.save(
        m.create(TrainingModule, {
          title: input.title,
          description: input.description,
          lessonSpecimenIds: input.lessonSpecimenIds,
          exerciseIds: input.exerciseIds,
          settings: input.settings,
          createdBy: actor?.id ?? null,
          seedKey: seedKey ?? null,
        }),
      );
      await this.audit.record({ actorId: actor?.id ?? null, action: 'module.create', entityType: 'module', entityId: mod.id, after: input }, m);
      return this.view(m, mod);
    };
    return manager ? run(manager) : this.db.transaction(run);
  }

  async update(actor: Actor, id: string, input: ModuleInput): Promise<ModuleView> {
    return this.db.transaction(async (m) => {
      const mod = await m.findOne(TrainingModule, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!mod) throw notFound('Module');
      await this.validateDraft(m, input);
      const before = { title: mod.title, description: mod.description, lessonSpecimenIds: mod.lessonSpecimenIds, exerciseIds: mod.exerciseIds, settings: mod.settings };
      Object.assign(mod, { title: input.title, description: input.description, lessonSpecimenIds: input.lessonSpecimenIds, exerciseIds: input.exerciseIds, settings: input.settings });
      await m.save(mod);
      await this.audit.record({ actorId: actor.id, action: 'module.update', entityType: 'module', entityId: id, before, after: input }, m);
      return this.view(m, mod);
    });
  }

  /** Freeze the draft: the pool is pinned to the exercises' current versions. */
  async publish(actor: Actor | null, id: string, manager?: EntityManager): Promise<ModuleView> {
    const run = async (m: EntityManager) => {
      const mod = await m.findOne(TrainingModule, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!mod) throw notFound('Module');
      const exercises = await m.find(Exercise, { where: { id: In(mod.exerciseIds) } });
      const missing = mod.exerciseIds.filter((e) => !exercises.some((x) => x.id === e));
      if (missing.length) throw new DomainError('invalid', `Unknown exercises in the pool: ${missing.join(', ')}`);
      const pool = mod.exerciseIds.map((e) => exercises.find((x) => x.id === e)!.currentVersionId!);
      const versions = await m.find(ExerciseVersion, { where: { id: In(pool) } });
      const s = mod.settings;
      const drawn = s.drawCount ?? pool.length;
      if (drawn > pool.length) throw new DomainError('invalid', `The module draws ${drawn} items but its pool has ${pool.length}`);
      const genuine = versions.filter((v) => v.verdict === 'genuine').length;
      const needGenuine = Math.ceil(s.minGenuineShare * drawn - 1e-9);
      if (genuine < needGenuine) throw new DomainError('invalid', `At least ${needGenuine} genuine items are needed for the draw; the pool has ${genuine}`);
      const last = await m.findOne(ModuleVersion, { where: { moduleId: id }, order: { version: 'DESC' } });
      const version = await m.save(
        m.create(ModuleVersion, {
          moduleId: id,
          version: (last?.version ?? 0) + 1,
          title: mod.title,
          description: mod.description,
          lessonSpecimenIds: mod.lessonSpecimenIds,
          pool,
          settings: s,
          publishedBy: actor?.id ?? null,
        }),
      );
      await this.audit.record({ actorId: actor?.id ?? null, action: 'module.publish', entityType: 'module', entityId: id, after: { version: version.version, pool } }, m);
      return this.view(m, mod);
    };
    return manager ? run(manager) : this.db.transaction(run);
  }

  async listAssignments(actor: Actor, q: { cohortId?: string; moduleId?: string }): Promise<AssignmentView[]> {
    const visible = await this.access.visibleCohortIds(actor);
    const ids = q.cohortId ? visible.filter((c) => c === q.cohortId) : visible;
    if (!ids.length) return [];
    const rows = await this.db.getRepository(Assignment).find({
      where: { cohortId: In(ids), ...(q.moduleId ? { moduleVersion: { moduleId: q.moduleId } } : {}) },
      relations: { cohort: true, moduleVersion: true },
      order: { opensAt: 'DESC' },
    });
    return rows.map(assignmentView);
  }

  async assign(actor: Actor | null, body: CreateAssignmentRequest, manager?: EntityManager): Promise<AssignmentView> {
    const run = async (m: EntityManager) => {
      if (actor && actor.role !== 'admin') {
        const visible = await this.access.visibleCohortIds(actor, m);
        if (!visible.includes(body.cohortId)) throw notFound('Cohort');
      } else if (!(await m.exists('cohorts', { where: { id: body.cohortId } }))) throw notFound('Cohort');
      if (!(await m.exists(ModuleVersion, { where: { id: body.moduleVersionId } }))) throw notFound('Module version');
      const saved = await m.save(
        m.create(Assignment, {
          moduleVersionId: body.moduleVersionId,
          cohortId: body.cohortId,
          opensAt: new Date(body.opensAt),
          closesAt: body.closesAt ? new Date(body.closesAt) : null,
          createdBy: actor?.id ?? null,
        }),
      );
      await this.audit.record({ actorId: actor?.id ?? null, action: 'assignment.create', entityType: 'assignment', entityId: saved.id, after: body }, m);
      const full = await m.findOneOrFail(Assignment, { where: { id: saved.id }, relations: { cohort: true, moduleVersion: true } });
      return assignmentView(full);
    };
    return manager ? run(manager) : this.db.transaction(run);
  }

  async removeAssignment(actor: Actor, id: string): Promise<void> {
    await this.db.transaction(async (m) => {
      const a = await m.findOne(Assignment, { where: { id } });
      if (!a) throw notFound('Assignment');
      if (actor.role !== 'admin' && !(await this.access.visibleCohortIds(actor, m)).includes(a.cohortId)) throw notFound('Assignment');
      const [{ n }] = await m.query('SELECT count(*)::int AS n FROM attempts WHERE assignment_id = $1', [id]);
      if (n > 0) throw new DomainError('conflict', `Trainees have already made ${n} attempt(s); close the assignment instead of deleting it`);
      await m.delete(Assignment, { id });
      await this.audit.record({ actorId: actor.id, action: 'assignment.delete', entityType: 'assignment', entityId: id, before: { cohortId: a.cohortId, moduleVersionId: a.moduleVersionId } }, m);
    });
  }

  private async validateDraft(m: EntityManager, input: ModuleInput): Promise<void> {
    const unique = new Set(input.exerciseIds);
    if (unique.size !== input.exerciseIds.length) throw new DomainError('invalid', 'An exercise is in the pool twice');
    const found = await m.find(Exercise, { where: { id: In(input.exerciseIds) }, select: { id: true } });
    const missing = input.exerciseIds.filter((e) => !found.some((f) => f.id === e));
    if (missing.length) throw new DomainError('invalid', `Unknown exercises: ${missing.join(', ')}`);
    if (input.settings.drawCount && input.settings.drawCount > input.exerciseIds.length)
      throw new DomainError('invalid', `The module draws ${input.settings.drawCount} items but its pool has ${input.exerciseIds.length}`);
    if (input.lessonSpecimenIds.length) {
      const rows: Array<{ id: string }> = await m.query('SELECT id FROM specimens WHERE id = ANY($1::uuid[])', [input.lessonSpecimenIds]);
      const unknown = input.lessonSpecimenIds.filter((s) => !rows.some((r) => r.id === s));
      if (unknown.length) throw new DomainError('invalid', `Unknown specimens: ${unknown.join(', ')}`);
    }
  }

  private async view(m: EntityManager, mod: TrainingModule): Promise<ModuleView> {
    const last = await m.findOne(ModuleVersion, { where: { moduleId: mod.id }, order: { version: 'DESC' } });
    let changed = !last;
    if (last) {
      const exercises = await m.find(Exercise, { where: { id: In(mod.exerciseIds) } });
      const currentPool = mod.exerciseIds.map((e) => exercises.find((x) => x.id === e)?.currentVersionId ?? null);
      changed =
        last.title !== mod.title ||
        last.description !== mod.description ||
        JSON.stringify(last.lessonSpecimenIds) !== JSON.stringify(mod.lessonSpecimenIds) ||
        JSON.stringify(last.pool) !== JSON.stringify(currentPool) ||
        JSON.stringify(last.settings) !== JSON.stringify(mod.settings);
    }
    return {
      id: mod.id,
      title: mod.title,
      description: mod.description,
      lessonSpecimenIds: mod.lessonSpecimenIds,
      exerciseIds: mod.exerciseIds,
      settings: mod.settings,
      publishedVersion: last ? { id: last.id, version: last.version, publishedAt: last.publishedAt.toISOString() } : null,
      hasUnpublishedChanges: changed,
      updatedAt: mod.updatedAt.toISOString(),
    };
  }
}

export function assignmentView(a: Assignment): AssignmentView {
  const v = a.moduleVersion!;
  const s = v.settings;
  return {
    id: a.id,
    cohort: { id: a.cohortId, name: a.cohort!.name },
    module: {
      id: v.moduleId,
      versionId: v.id,
      version: v.version,
      title: v.title,
      description: v.description,
      mode: s.mode,
      feedback: s.feedback,
      itemCount: s.drawCount ?? v.pool.length,
      timePerItemSeconds: s.timePerItemSeconds,
      moduleTimeSeconds: s.moduleTimeSeconds,
      passMark: s.passMark,
      attemptsAllowed: s.attemptsAllowed,
      hasLessons: v.lessonSpecimenIds.length > 0,
    },
    opensAt: a.opensAt.toISOString(),
    closesAt: a.closesAt ? a.closesAt.toISOString() : null,
  };
}

// Cohorts: instructors run their own, supervisors read their unit's, admin everything.
import type { CohortView, CreateCohortRequest, UpdateCohortRequest, UserView } from '@firstline/contracts';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '../audit';
import type { Actor } from '../common/decorators/actor';
import { DomainError, notFound } from '../common/errors/domain-error';
import { UnitsService } from '../units';
import { UsersService } from '../users';
import { AccessPolicy } from './access-policy';
import { CohortsRepository } from './cohorts.repository';

type Access = 'read' | 'write';

@Injectable()
export class CohortsService {
  constructor(
    private readonly access: AccessPolicy,
    private readonly cohorts: CohortsRepository,
    private readonly units: UnitsService,
    private readonly users: UsersService,
    private readonly audit: AuditService,
  ) {}

  async list(actor: Actor): Promise<CohortView[]> {
    return this.views(await this.access.visibleCohortIds(actor));
  }

  async get(actor: Actor, id: string): Promise<CohortView> {
    await this.authorize(actor, id, 'read');
    return (await this.views([id]))[0];
  }

  async create(actor: Actor, body: CreateCohortRequest): Promise<CohortView> {
    return this.cohorts.transaction(async (m) => {
      if (actor.role === 'instructor' && body.unitId !== actor.unitId)
        throw new DomainError('forbidden', 'Instructors create cohorts in their own unit');
      if (!(await this.units.exists(body.unitId, m))) throw new DomainError('invalid', 'Unit does not exist');
      this.assertDates(body.startsOn ?? null, body.endsOn ?? null);
      if (await this.cohorts.nameTaken(body.unitId, body.name, m))
        throw new DomainError('conflict', `The unit already has a cohort named "${body.name}"`);
      const instructorIds = new Set(body.instructorIds ?? []);
      if (actor.role === 'instructor') instructorIds.add(actor.id);
      await this.assertInstructors([...instructorIds], body.unitId, m);
      const fields = {
        name: body.name,
        unitId: body.unitId,
        startsOn: body.startsOn ?? null,
        endsOn: body.endsOn ?? null,
      };
      const cohortId = await this.cohorts.insert(fields, [...instructorIds], m);
      const after = { ...body, instructorIds: [...instructorIds] };
      await this.audit.record(
        { actorId: actor.id, action: 'cohort.create', entityType: 'cohort', entityId: cohortId, after },
        m,
      );
      return (await this.views([cohortId], m))[0];
    });
  }

  async update(actor: Actor, id: string, body: UpdateCohortRequest): Promise<CohortView> {
    return this.cohorts.transaction(async (m) => {
      await this.authorize(actor, id, 'write', m);
      const [cohort] = await this.cohorts.rows([id], m);
      const { name, unitId, startsOn: startedOn, endsOn: endedOn, instructorIds: currentInstructorIds } = cohort;
      const before = { name, unitId, startsOn: startedOn, endsOn: endedOn, instructorIds: currentInstructorIds };
      if (body.unitId && body.unitId !== unitId) {
        if (actor.role !== 'admin') throw new DomainError('forbidden', 'Only an admin moves a cohort to another unit');
        if ((await this.cohorts.memberIds(id, m)).length)
          throw new DomainError('conflict', 'Remove the members before moving the cohort to another unit');
      }
      if (body.name && body.name !== name && (await this.cohorts.nameTaken(body.unitId ?? unitId, body.name, m)))
        throw new DomainError('conflict', `The unit already has a cohort named "${body.name}"`);
      const startsOn = body.startsOn !== undefined ? body.startsOn : startedOn;
      const endsOn = body.endsOn !== undefined ? body.endsOn : endedOn;
      this.assertDates(startsOn, endsOn);
      const instructorIds = new Set(body.instructorIds ?? currentInstructorIds);
      if (body.instructorIds && actor.role === 'instructor') instructorIds.add(actor.id);
      // Checked when the instructors or the unit change: a cohort moved to another unit takes none of the old ones.
      if (body.instructorIds || (body.unitId && body.unitId !== unitId))
        await this.assertInstructors([...instructorIds], body.unitId ?? unitId, m);
      await this.cohorts.update(id, { name: body.name ?? name, unitId: body.unitId ?? unitId, startsOn, endsOn }, m);
      if (body.instructorIds) await this.cohorts.setInstructors(id, [...instructorIds], m);
      await this.audit.record(
        { actorId: actor.id, action: 'cohort.update', entityType: 'cohort', entityId: id, before, after: body },
        m,
      );
      return (await this.views([id], m))[0];
    });
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await this.cohorts.transaction(async (m) => {
      await this.authorize(actor, id, 'write', m);
      const [view] = await this.views([id], m);
      await this.cohorts.delete(id, m);
      await this.audit.record(
        { actorId: actor.id, action: 'cohort.delete', entityType: 'cohort', entityId: id, before: view },
        m,
      );
    });
  }

  async members(actor: Actor, id: string): Promise<UserView[]> {
    await this.authorize(actor, id, 'read');
    return this.users.views(await this.cohorts.memberIds(id));
  }

  async addMembers(actor: Actor, id: string, userIds: string[]): Promise<CohortView> {
    return this.cohorts.transaction(async (m) => {
      await this.authorize(actor, id, 'write', m);
      const [cohort] = await this.cohorts.rows([id], m);
      const unique = [...new Set(userIds)];
      const users = await this.users.summaries(unique, m);
      const problems = unique.flatMap((userId) => {
        const user = users.find((candidate) => candidate.id === userId);
        if (!user) return [`${userId}: no such user`];
        if (user.role !== 'trainee') return [`${user.username}: only trainees can be cohort members`];
        if (user.unitId !== cohort.unitId) return [`${user.username}: belongs to another unit`];
        if (!user.active) return [`${user.username}: is deactivated`];
        return [];
      });
      if (problems.length) throw new DomainError('invalid', `Members not added: ${problems.join('; ')}`, { problems });
      await this.cohorts.addMembers(
        unique.map((userId) => ({ cohortId: id, userId })),
        m,
      );
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'cohort.members.add',
          entityType: 'cohort',
          entityId: id,
          after: { userIds: unique },
        },
        m,
      );
      return (await this.views([id], m))[0];
    });
  }

  async removeMember(actor: Actor, id: string, userId: string): Promise<void> {
    await this.cohorts.transaction(async (m) => {
      await this.authorize(actor, id, 'write', m);
      if (!(await this.cohorts.isMember(id, userId, m))) throw notFound('Member');
      await this.cohorts.removeMember(id, userId, m);
      await this.audit.record(
        { actorId: actor.id, action: 'cohort.members.remove', entityType: 'cohort', entityId: id, before: { userId } },
        m,
      );
    });
  }

  /** Absent, or another unit's cohort: 404 (not even acknowledged). Seen but not run by the actor: 403 on a write. */
  private async authorize(actor: Actor, id: string, access: Access, m?: EntityManager): Promise<void> {
    if (!(await this.cohorts.exists(id, m))) throw notFound('Cohort');
    if (!(await this.access.canSeeCohort(actor, id, m))) throw notFound('Cohort');
    if (access === 'write' && !(await this.access.canRunCohort(actor, id, m)))
      throw new DomainError('forbidden', 'Only the cohort’s instructors or an admin change it');
  }

  /** Every one must be an active instructor of the cohort's unit (else they could read another unit's trainees). */
  private async assertInstructors(ids: string[], unitId: string, m: EntityManager): Promise<void> {
    if (!ids.length) return;
    const users = await this.users.summaries(ids, m);
    const notInstructors = ids.filter(
      (id) => !users.some((user) => user.id === id && user.role === 'instructor' && user.active),
    );
    if (notInstructors.length) throw new DomainError('invalid', `Not active instructors: ${notInstructors.join(', ')}`);
    const elsewhere = users.filter((user) => user.unitId !== unitId).map((user) => user.username);
    if (elsewhere.length)
      throw new DomainError(
        'invalid',
        `A cohort’s instructors must belong to its unit: ${elsewhere.map((name) => `${name} belongs to another unit`).join('; ')}`,
        { instructors: elsewhere },
      );
  }

  private assertDates(startsOn: string | null, endsOn: string | null) {
    if (startsOn && endsOn && endsOn < startsOn) throw new DomainError('invalid', 'endsOn is before startsOn');
  }

  /** Cohort views ordered by unit name, then cohort name. */
  private async views(ids: string[], m?: EntityManager): Promise<CohortView[]> {
    const rows = await this.cohorts.rows(ids, m);
    const units = await this.units.byIds(
      rows.map((row) => row.unitId),
      m,
    );
    const unitOrder = [...units.values()].map((unit) => unit.id);
    return rows
      .map((row) => ({
        id: row.id,
        name: row.name,
        unitId: row.unitId,
        unitName: units.get(row.unitId)?.name ?? '',
        instructorIds: row.instructorIds,
        memberCount: row.memberCount,
        startsOn: row.startsOn,
        endsOn: row.endsOn,
      }))
      .sort((a, b) => unitOrder.indexOf(a.unitId) - unitOrder.indexOf(b.unitId)); // stable: keeps the name order
  }
}

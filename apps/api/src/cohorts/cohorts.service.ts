// Cohorts: instructors run their own, supervisors read their unit's, admin everything.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CohortView, CreateCohortRequest, UpdateCohortRequest, UserView } from '@firstline/contracts';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/actor';
import { AccessPolicy } from './access-policy';
import { DomainError, notFound } from '../common/domain-error';
import { Unit } from '../units/unit.entity';
import { User } from '../users/user.entity';
import { mapUser } from '../users/user.mapper';
import { Cohort } from './cohort.entity';

type Access = 'read' | 'write';

@Injectable()
export class CohortsService {
  constructor(
    private readonly access: AccessPolicy,
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(actor: Actor): Promise<CohortView[]> {
    const ids = await this.access.visibleCohortIds(actor);
    return this.views(this.db.manager, ids);
  }

  async get(actor: Actor, id: string): Promise<CohortView> {
    await this.authorize(this.db.manager, actor, id, 'read');
    return (await this.views(this.db.manager, [id]))[0];
  }

  async create(actor: Actor, body: CreateCohortRequest): Promise<CohortView> {
    return this.db.transaction(async (m) => {
      if (actor.role === 'instructor' && body.unitId !== actor.unitId) throw new DomainError('forbidden', 'Instructors create cohorts in their own unit');
      if (!(await m.exists(Unit, { where: { id: body.unitId } }))) throw new DomainError('invalid', 'Unit does not exist');
      this.assertDates(body.startsOn ?? null, body.endsOn ?? null);
      if (await m.exists(Cohort, { where: { unitId: body.unitId, name: body.name } })) throw new DomainError('conflict', `The unit already has a cohort named "${body.name}"`);
      const instructorIds = new Set(body.instructorIds ?? []);
      if (actor.role === 'instructor') instructorIds.add(actor.id);
      const instructors = await this.instructors(m, [...instructorIds]);
      const cohort = await m.save(
        m.create(Cohort, { name: body.name, unitId: body.unitId, startsOn: body.startsOn ?? null, endsOn: body.endsOn ?? null, instructors, members: [] }),
      );
      await this.audit.record({ actorId: actor.id, action: 'cohort.create', entityType: 'cohort', entityId: cohort.id, after: { ...body, instructorIds: [...instructorIds] } }, m);
      return (await this.views(m, [cohort.id]))[0];
    });
  }

  async update(actor: Actor, id: string, body: UpdateCohortRequest): Promise<CohortView> {
    return this.db.transaction(async (m) => {
      await this.authorize(m, actor, id, 'write');
      const cohort = await m.findOneOrFail(Cohort, { where: { id }, relations: { instructors: true } });
      const before = { name: cohort.name, unitId: cohort.unitId, startsOn: cohort.startsOn, endsOn: cohort.endsOn, instructorIds: cohort.instructors?.map((i) => i.id) };
      if (body.unitId && body.unitId !== cohort.unitId) {
        if (actor.role !== 'admin') throw new DomainError('forbidden', 'Only an admin moves a cohort to another unit');
        if ((await this.memberIds(m, id)).length) throw new DomainError('conflict', 'Remove the members before moving the cohort to another unit');
      }
      if (body.name && body.name !== cohort.name && (await m.exists(Cohort, { where: { unitId: body.unitId ?? cohort.unitId, name: body.name } })))
        throw new DomainError('conflict', `The unit already has a cohort named "${body.name}"`);
      const startsOn = body.startsOn !== undefined ? body.startsOn : cohort.startsOn;
      const endsOn = body.endsOn !== undefined ? body.endsOn : cohort.endsOn;
      this.assertDates(startsOn, endsOn);
      Object.assign(cohort, { name: body.name ?? cohort.name, unitId: body.unitId ?? cohort.unitId, startsOn, endsOn });
      if (body.instructorIds) {
        const ids = new Set(body.instructorIds);
        if (actor.role === 'instructor') ids.add(actor.id);
        cohort.instructors = await this.instructors(m, [...ids]);
      }
      await m.save(cohort);
      await this.audit.record({ actorId: actor.id, action: 'cohort.update', entityType: 'cohort', entityId: id, before, after: body }, m);
      return (await this.views(m, [id]))[0];
    });
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await this.db.transaction(async (m) => {
      await this.authorize(m, actor, id, 'write');
      const [view] = await this.views(m, [id]);
      await m.delete(Cohort, { id });
      await this.audit.record({ actorId: actor.id, action: 'cohort.delete', entityType: 'cohort', entityId: id, before: view }, m);
    });
  }

  async members(actor: Actor, id: string): Promise<UserView[]> {
    await this.authorize(this.db.manager, actor, id, 'read');
    const users = await this.db
      .getRepository(User)
      .createQueryBuilder('u')
      .leftJoinAndSelect('u.unit', 'unit')
      .where('u.id IN (SELECT user_id FROM cohort_members WHERE cohort_id = :id)', { id })
      .orderBy('u.display_name')
      .getMany();
    return users.map((u) => mapUser(u));
  }

  async addMembers(actor: Actor, id: string, userIds: string[]): Promise<CohortView> {
    return this.db.transaction(async (m) => {
      await this.authorize(m, actor, id, 'write');
      const cohort = await m.findOneOrFail(Cohort, { where: { id } });
      const unique = [...new Set(userIds)];
      const users = await m.find(User, { where: { id: In(unique) } });
      const problems = unique.flatMap((uid) => {
        const u = users.find((x) => x.id === uid);
        if (!u) return [`${uid}: no such user`];
        if (u.role !== 'trainee') return [`${u.username}: only trainees can be cohort members`];
        if (u.unitId !== cohort.unitId) return [`${u.username}: belongs to another unit`];
        if (!u.active) return [`${u.username}: is deactivated`];
        return [];
      });
      if (problems.length) throw new DomainError('invalid', `Members not added: ${problems.join('; ')}`, { problems });
      await m.query(
        `INSERT INTO cohort_members (cohort_id, user_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`,
        [id, unique],
      );
      await this.audit.record({ actorId: actor.id, action: 'cohort.members.add', entityType: 'cohort', entityId: id, after: { userIds: unique } }, m);
      return (await this.views(m, [id]))[0];
    });
  }

  async removeMember(actor: Actor, id: string, userId: string): Promise<void> {
    await this.db.transaction(async (m) => {
      await this.authorize(m, actor, id, 'write');
      const [member] = await m.query('SELECT 1 FROM cohort_members WHERE cohort_id = $1 AND user_id = $2', [id, userId]);
      if (!member) throw notFound('Member');
      await m.query('DELETE FROM cohort_members WHERE cohort_id = $1 AND user_id = $2', [id, userId]);
      await this.audit.record({ actorId: actor.id, action: 'cohort.members.remove', entityType: 'cohort', entityId: id, before: { userId } }, m);
    });
  }

  private async authorize(m: EntityManager, actor: Actor, id: string, access: Access): Promise<void> {
    if (!(await m.exists(Cohort, { where: { id } }))) throw notFound('Cohort');
    if (actor.role === 'admin') return;
    const visible = await this.access.visibleCohortIds(actor, m);
    if (!visible.includes(id)) throw notFound('Cohort'); // another unit's cohort is not even acknowledged
    if (access === 'write' && actor.role !== 'instructor') throw new DomainError('forbidden', 'Only the cohort’s instructors or an admin change it');
  }

  private async instructors(m: EntityManager, ids: string[]): Promise<User[]> {
    if (!ids.length) return [];
    const users = await m.find(User, { where: { id: In(ids) } });
    const bad = ids.filter((id) => !users.some((u) => u.id === id && u.role === 'instructor' && u.active));
    if (bad.length) throw new DomainError('invalid', `Not active instructors: ${bad.join(', ')}`);
    return users;
  }

  private async memberIds(m: EntityManager, id: string): Promise<string[]> {
    return (await m.query('SELECT user_id FROM cohort_members WHERE cohort_id = $1', [id])).map((r: { user_id: string }) => r.user_id);
  }

  private assertDates(startsOn: string | null, endsOn: string | null) {
    if (startsOn && endsOn && endsOn < startsOn) throw new DomainError('invalid', 'endsOn is before startsOn');
  }

  private async views(m: EntityManager, ids: string[]): Promise<CohortView[]> {
    if (!ids.length) return [];
    const rows: Array<{ id: string; name: string; unit_id: string; unit_name: string; starts_on: string | null; ends_on: string | null; instructor_ids: string[] | null; member_count: number }> =
      await m.query(
        `SELECT c.id, c.name, c.unit_id, u.name AS unit_name, to_char(c.starts_on, 'YYYY-MM-DD') AS starts_on, to_char(c.ends_on, 'YYYY-MM-DD') AS ends_on,
                (SELECT array_agg(i.user_id ORDER BY i.user_id) FROM cohort_instructors i WHERE i.cohort_id = c.id) AS instructor_ids,
                (SELECT count(*)::int FROM cohort_members x WHERE x.cohort_id = c.id) AS member_count
           FROM cohorts c JOIN units u ON u.id = c.unit_id WHERE c.id = ANY($1::uuid[]) ORDER BY u.name, c.name`,
        [ids],
      );
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      unitId: r.unit_id,
      unitName: r.unit_name,
      instructorIds: r.instructor_ids ?? [],
      memberCount: r.member_count,
      startsOn: r.starts_on,
      endsOn: r.ends_on,
    }));
  }
}

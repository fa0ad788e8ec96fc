// Users: admin CRUD, scoped listing (supervisor: own unit; instructor: own unit's trainees), own profile.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CreateUserRequest, UpdateMeRequest, UpdateUserRequest, UserListQuery, UserView } from '@firstline/contracts';
import { Brackets, DataSource, EntityManager, IsNull } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { RefreshToken } from '../auth/refresh-token.entity';
import { hashPassword } from '../auth/passwords';
import type { Actor } from '../common/actor';
import { DomainError, notFound } from '../common/domain-error';
import { Unit } from '../units/unit.entity';
import { User } from './user.entity';
import { mapUser } from './user.mapper';

/** What an audit entry keeps of a user: never the password hash. */
const auditable = (u: User) => ({
  username: u.username,
  displayName: u.displayName,
  role: u.role,
  unitId: u.unitId,
  serviceNumber: u.serviceNumber,
  language: u.language,
  active: u.active,
});

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(actor: Actor, q: UserListQuery) {
    const qb = this.db.getRepository(User).createQueryBuilder('u').leftJoinAndSelect('u.unit', 'unit');
    this.applyScope(qb, actor);
    if (q.role) qb.andWhere('u.role = :role', { role: q.role });
    if (q.unitId) qb.andWhere('u.unit_id = :unitId', { unitId: q.unitId });
    if (q.q) {
      const like = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      qb.andWhere(
        new Brackets((w) =>
          w.where('u.username ILIKE :like', { like }).orWhere('u.display_name ILIKE :like', { like }).orWhere('u.service_number ILIKE :like', { like }),
        ),
      );
    }
    const [rows, total] = await qb.orderBy('u.display_name', 'ASC').addOrderBy('u.id').take(q.limit).skip(q.offset).getManyAndCount();
    return { items: rows.map((u) => mapUser(u)), total, limit: q.limit, offset: q.offset };
  }

  async get(actor: Actor, id: string): Promise<UserView> {
    const qb = this.db.getRepository(User).createQueryBuilder('u').leftJoinAndSelect('u.unit', 'unit').where('u.id = :id', { id });
    this.applyScope(qb, actor);
    const user = await qb.getOne();
    if (!user) throw notFound('User'); // outside the caller's scope looks the same as absent
    return mapUser(user);
  }

  async create(actor: Actor, body: CreateUserRequest): Promise<UserView> {
    const passwordHash = await hashPassword(body.password);
    return this.db.transaction(async (m) => {
      await this.assertFree(m, body.username, body.serviceNumber ?? null);
      await this.assertUnit(m, body.unitId ?? null, body.role);
      const user = await m.save(
        m.create(User, {
          username: body.username,
          displayName: body.displayName,
          role: body.role,
          unitId: body.unitId ?? null,
          serviceNumber: body.serviceNumber ?? null,
          language: body.language,
          passwordHash,
          active: true,
        }),
      );
      await this.audit.record({ actorId: actor.id, action: 'user.create', entityType: 'user', entityId: user.id, after: auditable(user) }, m);
      return this.view(m, user.id);
    });
  }

  async update(actor: Actor, id: string, body: UpdateUserRequest): Promise<UserView> {
    const passwordHash = body.password ? await hashPassword(body.password) : undefined;
    return this.db.transaction(async (m) => {
      const user = await m.findOne(User, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw notFound('User');
      if (id === actor.id && (body.active === false || (body.role && body.role !== 'admin'))) {
        throw new DomainError('invalid', 'You cannot deactivate yourself or remove your own admin role');
      }
      const before = auditable(user);
      if (body.serviceNumber !== undefined && body.serviceNumber !== user.serviceNumber) await this.assertFree(m, null, body.serviceNumber);
      const role = body.role ?? user.role;
      const unitId = body.unitId !== undefined ? body.unitId : user.unitId;
      await this.assertUnit(m, unitId, role);
      Object.assign(user, {
        displayName: body.displayName ?? user.displayName,
        role,
        unitId,
        serviceNumber: body.serviceNumber !== undefined ? body.serviceNumber : user.serviceNumber,
        language: body.language ?? user.language,
        active: body.active ?? user.active,
      });
      await m.save(User, user);
      if (passwordHash) await m.update(User, { id }, { passwordHash });
      if (body.active === false || passwordHash) await m.update(RefreshToken, { userId: id, revokedAt: IsNull() }, { revokedAt: new Date() });
      const after = { ...auditable(user), ...(passwordHash ? { passwordReset: true } : {}) };
      await this.audit.record({ actorId: actor.id, action: 'user.update', entityType: 'user', entityId: id, before, after }, m);
      return this.view(m, id);
    });
  }

  /** Users are deactivated, never deleted: their results and the audit trail keep pointing at them. */
  async deactivate(actor: Actor, id: string): Promise<void> {
    await this.update(actor, id, { active: false });
  }

  async updateOwnProfile(actor: Actor, body: UpdateMeRequest): Promise<UserView> {
    return this.db.transaction(async (m) => {
      const user = await m.findOneOrFail(User, { where: { id: actor.id } });
      const before = { displayName: user.displayName, language: user.language };
      if (body.displayName) user.displayName = body.displayName;
      if (body.language) user.language = body.language;
      await m.save(User, user);
      await this.audit.record({ actorId: actor.id, action: 'user.profile', entityType: 'user', entityId: actor.id, before, after: body }, m);
      return this.view(m, actor.id);
    });
  }

  private applyScope(qb: import('typeorm').SelectQueryBuilder<User>, actor: Actor) {
    if (actor.role === 'admin') return;
    if (actor.role === 'supervisor') {
      qb.andWhere('u.unit_id = :scopeUnit', { scopeUnit: actor.unitId });
    } else if (actor.role === 'instructor') {
      qb.andWhere("u.role = 'trainee'").andWhere(
        new Brackets((w) =>
          w
            .where('u.unit_id = :scopeUnit', { scopeUnit: actor.unitId })
            .orWhere('u.id IN (SELECT m.user_id FROM cohort_members m JOIN cohort_instructors i ON i.cohort_id = m.cohort_id WHERE i.user_id = :scopeActor)', {
              scopeActor: actor.id,
            }),
        ),
      );
    } else {
      qb.andWhere('u.id = :scopeActor', { scopeActor: actor.id });
    }
  }

  private async view(m: EntityManager, id: string): Promise<UserView> {
    return mapUser(await m.findOneOrFail(User, { where: { id }, relations: { unit: true } }));
  }

  private async assertFree(m: EntityManager, username: string | null, serviceNumber: string | null) {
    if (username && (await m.exists(User, { where: { username } }))) throw new DomainError('conflict', `Username "${username}" is already taken`);
    if (serviceNumber && (await m.exists(User, { where: { serviceNumber } })))
      throw new DomainError('conflict', `Service number "${serviceNumber}" is already registered`);
  }

  private async assertUnit(m: EntityManager, unitId: string | null, role: string) {
    if (unitId && !(await m.exists(Unit, { where: { id: unitId } }))) throw new DomainError('invalid', 'Unit does not exist');
    if (!unitId && role !== 'admin') throw new DomainError('invalid', `A ${role} must belong to a unit`);
  }
}

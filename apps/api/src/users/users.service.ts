// Users: admin CRUD, scoped listing (who sees whom is the AccessPolicy's), own profile, and the account facts
// that auth and cohorts ask for.
import type {
  CreateUserRequest,
  Role,
  UpdateMeRequest,
  UpdateUserRequest,
  UserListQuery,
  UserView,
} from '@firstline/contracts';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '../audit';
import { AccessPolicy } from '../cohorts';
import type { Actor } from '../common/decorators/actor';
import { DomainError, notFound } from '../common/errors/domain-error';
import { SessionsService } from '../sessions';
import { UnitsService } from '../units';
import { hashPassword } from './passwords';
import type { User } from './user.entity';
import { mapUser } from './user.mapper';
import { ActorRow, UserName, UsersRepository } from './users.repository';

/** What an audit entry keeps of a user: never the password hash. */
const auditable = (user: User) => ({
  username: user.username,
  displayName: user.displayName,
  role: user.role,
  unitId: user.unitId,
  serviceNumber: user.serviceNumber,
  language: user.language,
  active: user.active,
});

/** A user as other features check them (role, unit, status), without the profile. */
export interface UserSummary {
  id: string;
  username: string;
  role: Role;
  unitId: string | null;
  active: boolean;
}

/** A signed-in user's account: what a session is issued for. */
export interface Account {
  id: string;
  role: Role;
  active: boolean;
  view: UserView;
}

export interface UserPage {
  items: UserView[];
  total: number;
  limit: number;
  offset: number;
}

@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly access: AccessPolicy,
    private readonly units: UnitsService,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
  ) {}

  async list(actor: Actor, query: UserListQuery): Promise<UserPage> {
    const scope = await this.access.userScope(actor);
    const filter = { role: query.role, unitId: query.unitId, text: query.q };
    const [users, total] = await this.users.page(scope, filter, query.limit, query.offset);
    return { items: await this.mapUsers(users), total, limit: query.limit, offset: query.offset };
  }

  async get(actor: Actor, id: string): Promise<UserView> {
    const user = await this.users.findById(id);
    if (!user || !(await this.access.canSeeUser(actor, user))) throw notFound('User'); // out of scope looks absent
    return (await this.mapUsers([user]))[0];
  }

  async create(actor: Actor, body: CreateUserRequest): Promise<UserView> {
    const passwordHash = await hashPassword(body.password);
    return this.users.transaction(async (m) => {
      await this.assertFree(body.username, body.serviceNumber ?? null, m);
      await this.assertUnit(body.unitId ?? null, body.role, m);
      const user = await this.users.insert(
        {
          username: body.username,
          displayName: body.displayName,
          role: body.role,
          unitId: body.unitId ?? null,
          serviceNumber: body.serviceNumber ?? null,
          language: body.language,
          passwordHash,
        },
        m,
      );
      await this.audit.record(
        { actorId: actor.id, action: 'user.create', entityType: 'user', entityId: user.id, after: auditable(user) },
        m,
      );
      return this.view(user.id, m);
    });
  }

  async update(actor: Actor, id: string, body: UpdateUserRequest): Promise<UserView> {
    const passwordHash = body.password ? await hashPassword(body.password) : undefined;
    return this.users.transaction(async (m) => {
      const user = await this.users.findForUpdate(id, m);
      if (!user) throw notFound('User');
      if (id === actor.id && (body.active === false || (body.role && body.role !== 'admin'))) {
        throw new DomainError('invalid', 'You cannot deactivate yourself or remove your own admin role');
      }
      const before = auditable(user);
      if (body.serviceNumber !== undefined && body.serviceNumber !== user.serviceNumber)
        await this.assertFree(null, body.serviceNumber, m);
      const role = body.role ?? user.role;
      const unitId = body.unitId !== undefined ? body.unitId : user.unitId;
      await this.assertUnit(unitId, role, m);
      Object.assign(user, {
        displayName: body.displayName ?? user.displayName,
        role,
        unitId,
        serviceNumber: body.serviceNumber !== undefined ? body.serviceNumber : user.serviceNumber,
        language: body.language ?? user.language,
        active: body.active ?? user.active,
      });
      await this.users.save(user, m);
      if (passwordHash) await this.users.setPasswordHash(id, passwordHash, m);
      if (body.active === false || passwordHash) await this.sessions.endAllOf(id, m);
      const after = { ...auditable(user), ...(passwordHash ? { passwordReset: true } : {}) };
      await this.audit.record(
        { actorId: actor.id, action: 'user.update', entityType: 'user', entityId: id, before, after },
        m,
      );
      return this.view(id, m);
    });
  }

  /** Users are deactivated, never deleted: their results and the audit trail keep pointing at them. */
  async deactivate(actor: Actor, id: string): Promise<void> {
    await this.update(actor, id, { active: false });
  }

  async updateOwnProfile(actor: Actor, body: UpdateMeRequest): Promise<UserView> {
    return this.users.transaction(async (m) => {
      const user = await this.users.findById(actor.id, m);
      if (!user) throw notFound('User');
      const before = { displayName: user.displayName, language: user.language };
      if (body.displayName) user.displayName = body.displayName;
      if (body.language) user.language = body.language;
      await this.users.save(user, m);
      await this.audit.record(
        { actorId: actor.id, action: 'user.profile', entityType: 'user', entityId: actor.id, before, after: body },
        m,
      );
      return this.view(actor.id, m);
    });
  }

  // ---- for other features ----

  /** Role, unit and status as stored now (the access guard re-reads them on every request). */
  actor(id: string): Promise<ActorRow | null> {
    return this.users.findActor(id);
  }

  /** The account with this username and its password hash, for signing in. */
  async credentials(username: string): Promise<{ account: Account; passwordHash: string } | null> {
    const user = await this.users.findWithPasswordByUsername(username);
    return user ? { account: await this.toAccount(user), passwordHash: user.passwordHash } : null;
  }

  async passwordHashOf(id: string): Promise<string | null> {
    return (await this.users.findWithPasswordById(id))?.passwordHash ?? null;
  }

  /** Stores a new password hash (the caller ends the user's sessions in the same transaction). */
  setPasswordHash(id: string, passwordHash: string, m?: EntityManager): Promise<void> {
    return this.users.setPasswordHash(id, passwordHash, m);
  }

  async account(id: string, m?: EntityManager): Promise<Account | null> {
    const user = await this.users.findById(id, m);
    return user ? this.toAccount(user, m) : null;
  }

  async summaries(ids: string[], m?: EntityManager): Promise<UserSummary[]> {
    const users = await this.users.findMany(ids, m);
    return users.map(({ id, username, role, unitId, active }) => ({ id, username, role, unitId, active }));
  }

  /** Views of these users, ordered by display name. */
  async views(ids: string[], m?: EntityManager): Promise<UserView[]> {
    return this.mapUsers(await this.users.findManyByDisplayName(ids, m), m);
  }

  /** The names of these users (id, username, display name), ordered by display name: no entities, no units. */
  names(ids: string[], m?: EntityManager): Promise<UserName[]> {
    return this.users.names(ids, m);
  }

  /** The names of a unit's users, ordered by display name. */
  namesInUnit(unitId: string, m?: EntityManager): Promise<UserName[]> {
    return this.users.namesInUnit(unitId, m);
  }

  private async view(id: string, m: EntityManager): Promise<UserView> {
    const user = await this.users.findById(id, m);
    if (!user) throw notFound('User');
    return (await this.mapUsers([user], m))[0];
  }

  private async toAccount(user: User, m?: EntityManager): Promise<Account> {
    const [view] = await this.mapUsers([user], m);
    return { id: user.id, role: user.role, active: user.active, view };
  }

  /** Views of these users, in their order, each named with its unit (the units feature knows the names). */
  private async mapUsers(users: User[], m?: EntityManager): Promise<UserView[]> {
    const unitIds = users.flatMap((user) => (user.unitId ? [user.unitId] : []));
    const units = await this.units.byIds(unitIds, m);
    return users.map((user) => mapUser(user, user.unitId ? (units.get(user.unitId)?.name ?? null) : null));
  }

  private async assertFree(username: string | null, serviceNumber: string | null, m: EntityManager) {
    if (username && (await this.users.usernameTaken(username, m)))
      throw new DomainError('conflict', `Username "${username}" is already taken`);
    if (serviceNumber && (await this.users.serviceNumberTaken(serviceNumber, m)))
      throw new DomainError('conflict', `Service number "${serviceNumber}" is already registered`);
  }

  private async assertUnit(unitId: string | null, role: string, m: EntityManager) {
    if (unitId && !(await this.units.exists(unitId, m))) throw new DomainError('invalid', 'Unit does not exist');
    if (!unitId && role !== 'admin') throw new DomainError('invalid', `A ${role} must belong to a unit`);
  }

  /** Ids of the users whose username starts with this prefix (the demo seeder finds its trainees so). */
  idsWithUsernamePrefix(prefix: string, m?: EntityManager): Promise<string[]> {
    return this.users.idsWithUsernamePrefix(prefix, m);
  }
}

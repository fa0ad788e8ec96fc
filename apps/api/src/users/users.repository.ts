// The users feature's data layer: the users table.
import type { Language, Role } from '@firstline/contracts';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, EntityManager, In, Like, Repository, SelectQueryBuilder } from 'typeorm';
import type { UserScope } from '../cohorts';
import { containsPattern } from '../common/sql/contains-pattern';
import { prepared } from '../common/sql/prepared';
import { User } from './user.entity';

/** The actor of every authenticated request (prepared: common/sql/prepared.ts). */
const ACTOR = prepared('SELECT id, role, unit_id AS "unitId", active FROM users WHERE id = $1');

export interface UserListFilter {
  role?: Role;
  unitId?: string;
  /** Part of a username, display name or service number. */
  text?: string;
}

export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  unitId: string | null;
  serviceNumber: string | null;
  language: Language;
  passwordHash: string;
}

/** What the access guard re-reads on every request. */
export interface ActorRow {
  id: string;
  role: Role;
  unitId: string | null;
  active: boolean;
}

/** What a report names a user by, and nothing more. */
export interface UserName {
  id: string;
  username: string;
  displayName: string;
}

@Injectable()
export class UsersRepository {
  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.users.manager.transaction(work);
  }

  private repo(m?: EntityManager): Repository<User> {
    return m ? m.getRepository(User) : this.users;
  }

  /** A page of the users in scope matching the filter, ordered by display name, with the total count. */
  page(scope: UserScope, filter: UserListFilter, limit: number, offset: number): Promise<[User[], number]> {
    const query = this.users.createQueryBuilder('u');
    applyScope(query, scope);
    if (filter.role) query.andWhere('u.role = :role', { role: filter.role });
    if (filter.unitId) query.andWhere('u.unit_id = :unitId', { unitId: filter.unitId });
    if (filter.text) {
      const like = containsPattern(filter.text);
      query.andWhere(
        new Brackets((where) =>
          where
            .where('u.username ILIKE :like', { like })
            .orWhere('u.display_name ILIKE :like', { like })
            .orWhere('u.service_number ILIKE :like', { like }),
        ),
      );
    }
    return query.orderBy('u.display_name', 'ASC').addOrderBy('u.id').take(limit).skip(offset).getManyAndCount();
  }

  findById(id: string, m?: EntityManager): Promise<User | null> {
    return this.repo(m).findOne({ where: { id } });
  }

  /** The users with these ids, ordered by display name. */
  findManyByDisplayName(ids: string[], m?: EntityManager): Promise<User[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.repo(m).find({ where: { id: In(ids) }, order: { displayName: 'ASC' } });
  }

  /**
   * The names of the users with these ids, ordered by display name: one plain query, no entities (a report names up
   * to a whole unit's officers at once). The ids go as a ready-made array literal — uuids need no quoting — which
   * is what pg's own serialiser would build, escaping and concatenating 10,000 strings one by one.
   */
  names(ids: string[], m?: EntityManager): Promise<UserName[]> {
    if (!ids.length) return Promise.resolve([]);
    return (m ?? this.users.manager).query(
      `SELECT id, username, display_name AS "displayName" FROM users WHERE id = ANY($1::uuid[]) ORDER BY display_name`,
      [`{${ids.join(',')}}`],
    );
  }

  /** The names of the users of a unit, ordered by display name (ix_users_unit): a unit roll-up names its officers. */
  namesInUnit(unitId: string, m?: EntityManager): Promise<UserName[]> {
    return (m ?? this.users.manager).query(
      `SELECT id, username, display_name AS "displayName" FROM users WHERE unit_id = $1 ORDER BY display_name`,
      [unitId],
    );
  }

  findMany(ids: string[], m?: EntityManager): Promise<User[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.repo(m).find({ where: { id: In(ids) } });
  }

  /** The user, locked for update until the caller's transaction ends. */
  findForUpdate(id: string, m: EntityManager): Promise<User | null> {
    return this.repo(m).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** Read on every authenticated request, so one plain statement rather than a built query. */
  async findActor(id: string): Promise<ActorRow | null> {
    const rows: ActorRow[] = await this.users.query(ACTOR, [id]);
    return rows[0] ?? null;
  }

  /** The user with the password hash (which is never selected otherwise). */
  findWithPasswordByUsername(username: string): Promise<User | null> {
    return this.users
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.username = :username', { username })
      .getOne();
  }

  findWithPasswordById(id: string): Promise<User | null> {
    return this.users.createQueryBuilder('u').addSelect('u.passwordHash').where('u.id = :id', { id }).getOne();
  }

  usernameTaken(username: string, m?: EntityManager): Promise<boolean> {
    return this.repo(m).exists({ where: { username } });
  }

  serviceNumberTaken(serviceNumber: string, m?: EntityManager): Promise<boolean> {
    return this.repo(m).exists({ where: { serviceNumber } });
  }

  /** Users holding any of these service numbers or usernames. */
  findHolders(serviceNumbers: string[], usernames: string[], m?: EntityManager): Promise<User[]> {
    return this.repo(m).find({
      where: [{ serviceNumber: In(serviceNumbers) }, { username: In(usernames) }],
      select: { id: true, serviceNumber: true, username: true },
    });
  }

  insert(user: NewUser, m?: EntityManager): Promise<User> {
    const repo = this.repo(m);
    return repo.save(repo.create({ ...user, active: true }));
  }

  insertMany(users: NewUser[], m?: EntityManager): Promise<User[]> {
    const repo = this.repo(m);
    return repo.save(users.map((user) => repo.create({ ...user, active: true })));
  }

  async save(user: User, m?: EntityManager): Promise<void> {
    await this.repo(m).save(user);
  }

  async setPasswordHash(id: string, passwordHash: string, m?: EntityManager): Promise<void> {
    await this.repo(m).update({ id }, { passwordHash });
  }

  /** Users per unit (`activeOnly`: active accounts only). */
  async countByUnit(unitIds: string[], activeOnly: boolean, m?: EntityManager): Promise<Map<string, number>> {
    const rows: Array<{ unitId: string; n: number }> = await (m ?? this.users.manager)
      .getRepository(User)
      .createQueryBuilder('u')
      .select('u.unit_id', 'unitId')
      .addSelect('count(*)::int', 'n')
      .where('u.unit_id IN (:...unitIds)', { unitIds })
      .andWhere(activeOnly ? 'u.active' : 'true')
      .groupBy('u.unit_id')
      .getRawMany();
    return new Map(rows.map((row) => [row.unitId, row.n]));
  }

  /** Ids of the users whose username starts with this prefix. */
  async idsWithUsernamePrefix(prefix: string, m?: EntityManager): Promise<string[]> {
    const rows = await this.repo(m).find({ where: { username: Like(`${prefix}%`) }, select: { id: true } });
    return rows.map((row) => row.id);
  }
}

/** Narrows a query on users (alias `u`) to the scope the AccessPolicy gave. */
function applyScope(query: SelectQueryBuilder<User>, scope: UserScope): void {
  if (scope.kind === 'everyone') return;
  if (scope.kind === 'unit') {
    query.andWhere('u.unit_id = :scopeUnit', { scopeUnit: scope.unitId });
  } else if (scope.kind === 'trainees') {
    query
      .andWhere("u.role = 'trainee'")
      .andWhere(
        new Brackets((where) =>
          where
            .where('u.unit_id = :scopeUnit', { scopeUnit: scope.unitId })
            .orWhere('u.id = ANY(:scopeUsers)', { scopeUsers: scope.alsoUserIds }),
        ),
      );
  } else {
    query.andWhere('u.id = :scopeSelf', { scopeSelf: scope.userId });
  }
}

// The units feature's data layer: every query on the units table.
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { Unit } from './unit.entity';

/** A unit with the number of active users in it. */
export interface UnitRow {
  id: string;
  name: string;
  code: string;
  userCount: number;
}

/** What still points at a unit (it cannot be deleted while anything does). */
export interface UnitUsage {
  users: number;
  cohorts: number;
}

@Injectable()
export class UnitsRepository {
  constructor(@InjectRepository(Unit) private readonly units: Repository<Unit>) {}

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.units.manager.transaction(work);
  }

  private repo(m?: EntityManager): Repository<Unit> {
    return m ? m.getRepository(Unit) : this.units;
  }

  /**
   * All units, or the one with this id, with their active-user counts. The count reads the users table's
   * foreign key to units (a reverse reference: the users feature depends on units, not the other way round).
   */
  async withUserCounts(id?: string, m?: EntityManager): Promise<UnitRow[]> {
    const rows: Array<{ id: string; name: string; code: string; user_count: number }> = await this.repo(m).query(
      `SELECT u.id, u.name, u.code, (SELECT count(*)::int FROM users x WHERE x.unit_id = u.id AND x.active) AS user_count
         FROM units u ${id ? 'WHERE u.id = $1' : ''} ORDER BY u.name`,
      id ? [id] : [],
    );
    return rows.map((row) => ({ id: row.id, name: row.name, code: row.code, userCount: row.user_count }));
  }

  /** How many users and cohorts belong to the unit (reverse references through their unit_id foreign keys). */
  async usage(id: string, m?: EntityManager): Promise<UnitUsage> {
    const [row]: Array<{ users: number; cohorts: number }> = await this.repo(m).query(
      'SELECT (SELECT count(*)::int FROM users WHERE unit_id = $1) AS users, (SELECT count(*)::int FROM cohorts WHERE unit_id = $1) AS cohorts',
      [id],
    );
    return { users: row.users, cohorts: row.cohorts };
  }

  findAll(m?: EntityManager): Promise<Unit[]> {
    return this.repo(m).find();
  }

  findById(id: string, m?: EntityManager): Promise<Unit | null> {
    return this.repo(m).findOne({ where: { id } });
  }

  /** The units with these ids, ordered by name. */
  findByIds(ids: string[], m?: EntityManager): Promise<Unit[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.repo(m).createQueryBuilder('unit').where('unit.id IN (:...ids)', { ids }).orderBy('unit.name').getMany();
  }

  /** The unit, locked for update until the caller's transaction ends. */
  findForUpdate(id: string, m: EntityManager): Promise<Unit | null> {
    return this.repo(m).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  findByField(field: 'name' | 'code', value: string, m?: EntityManager): Promise<Unit | null> {
    return this.repo(m).findOne({ where: { [field]: value } });
  }

  exists(id: string, m?: EntityManager): Promise<boolean> {
    return this.repo(m).exists({ where: { id } });
  }

  insert(fields: { name: string; code: string }, m?: EntityManager): Promise<Unit> {
    const repo = this.repo(m);
    return repo.save(repo.create(fields));
  }

  save(unit: Unit, m?: EntityManager): Promise<Unit> {
    return this.repo(m).save(unit);
  }

  async delete(id: string, m?: EntityManager): Promise<void> {
    await this.repo(m).delete({ id });
  }
}

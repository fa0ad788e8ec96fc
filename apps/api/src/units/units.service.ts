import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CreateUnitRequest, UnitView, UpdateUnitRequest } from '@firstline/contracts';
import { DataSource } from 'typeorm';
import type { Actor } from '../common/actor';
import { DomainError, notFound } from '../common/domain-error';
import { AuditService } from '../audit/audit.service';
import { Unit } from './unit.entity';

@Injectable()
export class UnitsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Admin sees every unit; everyone else only their own. */
  async list(actor: Actor): Promise<UnitView[]> {
    if (actor.role === 'admin') return this.views();
    return actor.unitId ? this.views(actor.unitId) : [];
  }

  private async view(id: string): Promise<UnitView> {
    const [unit] = await this.views(id);
    if (!unit) throw notFound('Unit');
    return unit;
  }

  /** All units, or the one with this id, with their active-user counts. */
  private async views(id?: string): Promise<UnitView[]> {
    const rows: Array<{ id: string; name: string; code: string; user_count: number }> = await this.db.query(
      `SELECT u.id, u.name, u.code, (SELECT count(*)::int FROM users x WHERE x.unit_id = u.id AND x.active) AS user_count
         FROM units u ${id ? 'WHERE u.id = $1' : ''} ORDER BY u.name`,
      id ? [id] : [],
    );
    return rows.map((r) => ({ id: r.id, name: r.name, code: r.code, userCount: r.user_count }));
  }

  async create(actor: Actor, body: CreateUnitRequest): Promise<UnitView> {
    return this.db.transaction(async (m) => {
      await this.assertUnique(m.getRepository(Unit), body);
      const unit = await m.save(m.create(Unit, body));
      await this.audit.record({ actorId: actor.id, action: 'unit.create', entityType: 'unit', entityId: unit.id, after: body }, m);
      return { id: unit.id, name: unit.name, code: unit.code, userCount: 0 };
    });
  }

  async update(actor: Actor, id: string, body: UpdateUnitRequest): Promise<UnitView> {
    await this.db.transaction(async (m) => {
      const unit = await m.findOne(Unit, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!unit) throw notFound('Unit');
      await this.assertUnique(m.getRepository(Unit), body, id);
      const before = { name: unit.name, code: unit.code };
      Object.assign(unit, body);
      await m.save(unit);
      await this.audit.record({ actorId: actor.id, action: 'unit.update', entityType: 'unit', entityId: id, before, after: { name: unit.name, code: unit.code } }, m);
    });
    return this.view(id);
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await this.db.transaction(async (m) => {
      const unit = await m.findOne(Unit, { where: { id } });
      if (!unit) throw notFound('Unit');
      const [{ users, cohorts }] = await m.query(
        'SELECT (SELECT count(*)::int FROM users WHERE unit_id = $1) AS users, (SELECT count(*)::int FROM cohorts WHERE unit_id = $1) AS cohorts',
        [id],
      );
      if (users || cohorts) throw new DomainError('conflict', `Unit still has ${users} user(s) and ${cohorts} cohort(s); move or remove them first`);
      await m.delete(Unit, { id });
      await this.audit.record({ actorId: actor.id, action: 'unit.delete', entityType: 'unit', entityId: id, before: { name: unit.name, code: unit.code } }, m);
    });
  }

  private async assertUnique(repo: import('typeorm').Repository<Unit>, body: UpdateUnitRequest, exceptId?: string) {
    for (const key of ['name', 'code'] as const) {
      if (!body[key]) continue;
      const clash = await repo.findOne({ where: { [key]: body[key] } });
      if (clash && clash.id !== exceptId) throw new DomainError('conflict', `A unit with ${key} "${body[key]}" already exists`);
    }
  }
}

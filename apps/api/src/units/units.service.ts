// Units: admin manages them; everyone else sees their own. Other features ask here whether a unit exists.
import type { CreateUnitRequest, UnitView, UpdateUnitRequest } from '@firstline/contracts';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '../audit';
import type { Actor } from '../common/decorators/actor';
import { DomainError, notFound } from '../common/errors/domain-error';
import { UnitMembers } from './unit-members';
import { UnitsRepository } from './units.repository';

/** A unit as other features see it. */
export interface UnitSummary {
  id: string;
  name: string;
  code: string;
}

@Injectable()
export class UnitsService {
  constructor(
    private readonly units: UnitsRepository,
    private readonly audit: AuditService,
    private readonly members: UnitMembers,
  ) {}

  /** Admin sees every unit; everyone else only their own. */
  async list(actor: Actor): Promise<UnitView[]> {
    if (actor.role === 'admin') return this.withUserCounts();
    return actor.unitId ? this.withUserCounts(actor.unitId) : [];
  }

  async create(actor: Actor, body: CreateUnitRequest): Promise<UnitView> {
    return this.units.transaction(async (m) => {
      await this.assertUnique(body, undefined, m);
      const unit = await this.units.insert(body, m);
      await this.audit.record(
        { actorId: actor.id, action: 'unit.create', entityType: 'unit', entityId: unit.id, after: body },
        m,
      );
      return { id: unit.id, name: unit.name, code: unit.code, userCount: 0 };
    });
  }

  async update(actor: Actor, id: string, body: UpdateUnitRequest): Promise<UnitView> {
    await this.units.transaction(async (m) => {
      const unit = await this.units.findForUpdate(id, m);
      if (!unit) throw notFound('Unit');
      await this.assertUnique(body, id, m);
      const before = { name: unit.name, code: unit.code };
      Object.assign(unit, body);
      await this.units.save(unit, m);
      const after = { name: unit.name, code: unit.code };
      await this.audit.record(
        { actorId: actor.id, action: 'unit.update', entityType: 'unit', entityId: id, before, after },
        m,
      );
    });
    return this.view(id);
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await this.units.transaction(async (m) => {
      const unit = await this.units.findById(id, m);
      if (!unit) throw notFound('Unit');
      const all = { activeOnly: false };
      const users = (await this.members.count('users', [id], all, m)).get(id) ?? 0;
      const cohorts = (await this.members.count('cohorts', [id], all, m)).get(id) ?? 0;
      if (users || cohorts)
        throw new DomainError(
          'conflict',
          `Unit still has ${users} user(s) and ${cohorts} cohort(s); move or remove them first`,
        );
      await this.units.delete(id, m);
      const before = { name: unit.name, code: unit.code };
      await this.audit.record(
        { actorId: actor.id, action: 'unit.delete', entityType: 'unit', entityId: id, before },
        m,
      );
    });
  }

  /** Whether the unit exists (pass the caller's manager to read inside its transaction). */
  exists(id: string, m?: EntityManager): Promise<boolean> {
    return this.units.exists(id, m);
  }

  /** Every unit, for matching a unit named by code or name (the trainee CSV import). */
  async all(m?: EntityManager): Promise<UnitSummary[]> {
    return (await this.units.findAll(m)).map(({ id, name, code }) => ({ id, name, code }));
  }

  /** The units with these ids, by id, in order of name. */
  async byIds(ids: string[], m?: EntityManager): Promise<Map<string, UnitSummary>> {
    const units = await this.units.findByIds([...new Set(ids)], m);
    return new Map(units.map(({ id, name, code }) => [id, { id, name, code }]));
  }

  /** All units (or the one with this id) with the number of active users in each. */
  private async withUserCounts(id?: string): Promise<UnitView[]> {
    const units = await this.units.list(id);
    const counts = await this.members.count(
      'users',
      units.map((unit) => unit.id),
      { activeOnly: true },
    );
    return units.map(({ id: unitId, name, code }) => ({ id: unitId, name, code, userCount: counts.get(unitId) ?? 0 }));
  }

  private async view(id: string): Promise<UnitView> {
    const [unit] = await this.withUserCounts(id);
    if (!unit) throw notFound('Unit');
    return unit;
  }

  private async assertUnique(body: UpdateUnitRequest, exceptId: string | undefined, m: EntityManager) {
    for (const key of ['name', 'code'] as const) {
      if (!body[key]) continue;
      const clash = await this.units.findByField(key, body[key], m);
      if (clash && clash.id !== exceptId)
        throw new DomainError('conflict', `A unit with ${key} "${body[key]}" already exists`);
    }
  }
}

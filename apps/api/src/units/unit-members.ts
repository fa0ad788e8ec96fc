// What belongs to each unit, told by the features that keep it: users and cohorts point at their unit and sit above
// the units feature, so they register a source at start-up and units never reads their tables.
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export type UnitMemberKind = 'users' | 'cohorts';

export interface UnitMembersSource {
  /** How many of the source's records belong to each of these units (`activeOnly`: only those in use). */
  countByUnit(unitIds: string[], options: { activeOnly: boolean }, m?: EntityManager): Promise<Map<string, number>>;
}

@Injectable()
export class UnitMembers {
  private readonly sources = new Map<UnitMemberKind, UnitMembersSource>();

  register(kind: UnitMemberKind, source: UnitMembersSource): void {
    this.sources.set(kind, source);
  }

  /** Counts by unit id; a unit with none is absent, and so is every unit while no source of that kind is loaded. */
  async count(
    kind: UnitMemberKind,
    unitIds: string[],
    options: { activeOnly: boolean },
    m?: EntityManager,
  ): Promise<Map<string, number>> {
    const source = this.sources.get(kind);
    if (!source || !unitIds.length) return new Map();
    return source.countByUnit(unitIds, options, m);
  }
}

// Tells the units feature how many cohorts each unit has (a unit with cohorts cannot be deleted).
import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { UnitMembers, type UnitMembersSource } from '../units';
import { CohortsRepository } from './cohorts.repository';

@Injectable()
export class CohortUnitMembers implements UnitMembersSource, OnModuleInit {
  constructor(
    private readonly members: UnitMembers,
    private readonly cohorts: CohortsRepository,
  ) {}

  onModuleInit(): void {
    this.members.register('cohorts', this);
  }

  countByUnit(unitIds: string[], _options: { activeOnly: boolean }, m?: EntityManager): Promise<Map<string, number>> {
    return this.cohorts.countByUnit(unitIds, m);
  }
}

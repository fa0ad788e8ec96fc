// Tells the units feature how many users each unit has (the unit list shows active users; a unit with users
// cannot be deleted).
import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { UnitMembers, type UnitMembersSource } from '../units';
import { UsersRepository } from './users.repository';

@Injectable()
export class UserUnitMembers implements UnitMembersSource, OnModuleInit {
  constructor(
    private readonly members: UnitMembers,
    private readonly users: UsersRepository,
  ) {}

  onModuleInit(): void {
    this.members.register('users', this);
  }

  countByUnit(unitIds: string[], options: { activeOnly: boolean }, m?: EntityManager): Promise<Map<string, number>> {
    return this.users.countByUnit(unitIds, options.activeOnly, m);
  }
}

// Tells the audit trail the display names of the users who made changes.
import { Injectable, OnModuleInit } from '@nestjs/common';
import { AuditActorNames, type AuditActorNamesSource } from '../audit';
import { UsersRepository } from './users.repository';

@Injectable()
export class UserNamesForAudit implements AuditActorNamesSource, OnModuleInit {
  constructor(
    private readonly names: AuditActorNames,
    private readonly users: UsersRepository,
  ) {}

  onModuleInit(): void {
    this.names.register(this);
  }

  async displayNames(userIds: string[]): Promise<Map<string, string>> {
    const users = await this.users.findMany(userIds);
    return new Map(users.map((user) => [user.id, user.displayName]));
  }
}

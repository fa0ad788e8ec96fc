// Append-only audit trail. Call record() with the transaction's EntityManager so the entry commits with the change.
import type { AuditEntryView, AuditQuery } from '@firstline/contracts';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { currentRequestId } from '../common/logging/request-context';
import { AuditActorNames } from './audit-actor-names';
import { AuditRepository } from './audit.repository';

export interface AuditRecord {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

export interface AuditPage {
  items: AuditEntryView[];
  total: number;
  limit: number;
  offset: number;
}

@Injectable()
export class AuditService {
  constructor(
    private readonly entries: AuditRepository,
    private readonly actorNames: AuditActorNames,
  ) {}

  async record(entry: AuditRecord, manager?: EntityManager): Promise<void> {
    await this.entries.insert(
      {
        actorId: entry.actorId,
        action: entry.action,
        entityType: entry.entityType,
        entityId: entry.entityId,
        before: entry.before ?? null,
        after: entry.after ?? null,
        requestId: currentRequestId(),
      },
      manager,
    );
  }

  async list(query: AuditQuery): Promise<AuditPage> {
    const filter = { entityType: query.entityType, entityId: query.entityId };
    const total = await this.entries.count(filter);
    const rows = await this.entries.page(filter, query.limit, query.offset);
    const names = await this.actorNames.of(rows.flatMap((row) => (row.actorId ? [row.actorId] : [])));
    return {
      items: rows.map((row) => ({
        ...row,
        actorName: row.actorId ? (names.get(row.actorId) ?? null) : null,
        at: new Date(row.at).toISOString(),
      })),
      total,
      limit: query.limit,
      offset: query.offset,
    };
  }
}

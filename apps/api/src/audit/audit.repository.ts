// The audit feature's data layer: appending to and reading the audit_log table.
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { AuditEntry } from './audit-entry.entity';

export interface NewAuditEntry {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  requestId: string | null;
}

export interface AuditFilter {
  entityType?: string;
  entityId?: string;
}

/** An audit entry as stored. */
export type AuditRow = Omit<NewAuditEntry, 'requestId'> & { id: string; at: Date };

@Injectable()
export class AuditRepository {
  constructor(@InjectRepository(AuditEntry) private readonly entries: Repository<AuditEntry>) {}

  async insert(entry: NewAuditEntry, m?: EntityManager): Promise<void> {
    const repo = m ? m.getRepository(AuditEntry) : this.entries;
    await repo.insert({ ...entry, before: entry.before as object, after: entry.after as object });
  }

  async count(filter: AuditFilter): Promise<number> {
    const { clause, params } = where(filter);
    const [{ total }]: Array<{ total: number }> = await this.entries.query(
      `SELECT count(*)::int AS total FROM audit_log a ${clause}`,
      params,
    );
    return total;
  }

  /** A page of entries, newest first. */
  async page(filter: AuditFilter, limit: number, offset: number): Promise<AuditRow[]> {
    const { clause, params } = where(filter);
    const rows: Array<{
      id: string;
      at: Date;
      actor_id: string | null;
      action: string;
      entity_type: string;
      entity_id: string;
      before: unknown;
      after: unknown;
    }> = await this.entries.query(
      `SELECT a.id::text, a.at, a.actor_id, a.action, a.entity_type, a.entity_id, a.before, a.after
         FROM audit_log a ${clause}
        ORDER BY a.at DESC, a.id DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, limit, offset],
    );
    return rows.map((row) => ({
      id: row.id,
      at: row.at,
      actorId: row.actor_id,
      action: row.action,
      entityType: row.entity_type,
      entityId: row.entity_id,
      before: row.before,
      after: row.after,
    }));
  }
}

function where(filter: AuditFilter): { clause: string; params: string[] } {
  const conditions: string[] = [];
  const params: string[] = [];
  if (filter.entityType) conditions.push(`a.entity_type = $${params.push(filter.entityType)}`);
  if (filter.entityId) conditions.push(`a.entity_id = $${params.push(filter.entityId)}`);
  return { clause: conditions.length ? `WHERE ${conditions.join(' AND ')}` : '', params };
}

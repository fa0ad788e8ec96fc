// Append-only audit trail. Call record() with the transaction's EntityManager so the entry commits with the change.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { currentRequestId } from '../common/request-context';
import { AuditEntry } from './audit-entry.entity';

export interface AuditRecord {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async record(entry: AuditRecord, manager: EntityManager = this.db.manager): Promise<void> {
    await manager.insert(AuditEntry, {
      actorId: entry.actorId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: (entry.before ?? null) as object,
      after: (entry.after ?? null) as object,
      requestId: currentRequestId(),
    });
  }

  async list(q: { limit: number; offset: number; entityType?: string; entityId?: string }) {
    const where: string[] = [];
    const params: unknown[] = [];
    if (q.entityType) where.push(`a.entity_type = $${params.push(q.entityType)}`);
    if (q.entityId) where.push(`a.entity_id = $${params.push(q.entityId)}`);
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total FROM audit_log a ${clause}`, params);
    const rows: Array<Record<string, unknown>> = await this.db.query(
      `SELECT a.id::text, a.at, a.actor_id, u.display_name AS actor_name, a.action, a.entity_type, a.entity_id, a.before, a.after
         FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id ${clause}
        ORDER BY a.at DESC, a.id DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, q.limit, q.offset],
    );
    return {
      items: rows.map((r) => ({
        id: String(r.id),
        at: new Date(r.at as string).toISOString(),
        actorId: (r.actor_id as string) ?? null,
        actorName: (r.actor_name as string) ?? null,
        action: String(r.action),
        entityType: String(r.entity_type),
        entityId: String(r.entity_id),
        before: r.before,
        after: r.after,
      })),
      total,
      limit: q.limit,
      offset: q.offset,
    };
  }
}

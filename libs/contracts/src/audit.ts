import { z } from 'zod';
import { ListQuery } from './organisation';

/** One audit-log entry: who changed what, when, with the state before and after. */
export const AuditEntryView = z.object({
  id: z.string(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});
export type AuditEntryView = z.infer<typeof AuditEntryView>;

export const AuditQuery = ListQuery.omit({ q: true }).extend({
  entityType: z.string().max(40).optional(),
  entityId: z.string().max(80).optional(),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

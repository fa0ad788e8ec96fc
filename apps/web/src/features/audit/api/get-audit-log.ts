// The audit log. libs/contracts has no schema for its entries yet, so the shape the API documents is kept here.
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';

export const AuditEntry = z.object({
  id: z.string(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;
const AuditPage = z.object({ items: z.array(AuditEntry), total: z.number(), limit: z.number(), offset: z.number() });

export const getAuditLog = (page: { limit: number; offset: number }) =>
  api.get('/audit', { params: page, schema: AuditPage });

export const getAuditLogQueryOptions = (page: { limit: number; offset: number }) =>
  queryOptions({ queryKey: ['audit', page], queryFn: () => getAuditLog(page), placeholderData: keepPreviousData });

export const useAuditLog = (page: { limit: number; offset: number }) => useQuery(getAuditLogQueryOptions(page));

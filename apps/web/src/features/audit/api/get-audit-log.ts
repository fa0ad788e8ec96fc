// The audit log (admin).
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, contract } from '@/lib/api-client';

export type { AuditEntryView as AuditEntry } from '@firstline/contracts';

export const getAuditLog = (page: { limit: number; offset: number }) =>
  api.get('/audit', { params: page, schema: contract((c) => c.Page(c.AuditEntryView)) });

export const getAuditLogQueryOptions = (page: { limit: number; offset: number }) =>
  queryOptions({ queryKey: ['audit', page], queryFn: () => getAuditLog(page), placeholderData: keepPreviousData });

export const useAuditLog = (page: { limit: number; offset: number }) => useQuery(getAuditLogQueryOptions(page));

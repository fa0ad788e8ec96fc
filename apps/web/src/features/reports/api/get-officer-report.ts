// One officer: figures, breakdown per dimension, weak spots, weeks and attempts (GET /reports/officers/:userId).
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, contract } from '@/lib/api-client';
import { filterParams, type ReportFilters } from '../lib/report-filters';
import { reportsQueryKey } from './get-cohort-officers';

export const getOfficerReport = (userId: string, filters: ReportFilters) =>
  api.get(`/reports/officers/${encodeURIComponent(userId)}`, {
    params: filterParams(filters),
    schema: contract((c) => c.OfficerReport),
  });

export const getOfficerReportQueryOptions = (userId: string, filters: ReportFilters) =>
  queryOptions({
    queryKey: [...reportsQueryKey, 'officer', userId, filters],
    queryFn: () => getOfficerReport(userId, filters),
  });

export const useOfficerReport = (userId: string, filters: ReportFilters | null) =>
  useQuery({
    ...getOfficerReportQueryOptions(userId, filters ?? {}),
    enabled: filters !== null,
    placeholderData: keepPreviousData,
  });

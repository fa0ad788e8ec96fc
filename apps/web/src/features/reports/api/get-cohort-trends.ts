// Weekly cohort figures, with one officer's weeks beside them (GET /reports/cohorts/:cohortId/trends?userId).
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, contract } from '@/lib/api-client';
import { filterParams, type ReportFilters } from '../lib/report-filters';
import { reportsQueryKey } from './get-cohort-officers';

export const getCohortTrends = (cohortId: string, userId: string | null, filters: ReportFilters) =>
  api.get(`/reports/cohorts/${encodeURIComponent(cohortId)}/trends`, {
    params: { ...filterParams(filters), userId },
    schema: contract((c) => c.TrendsReport),
  });

export const getCohortTrendsQueryOptions = (cohortId: string, userId: string | null, filters: ReportFilters) =>
  queryOptions({
    queryKey: [...reportsQueryKey, 'cohort', cohortId, 'trends', userId, filters],
    queryFn: () => getCohortTrends(cohortId, userId, filters),
  });

export const useCohortTrends = (cohortId: string, userId: string | null, filters: ReportFilters | null) =>
  useQuery({
    ...getCohortTrendsQueryOptions(cohortId, userId, filters ?? {}),
    enabled: filters !== null,
    placeholderData: keepPreviousData,
  });

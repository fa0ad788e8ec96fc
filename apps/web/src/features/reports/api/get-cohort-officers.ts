// A cohort's officers with their decision figures (GET /reports/cohorts/:cohortId/officers).
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, contract } from '@/lib/api-client';
import { filterParams, type ReportFilters } from '../lib/report-filters';

export const reportsQueryKey = ['reports'] as const;

export const getCohortOfficers = (cohortId: string, filters: ReportFilters) =>
  api.get(`/reports/cohorts/${encodeURIComponent(cohortId)}/officers`, {
    params: filterParams(filters),
    schema: contract((c) => c.CohortOfficersReport),
  });

export const getCohortOfficersQueryOptions = (cohortId: string, filters: ReportFilters) =>
  queryOptions({
    queryKey: [...reportsQueryKey, 'cohort', cohortId, 'officers', filters],
    queryFn: () => getCohortOfficers(cohortId, filters),
  });

/** `filters` null: inconsistent filters, nothing is asked until they are fixed. */
export const useCohortOfficers = (cohortId: string, filters: ReportFilters | null) =>
  useQuery({
    ...getCohortOfficersQueryOptions(cohortId, filters ?? {}),
    enabled: filters !== null,
    placeholderData: keepPreviousData,
  });

// A unit's cohorts side by side and its readiness lists (GET /reports/units/:unitId).
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, contract } from '@/lib/api-client';
import { filterParams, type ReportFilters } from '../lib/report-filters';
import { reportsQueryKey } from './get-cohort-officers';

export const getUnitReport = (unitId: string, filters: ReportFilters) =>
  api.get(`/reports/units/${encodeURIComponent(unitId)}`, {
    params: filterParams(filters),
    schema: contract((c) => c.UnitReport),
  });

export const getUnitReportQueryOptions = (unitId: string, filters: ReportFilters) =>
  queryOptions({
    queryKey: [...reportsQueryKey, 'unit', unitId, filters],
    queryFn: () => getUnitReport(unitId, filters),
  });

export const useUnitReport = (unitId: string, filters: ReportFilters | null) =>
  useQuery({
    ...getUnitReportQueryOptions(unitId, filters ?? {}),
    enabled: filters !== null,
    placeholderData: keepPreviousData,
  });

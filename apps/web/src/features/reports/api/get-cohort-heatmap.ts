// Proportion correct per officer × dimension value (GET /reports/cohorts/:cohortId/heatmap?by=…).
import type { HeatmapDimension } from '@firstline/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, contract } from '@/lib/api-client';
import { filterParams, type ReportFilters } from '../lib/report-filters';
import { reportsQueryKey } from './get-cohort-officers';

export const getCohortHeatmap = (cohortId: string, by: HeatmapDimension, filters: ReportFilters) =>
  api.get(`/reports/cohorts/${encodeURIComponent(cohortId)}/heatmap`, {
    params: { ...filterParams(filters), by },
    schema: contract((c) => c.HeatmapReport),
  });

export const getCohortHeatmapQueryOptions = (cohortId: string, by: HeatmapDimension, filters: ReportFilters) =>
  queryOptions({
    queryKey: [...reportsQueryKey, 'cohort', cohortId, 'heatmap', by, filters],
    queryFn: () => getCohortHeatmap(cohortId, by, filters),
  });

export const useCohortHeatmap = (cohortId: string, by: HeatmapDimension, filters: ReportFilters | null) =>
  useQuery({
    ...getCohortHeatmapQueryOptions(cohortId, by, filters ?? {}),
    enabled: filters !== null,
    placeholderData: keepPreviousData,
  });

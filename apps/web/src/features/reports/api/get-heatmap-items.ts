// The decided items behind one heatmap cell (GET /reports/cohorts/:cohortId/heatmap/items?by&key&userId).
import type { HeatmapDimension } from '@firstline/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, contract } from '@/lib/api-client';
import { filterParams, type ReportFilters } from '../lib/report-filters';
import { reportsQueryKey } from './get-cohort-officers';

/** One cell: a dimension value, for one officer or (userId undefined) the whole cohort. */
export interface HeatmapCellRef {
  by: HeatmapDimension;
  key: string;
  userId?: string;
}

export const getHeatmapItems = (cohortId: string, cell: HeatmapCellRef, filters: ReportFilters) =>
  api.get(`/reports/cohorts/${encodeURIComponent(cohortId)}/heatmap/items`, {
    params: { ...filterParams(filters), by: cell.by, key: cell.key, userId: cell.userId },
    schema: contract((c) => c.HeatmapItems),
  });

export const getHeatmapItemsQueryOptions = (cohortId: string, cell: HeatmapCellRef, filters: ReportFilters) =>
  queryOptions({
    queryKey: [...reportsQueryKey, 'cohort', cohortId, 'heatmap-items', cell, filters],
    queryFn: () => getHeatmapItems(cohortId, cell, filters),
  });

export const useHeatmapItems = (cohortId: string, cell: HeatmapCellRef | null, filters: ReportFilters) =>
  useQuery({
    ...getHeatmapItemsQueryOptions(cohortId, cell ?? { by: 'featureCategory', key: '' }, filters),
    enabled: cell !== null,
  });

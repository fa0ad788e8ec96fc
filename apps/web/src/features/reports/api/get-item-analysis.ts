// A module version's item analysis (GET /reports/modules/:moduleId/item-analysis?version). While the API
// recalculates it in the background, the query polls until the recalculation is done (a new `calculatedAt`).
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, contract } from '@/lib/api-client';
import { reportsQueryKey } from './get-cohort-officers';

/** How often a recalculation is looked in on. */
const POLL_MS = 1500;

export const itemAnalysisQueryKey = (moduleId: string) => [...reportsQueryKey, 'item-analysis', moduleId] as const;

export const getItemAnalysis = (moduleId: string, version?: number) =>
  api.get(`/reports/modules/${encodeURIComponent(moduleId)}/item-analysis`, {
    params: { version },
    schema: contract((c) => c.ItemAnalysis),
  });

export const getItemAnalysisQueryOptions = (moduleId: string, version?: number) =>
  queryOptions({
    queryKey: [...itemAnalysisQueryKey(moduleId), version ?? 'latest'],
    queryFn: () => getItemAnalysis(moduleId, version),
  });

export const useItemAnalysis = (moduleId: string, version?: number) =>
  useQuery({
    ...getItemAnalysisQueryOptions(moduleId, version),
    placeholderData: keepPreviousData,
    refetchInterval: (query) => (query.state.data?.recalculating ? POLL_MS : false),
  });

// What officers answered on one item of a module version's pool
// (GET /reports/modules/:moduleId/item-analysis/items/:exerciseVersionId/responses?version).
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, contract } from '@/lib/api-client';
import { itemAnalysisQueryKey } from './get-item-analysis';

export const getItemResponses = (moduleId: string, exerciseVersionId: string, version?: number) =>
  api.get(
    `/reports/modules/${encodeURIComponent(moduleId)}/item-analysis/items/${encodeURIComponent(exerciseVersionId)}/responses`,
    { params: { version }, schema: contract((c) => c.ItemResponses) },
  );

export const getItemResponsesQueryOptions = (moduleId: string, exerciseVersionId: string, version?: number) =>
  queryOptions({
    queryKey: [...itemAnalysisQueryKey(moduleId), version ?? 'latest', 'responses', exerciseVersionId],
    queryFn: () => getItemResponses(moduleId, exerciseVersionId, version),
  });

export const useItemResponses = (moduleId: string, exerciseVersionId: string, version?: number) =>
  useQuery(getItemResponsesQueryOptions(moduleId, exerciseVersionId, version));

// Which fraud type officers took for which, across a module version's pool
// (GET /reports/modules/:moduleId/item-analysis/confusion?version).
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, contract } from '@/lib/api-client';
import { itemAnalysisQueryKey } from './get-item-analysis';

export const getFraudConfusion = (moduleId: string, version?: number) =>
  api.get(`/reports/modules/${encodeURIComponent(moduleId)}/item-analysis/confusion`, {
    params: { version },
    schema: contract((c) => c.FraudTypeConfusion),
  });

export const getFraudConfusionQueryOptions = (moduleId: string, version?: number) =>
  queryOptions({
    queryKey: [...itemAnalysisQueryKey(moduleId), version ?? 'latest', 'confusion'],
    queryFn: () => getFraudConfusion(moduleId, version),
  });

export const useFraudConfusion = (moduleId: string, version?: number) =>
  useQuery(getFraudConfusionQueryOptions(moduleId, version));

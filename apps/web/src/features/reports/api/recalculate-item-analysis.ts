// Asks the API to recalculate a module version's item analysis in the background (202); the screen then polls
// the analysis until its `calculatedAt` moves on.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, contract } from '@/lib/api-client';
import { itemAnalysisQueryKey } from './get-item-analysis';

export const recalculateItemAnalysis = (moduleId: string, version?: number) =>
  api.post(`/reports/modules/${encodeURIComponent(moduleId)}/item-analysis/recalculate`, undefined, {
    params: { version },
    schema: contract((c) => c.RecalculationAccepted),
  });

export function useRecalculateItemAnalysis(moduleId: string, version?: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => recalculateItemAnalysis(moduleId, version),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: itemAnalysisQueryKey(moduleId) }),
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, contract } from '@/lib/api-client';
import { cohortsQueryKey } from './get-cohorts';

export const addCohortMembers = ({ cohortId, userIds }: { cohortId: string; userIds: string[] }) =>
  api.post(`/cohorts/${encodeURIComponent(cohortId)}/members`, { userIds }, { schema: contract((c) => c.CohortView) });

export function useAddCohortMembers() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: addCohortMembers,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: cohortsQueryKey }),
  });
}

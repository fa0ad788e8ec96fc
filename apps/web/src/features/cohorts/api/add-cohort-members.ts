import { CohortView } from '@firstline/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { cohortsQueryKey } from './get-cohorts';

export const addCohortMembers = ({ cohortId, userIds }: { cohortId: string; userIds: string[] }) =>
  api.post(`/cohorts/${encodeURIComponent(cohortId)}/members`, { userIds }, { schema: import.meta.env.DEV ? CohortView : undefined });

export function useAddCohortMembers() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: addCohortMembers,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: cohortsQueryKey }),
  });
}

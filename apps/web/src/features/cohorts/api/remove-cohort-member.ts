import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { cohortsQueryKey } from './get-cohorts';

export const removeCohortMember = ({ cohortId, userId }: { cohortId: string; userId: string }) =>
  api.delete(`/cohorts/${encodeURIComponent(cohortId)}/members/${encodeURIComponent(userId)}`);

export function useRemoveCohortMember() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: removeCohortMember,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: cohortsQueryKey }),
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { cohortsQueryKey } from './get-cohorts';

export const deleteCohort = (id: string) => api.delete(`/cohorts/${encodeURIComponent(id)}`);

export function useDeleteCohort() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteCohort,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: cohortsQueryKey }),
  });
}

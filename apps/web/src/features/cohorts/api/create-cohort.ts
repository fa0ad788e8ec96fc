import type { CreateCohortRequest } from '@firstline/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, contract } from '@/lib/api-client';
import { cohortsQueryKey } from './get-cohorts';

export const createCohort = (body: CreateCohortRequest) =>
  api.post('/cohorts', body, { schema: contract((c) => c.CohortView) });

export function useCreateCohort() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createCohort,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: cohortsQueryKey }),
  });
}

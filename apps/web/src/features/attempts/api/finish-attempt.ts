// Ends an attempt (POST /attempts/:id/finish).
import type { AttemptView } from '@firstline/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, contract } from '@/lib/api-client';
import { attemptQueryKey } from './get-attempt';

export const finishAttempt = (attemptId: string): Promise<AttemptView> =>
  api.post(`/attempts/${encodeURIComponent(attemptId)}/finish`, undefined, { schema: contract((c) => c.AttemptView) });

export function useFinishAttempt() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: finishAttempt,
    onSuccess: (attempt) => {
      queryClient.setQueryData(attemptQueryKey(attempt.id), attempt);
      void queryClient.invalidateQueries({ queryKey: ['me'] });
    },
  });
}

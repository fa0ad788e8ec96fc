// Starts an attempt at an assignment, or resumes the one in progress (POST /attempts).
import type { AttemptView, StartAttemptRequest } from '@firstline/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, contract } from '@/lib/api-client';
import { attemptQueryKey } from './get-attempt';

export const startAttempt = (assignmentId: string): Promise<AttemptView> =>
  api.post('/attempts', { assignmentId } satisfies StartAttemptRequest, { schema: contract((c) => c.AttemptView) });

export function useStartAttempt() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: startAttempt,
    onSuccess: (attempt) => {
      queryClient.setQueryData(attemptQueryKey(attempt.id), attempt);
      void queryClient.invalidateQueries({ queryKey: ['me', 'assignments'] });
    },
  });
}

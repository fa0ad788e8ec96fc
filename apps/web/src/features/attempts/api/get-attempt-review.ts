// Results and item-by-item review of a finished attempt (GET /attempts/:id/review); 403/409 while the module's
// feedback policy does not allow it yet, which the results screen shows as "not available" rather than an error.
import type { AttemptReview } from '@firstline/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, contract } from '@/lib/api-client';
import { isStatus } from '@/lib/errors';

export async function getAttemptReview(attemptId: string): Promise<AttemptReview | null> {
  try {
    return await api.get(`/attempts/${encodeURIComponent(attemptId)}/review`, {
      schema: contract((c) => c.AttemptReview),
    });
  } catch (err) {
    if (isStatus(err, 403) || isStatus(err, 409)) return null;
    throw err;
  }
}

export const getAttemptReviewQueryOptions = (attemptId: string) =>
  queryOptions({ queryKey: ['attempts', attemptId, 'review'], queryFn: () => getAttemptReview(attemptId) });

export const useAttemptReview = (attemptId: string, enabled = true) =>
  useQuery({ ...getAttemptReviewQueryOptions(attemptId), enabled });

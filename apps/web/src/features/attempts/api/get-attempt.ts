// One attempt: its mode, item count and which items are answered (GET /attempts/:id).
import type { AttemptView } from '@firstline/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, contract } from '@/lib/api-client';

export const attemptQueryKey = (attemptId: string) => ['attempts', attemptId] as const;

export const attemptContract = contract((c) => c.AttemptView);

export const getAttempt = (attemptId: string): Promise<AttemptView> =>
  api.get(`/attempts/${encodeURIComponent(attemptId)}`, { schema: attemptContract });

export const getAttemptQueryOptions = (attemptId: string) =>
  queryOptions({ queryKey: attemptQueryKey(attemptId), queryFn: () => getAttempt(attemptId) });

export const useAttempt = (attemptId: string) => useQuery(getAttemptQueryOptions(attemptId));

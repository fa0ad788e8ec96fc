// One item of an attempt as the trainee sees it (GET /attempts/:id/items/:n). Fetching it starts its clock on
// the server, so it is never prefetched ahead of the trainee.
import type { ItemPresentation } from '@firstline/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, contract } from '@/lib/api-client';

export const itemContract = contract((c) => c.ItemPresentation);

export const getAttemptItem = (attemptId: string, n: number): Promise<ItemPresentation> =>
  api.get(`/attempts/${encodeURIComponent(attemptId)}/items/${n}`, { schema: itemContract });

export const getAttemptItemQueryOptions = (attemptId: string, n: number) =>
  queryOptions({
    queryKey: ['attempts', attemptId, 'items', n],
    queryFn: () => getAttemptItem(attemptId, n),
    // serverNow is read once, when the item arrives; refetching would only move the clock correction around.
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });

export const useAttemptItem = (attemptId: string, n: number, enabled = true) =>
  useQuery({ ...getAttemptItemQueryOptions(attemptId, n), enabled });

// The attempt and open item that boot.ts fetched while the app's code downloaded, checked against their contracts
// like any response, and put where the player looks for them: the query cache, stamped with when they arrived
// (the item's clock correction reads that time).
import type { QueryClient } from '@tanstack/react-query';
import { checkResponse } from '@/lib/api-client';
import { attemptContract, getAttemptQueryOptions } from './get-attempt';
import { getAttemptItemQueryOptions, itemContract } from './get-attempt-item';

export async function adoptEarlyPlayer(queryClient: QueryClient): Promise<void> {
  const early = await window.__firstlineBoot?.player;
  if (!early) return;
  const { attemptId, attempt, item } = early;
  if (attempt) {
    const data = await checkResponse(attemptContract, attempt.data, `GET /attempts/${attemptId}`);
    queryClient.setQueryData(getAttemptQueryOptions(attemptId).queryKey, data, { updatedAt: attempt.at });
  }
  if (item) {
    const data = await checkResponse(itemContract, item.data, `GET /attempts/${attemptId}/items/${item.data.n}`);
    queryClient.setQueryData(getAttemptItemQueryOptions(attemptId, data.n).queryKey, data, { updatedAt: item.at });
  }
}

// The attempt and open item that boot.ts fetched while the app's code downloaded, put where the player looks
// for them: the query cache, stamped with when they arrived (the item's clock correction reads that time).
import type { QueryClient } from '@tanstack/react-query';
import { getAttemptQueryOptions } from './get-attempt';
import { getAttemptItemQueryOptions } from './get-attempt-item';

export async function adoptEarlyPlayer(queryClient: QueryClient): Promise<void> {
  const early = await window.__firstlineBoot?.player;
  if (!early) return;
  const { attemptId, attempt, item } = early;
  if (attempt) queryClient.setQueryData(getAttemptQueryOptions(attemptId).queryKey, attempt.data, { updatedAt: attempt.at });
  if (item) queryClient.setQueryData(getAttemptItemQueryOptions(attemptId, item.data.n).queryKey, item.data, { updatedAt: item.at });
}

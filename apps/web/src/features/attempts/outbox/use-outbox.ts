import { useSyncExternalStore } from 'react';
import { useUser } from '@/lib/auth';
import { outboxFor } from './outbox-sync';

/** The signed-in trainee's outbox and its state (waiting answers, online). */
export function useOutbox() {
  const user = useUser();
  const sync = outboxFor(user.id);
  const snapshot = useSyncExternalStore(sync.subscribe, sync.getSnapshot);
  return { sync, ...snapshot };
}

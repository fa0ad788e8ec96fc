// Fetches one item (once the answer before it has arrived) and shows it, or why it cannot be shown yet.
import type { AttemptView } from '@firstline/contracts';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingBlock, QueryError } from '@/components/ui';
import { useAttemptItem } from '../api/get-attempt-item';
import { ItemScreen } from './item-screen';

export function ItemStage({
  attempt,
  n,
  held,
  online,
  onGiven,
  onNext,
}: {
  attempt: AttemptView;
  n: number;
  /** An earlier answer is still being sent: the item is asked for once it has arrived. */
  held: boolean;
  online: boolean;
  onGiven: (n: number) => void;
  onNext: () => void;
}) {
  const { t } = useTranslation();
  const item = useAttemptItem(attempt.id, n, !held);
  const locked = item.data?.locked;
  useEffect(() => {
    // Answered on the server already (e.g. sent from the outbox before a reload): nothing to do here.
    if (locked) {
      onGiven(n);
      onNext();
    }
  }, [locked, n, onGiven, onNext]);
  if (item.isPending && (item.fetchStatus === 'paused' || (held && !online))) {
    // Offline: the query resumes by itself when the connection returns.
    return <LoadingBlock label={t('player.waitingForNetwork', { n })} />;
  }
  if (item.isPending) return <LoadingBlock label={t('player.loadingItem', { n })} />;
  if (item.isError) return <QueryError error={item.error} onRetry={() => item.refetch()} />;
  if (item.data.locked) return <LoadingBlock />;
  return (
    <ItemScreen attempt={attempt} item={item.data} receivedAt={item.dataUpdatedAt} onGiven={onGiven} onNext={onNext} />
  );
}

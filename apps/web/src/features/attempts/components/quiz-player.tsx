// The quiz player: one item at a time, a document on the desk and seconds to decide. Final answers go to the
// outbox and the player moves on at once; the outbox sends them when it can.
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { Banner, LoadingBlock, QueryError } from '@/components/ui';
import { paths } from '@/config/paths';
import { describeError } from '@/lib/errors';
import { useAttempt } from '../api/get-attempt';
import { nextOpenItem } from '../lib/next-open-item';
import { useOutbox } from '../outbox/use-outbox';
import { FinishPanel } from './finish-panel';
import { ItemStage } from './item-stage';
import { OfflineBanner } from './offline-banner';

export function QuizPlayer({ attemptId }: { attemptId: string }) {
  const { t } = useTranslation();
  const attempt = useAttempt(attemptId);
  const outbox = useOutbox();
  const [given, setGiven] = useState<Set<number>>(() => new Set());
  const [current, setCurrent] = useState<number | null | undefined>(undefined);
  const [rejected, setRejected] = useState<string[]>([]);

  const waiting = outbox.pending.filter((e) => e.attemptId === attemptId);
  const queuedFinals = useMemo(
    () => new Set(outbox.pending.filter((e) => e.attemptId === attemptId && e.body.final).map((e) => e.n)),
    [outbox.pending, attemptId],
  );

  // Where to start (or resume): after what the server has and what still waits in the outbox.
  useEffect(() => {
    if (current !== undefined || !attempt.data || !outbox.ready) return;
    setCurrent(nextOpenItem(attempt.data, new Set([...given, ...queuedFinals]), attempt.data.currentItem));
  }, [attempt.data, outbox.ready, current, given, queuedFinals]);

  useEffect(
    () =>
      outbox.sync.onEvent((e) => {
        if (e.type === 'rejected' && e.entry.attemptId === attemptId) {
          setRejected((r) => [...r, t('player.rejected', { n: e.entry.n, reason: describeError(t, e.error) })]);
        }
      }),
    [outbox.sync, attemptId, t],
  );

  if (attempt.isPending || (attempt.data && current === undefined)) return <LoadingBlock />;
  if (attempt.isError)
    return (
      // Answers given before the connection dropped are safe on this device: say so next to the error.
      <div className="fl-player">
        <OfflineBanner online={outbox.online} waiting={waiting.length} />
        <QueryError error={attempt.error} onRetry={() => attempt.refetch()} />
      </div>
    );
  const attemptView = attempt.data;
  if (attemptView.status === 'finished') return <Navigate to={paths.app.results.getHref(attemptView.id)} replace />;

  const markGiven = (n: number) => setGiven((g) => new Set(g).add(n));
  // The server serves an item only once the one before it is answered: while an earlier final answer is still on
  // its way (a slow line, images filling the connections), the next item waits for it instead of failing.
  const held = !!current && [...queuedFinals].some((q) => q < current);
  const advance = (after: number) =>
    setCurrent(nextOpenItem(attemptView, new Set([...given, ...queuedFinals, after]), after + 1));

  return (
    <div className="fl-player">
      <OfflineBanner online={outbox.online} waiting={waiting.length} />
      {rejected.map((message, i) => (
        <Banner key={i} tone="danger">
          {message}
        </Banner>
      ))}
      {current ? (
        <ItemStage
          key={current}
          attempt={attemptView}
          n={current}
          held={held}
          online={outbox.online}
          onGiven={markGiven}
          onNext={() => advance(current)}
        />
      ) : (
        <FinishPanel attempt={attemptView} waiting={waiting.length} />
      )}
    </div>
  );
}

// The end of an attempt: every item answered; Finish once the outbox has sent them all.
import type { AttemptView } from '@firstline/contracts';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Banner, Button } from '@/components/ui';
import { paths } from '@/config/paths';
import { describeError } from '@/lib/errors';
import { useFinishAttempt } from '../api/finish-attempt';

export function FinishPanel({ attempt, waiting }: { attempt: AttemptView; waiting: number }) {
  const { t } = useTranslation();
  const finish = useFinishAttempt();
  const navigate = useNavigate();
  const onFinish = () =>
    finish.mutate(attempt.id, { onSuccess: () => navigate(paths.app.results.getHref(attempt.id), { replace: true }) });
  return (
    <section className="fl-finish">
      <h1 dir="auto">{attempt.moduleTitle}</h1>
      <p>{t('player.allAnswered', { count: attempt.itemCount })}</p>
      {waiting > 0 && <p className="fl-finish__waiting">{t('player.finishWaiting', { count: waiting })}</p>}
      {finish.isError && <Banner tone="danger">{describeError(t, finish.error)}</Banner>}
      <Button
        size="lg"
        onClick={onFinish}
        disabled={waiting > 0}
        isLoading={finish.isPending}
        data-testid="finish-attempt"
      >
        {t('player.finish')}
      </Button>
    </section>
  );
}

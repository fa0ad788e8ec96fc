// After a practice item's answer is in: the truth for it (or why the API refused the answer), and Next.
import type { ItemPresentation } from '@firstline/contracts';
import { useTranslation } from 'react-i18next';
import { Banner, Button } from '@/components/ui';
import type { SubmittedAnswer } from '../hooks/use-final-answer';
import type { DecisionStage } from '../lib/answer-state';
import { FeedbackBody } from './feedback-panel';

export function PracticeFeedback({
  item,
  submitted,
  stage,
  onNext,
}: {
  item: Pick<ItemPresentation, 'n' | 'itemCount'>;
  submitted: SubmittedAnswer;
  stage: DecisionStage;
  onNext: () => void;
}) {
  const { t } = useTranslation();
  return (
    <section className="fl-feedback" aria-live="polite" data-testid="feedback">
      <h2 className="fl-decision__title">{t('feedback.title')}</h2>
      {submitted.error ? (
        <Banner tone="danger">{submitted.error}</Banner>
      ) : submitted.feedback ? (
        <FeedbackBody feedback={submitted.feedback} decision={stage === 'choose' ? null : stage} />
      ) : (
        <p className="fl-feedback__waiting">{t('feedback.waiting')}</p>
      )}
      <Button size="lg" onClick={onNext} data-testid="next-item" autoFocus>
        {item.n < item.itemCount ? t('player.nextItem') : t('player.toFinish')} <kbd>N</kbd>
      </Button>
    </section>
  );
}

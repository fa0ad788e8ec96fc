// The truth for one item, after the answer is locked: verdict, fraud type, the features that reveal it, the
// explanation. The regions are drawn on the document by the player, next to the trainee's own points.
import type { FirstLineDecision, ItemFeedback } from '@firstline/contracts';
import { useTranslation } from 'react-i18next';
import { Badge } from '@/components/ui';
import { fraudTypeKey } from '@/lib/taxonomy-keys';
import { revealingFeatures } from '../lib/revealing-features';

export function FeedbackBody({ feedback, decision }: { feedback: ItemFeedback; decision: FirstLineDecision | null }) {
  const { t } = useTranslation();
  const right = decision === feedback.correctDecision;
  const features = revealingFeatures(feedback);
  return (
    <div className="fl-feedback__body">
      <p
        className={`fl-feedback__verdict fl-feedback__verdict--${right ? 'right' : 'wrong'}`}
        data-testid="feedback-verdict"
      >
        {right ? t('feedback.right') : t('feedback.wrong')}
      </p>
      <dl className="fl-facts">
        <div>
          <dt>{t('feedback.verdict')}</dt>
          <dd>
            <Badge tone={feedback.verdict === 'genuine' ? 'green' : 'red'}>
              {t(`taxonomy.verdict.${feedback.verdict}`)}
            </Badge>
          </dd>
        </div>
        <div>
          <dt>{t('feedback.correctDecision')}</dt>
          <dd>{t(`taxonomy.decision.${feedback.correctDecision}`)}</dd>
        </div>
        <div>
          <dt>{t('feedback.yourDecision')}</dt>
          <dd>{decision ? t(`taxonomy.decision.${decision}`) : '—'}</dd>
        </div>
        {feedback.verdict !== 'genuine' && (
          <div>
            <dt>{t('feedback.fraudType')}</dt>
            <dd>{t(fraudTypeKey(feedback.fraudType))}</dd>
          </div>
        )}
        <div>
          <dt>{t('feedback.score')}</dt>
          <dd dir="ltr">{Math.round(feedback.score * 100)}%</dd>
        </div>
      </dl>
      {features.length > 0 && (
        <>
          <h3 className="fl-feedback__subtitle">{t('feedback.features')}</h3>
          <ul className="fl-feedback__features">
            {features.map((f) => (
              <li key={f}>{t(`taxonomy.feature.${f}`)}</li>
            ))}
          </ul>
        </>
      )}
      {feedback.mrzFailedChecks.length > 0 && (
        <>
          <h3 className="fl-feedback__subtitle">{t('feedback.mrz')}</h3>
          <ul className="fl-feedback__features">
            {feedback.mrzFailedChecks.map((c) => (
              <li key={c}>{t(`taxonomy.mrzCheck.${c}`)}</li>
            ))}
          </ul>
        </>
      )}
      <h3 className="fl-feedback__subtitle">{t('feedback.explanation')}</h3>
      <p className="fl-feedback__explanation" dir="auto">
        {feedback.explanation}
      </p>
      {feedback.regions.length > 0 && <p className="fl-feedback__legend">{t('feedback.legend')}</p>}
    </div>
  );
}

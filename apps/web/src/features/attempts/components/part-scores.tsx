// The score of an answer part by part, as the scoring engine weighed it: what the preview adds to a practice item's
// feedback, so an author sees where the points of an answer come from.
import type { ItemFeedback } from '@firstline/contracts';
import { useTranslation } from 'react-i18next';

export function PartScores({ parts }: { parts: ItemFeedback['parts'] }) {
  const { t } = useTranslation();
  if (!parts.length) return null;
  const total = parts.reduce((sum, p) => sum + p.weight, 0);
  return (
    <>
      <h3 className="fl-feedback__subtitle">{t('preview.partsTitle')}</h3>
      <dl className="fl-facts fl-part-scores" data-testid="part-scores">
        {parts.map((p) => (
          <div key={p.part}>
            <dt>{t(`preview.part.${p.part}`)}</dt>
            <dd>
              <span dir="ltr">{Math.round(p.score * 100)}%</span>
              {total > 0 && (
                <span className="fl-part-scores__weight">
                  {' · '}
                  {t('preview.weight')} <span dir="ltr">{Math.round((p.weight / total) * 100)}%</span>
                </span>
              )}
            </dd>
          </div>
        ))}
      </dl>
    </>
  );
}

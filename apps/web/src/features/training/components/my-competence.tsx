// My progress, the decisions part: how often the trainee let a forgery through and referred a genuine document,
// and where they are weakest. With fewer decisions than the reports need, it says the figures are not yet telling.
import type { MyCompetence } from '@firstline/contracts';
import { useTranslation } from 'react-i18next';
import { Banner } from '@/components/ui';
import { formatNumber, formatPercent } from '@/lib/format';
import { currentLanguage } from '@/lib/i18n';
import { dimensionValueLabel } from '@/lib/taxonomy-keys';

export function MyCompetenceSummary({ competence }: { competence: MyCompetence }) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const { figures, minDecisions, weakSpots } = competence;
  const num = (n: number) => formatNumber(n, lng);
  const tooFew = figures.decisions < minDecisions;
  return (
    <div className="fl-stack" data-testid="my-competence">
      {tooFew && (
        <Banner tone="info" title={t('progress.tooFewTitle')}>
          {t('progress.tooFewText', { count: figures.decisions, n: num(figures.decisions), min: num(minDecisions) })}
        </Banner>
      )}
      <dl className="fl-stats">
        <div className="fl-stat">
          <dt>{t('progress.decisions')}</dt>
          <dd dir="ltr">{num(figures.decisions)}</dd>
        </div>
        <div className="fl-stat fl-stat--bad">
          <dt>{t('progress.missedForgeryRate')}</dt>
          <dd dir="ltr">{formatPercent(figures.missedForgeryRate, lng)}</dd>
          <dd className="fl-stat__detail">
            {t('progress.missedOf', { n: num(figures.misses), total: num(figures.hits + figures.misses) })}
          </dd>
        </div>
        <div className="fl-stat fl-stat--warn">
          <dt>{t('progress.needlessReferralRate')}</dt>
          <dd dir="ltr">{formatPercent(figures.needlessReferralRate, lng)}</dd>
          <dd className="fl-stat__detail">
            {t('progress.referredOf', {
              n: num(figures.falseAlarms),
              total: num(figures.falseAlarms + figures.correctRejections),
            })}
          </dd>
        </div>
      </dl>
      <div>
        <h3 className="fl-subheading">{t('progress.weakSpotsTitle')}</h3>
        {weakSpots.length === 0 ? (
          <p className="fl-muted">{t('progress.noWeakSpots')}</p>
        ) : (
          <ol className="fl-weak-spots" data-testid="my-weak-spots">
            {weakSpots.map((s) => (
              <li key={`${s.by}:${s.cell.key}`}>
                <span className="fl-weak-spots__what">
                  <span className="fl-weak-spots__dimension">{t(`taxonomy.dimension.${s.by}`)}</span>
                  {dimensionValueLabel(t, s.by, s.cell.key)}
                </span>
                <span className="fl-weak-spots__figure">
                  {t('progress.weakSpotFigure', {
                    proportion: formatPercent(s.cell.proportion, lng),
                    correct: num(s.cell.correct),
                    items: num(s.cell.items),
                  })}
                </span>
              </li>
            ))}
          </ol>
        )}
      </div>
    </div>
  );
}

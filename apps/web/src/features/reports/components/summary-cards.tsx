// The four figures a cohort dashboard opens with: d′, missed-forgery rate, needless-referral rate, readiness.
import type { DecisionFigures } from '@firstline/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFigureFormat } from '../hooks/use-figure-format';
import type { CohortReadiness } from '../lib/readiness';

export function FigureCard({ label, value, detail }: { label: ReactNode; value: ReactNode; detail?: ReactNode }) {
  return (
    <div className="fl-stat fl-figure">
      <dt>{label}</dt>
      <dd>
        <span className="fl-figure__value" dir="ltr">
          {value}
        </span>
        {detail && <span className="fl-figure__detail">{detail}</span>}
      </dd>
    </div>
  );
}

export function CohortSummaryCards({
  figures,
  readiness,
  notStarted,
  overdue,
}: {
  figures: DecisionFigures;
  readiness: CohortReadiness | null;
  notStarted: number;
  overdue: number;
}) {
  const { t } = useTranslation();
  const f = useFigureFormat();
  const warnings = [
    ...(notStarted > 0 ? [t('reports.figures.notStarted', { n: f.num(notStarted) })] : []),
    ...(overdue > 0 ? [t('reports.figures.overdue', { n: f.num(overdue) })] : []),
  ];
  return (
    <dl className="fl-stats fl-figures" data-testid="summary-cards">
      <FigureCard
        label={t('reports.figures.cohortDPrime')}
        value={f.dec(figures.dPrime)}
        detail={t('reports.figures.decisions', { count: figures.decisions, n: f.num(figures.decisions) })}
      />
      <FigureCard
        label={t('reports.figures.missedForgeryRate')}
        value={f.pct(figures.missedForgeryRate)}
        detail={t('reports.figures.missedOf', {
          count: figures.misses,
          n: f.num(figures.misses),
          total: f.num(figures.hits + figures.misses),
        })}
      />
      <FigureCard
        label={t('reports.figures.needlessReferralRate')}
        value={f.pct(figures.needlessReferralRate)}
        detail={t('reports.figures.referredOf', {
          count: figures.falseAlarms,
          n: f.num(figures.falseAlarms),
          total: f.num(figures.falseAlarms + figures.correctRejections),
        })}
      />
      <FigureCard
        label={t('reports.figures.readiness')}
        value={readiness ? `${f.num(readiness.passed)} / ${f.num(readiness.officers)}` : '—'}
        detail={
          <>
            {readiness ? t('reports.figures.passedAssessment') : t('reports.figures.noAssessment')}
            {/* The title on a line of its own, isolated: a Latin title wrapped in an Urdu sentence reads jumbled. */}
            {readiness && <bdi className="fl-figure__title">{readiness.title}</bdi>}
            {warnings.length > 0 && <span className="fl-figure__warn fl-figure__line">{warnings.join(' · ')}</span>}
          </>
        }
      />
    </dl>
  );
}

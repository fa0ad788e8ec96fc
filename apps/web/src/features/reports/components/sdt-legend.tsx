// What the figures mean, in plain words: a supervisor should not need a statistics course to read the table.
import { useTranslation } from 'react-i18next';

export function SdtLegend({ minDecisions }: { minDecisions: number }) {
  const { t } = useTranslation();
  return (
    <details className="fl-details fl-legend" open>
      <summary>{t('reports.legend.title')}</summary>
      <dl className="fl-legend__list">
        <div>
          <dt>{t('reports.legend.missedTerm')}</dt>
          <dd>{t('reports.legend.missedText')}</dd>
        </div>
        <div>
          <dt>{t('reports.legend.needlessTerm')}</dt>
          <dd>{t('reports.legend.needlessText')}</dd>
        </div>
        <div>
          <dt>{t('reports.legend.dPrimeTerm')}</dt>
          <dd>{t('reports.legend.dPrimeText')}</dd>
        </div>
        <div>
          <dt>{t('reports.legend.cTerm')}</dt>
          <dd>{t('reports.legend.cText')}</dd>
        </div>
        <div>
          <dt>{t('reports.legend.tooFewTerm')}</dt>
          <dd>{t('reports.legend.tooFewText', { count: minDecisions })}</dd>
        </div>
      </dl>
    </details>
  );
}

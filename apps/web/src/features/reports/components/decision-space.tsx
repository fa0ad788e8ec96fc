// The decision-space section of the cohort dashboard: the chart (lazy), its key, and the same figures as a
// visually hidden table for screen readers.
import type { OfficerCompetence } from '@firstline/contracts';
import { Suspense, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingBlock } from '@/components/ui';
import { useFigureFormat } from '../hooks/use-figure-format';
import type { OfficerDot } from './decision-space-chart';
import { DecisionSpaceChart } from './lazy-charts';

export function DecisionSpace({
  officers,
  onOpen,
}: {
  officers: readonly OfficerCompetence[];
  onOpen: (userId: string) => void;
}) {
  const { t } = useTranslation();
  const f = useFigureFormat();
  const keyId = useId();
  const dots: OfficerDot[] = officers.flatMap((o) =>
    o.hitRate === null || o.falseAlarmRate === null
      ? []
      : [
          {
            userId: o.userId,
            name: o.name,
            f: o.falseAlarmRate,
            h: o.hitRate,
            dPrime: o.dPrime,
            tooFew: o.tooFewDecisions,
          },
        ],
  );
  const unplaced = officers.length - dots.length;
  const title = t('reports.chart.title');
  return (
    <figure className="fl-ds" aria-describedby={keyId}>
      <Suspense fallback={<LoadingBlock />}>
        <DecisionSpaceChart dots={dots} onOpen={onOpen} title={title} />
      </Suspense>
      <figcaption id={keyId} className="fl-ds__key">
        <p className="fl-ds__read">{t('reports.chart.howToRead')}</p>
        <ul className="fl-ds__legend">
          <li>
            <span className="fl-ds-key fl-ds-key--dot" aria-hidden="true" />
            {t('reports.chart.keyOfficer')}
          </li>
          <li>
            <span className="fl-ds-key fl-ds-key--hollow" aria-hidden="true" />
            {t('reports.chart.keyTooFew')}
          </li>
          <li>
            <span className="fl-ds-key fl-ds-key--curve" aria-hidden="true" />
            {t('reports.chart.keyCurves')}
          </li>
          <li>
            <span className="fl-ds-key fl-ds-key--chance" aria-hidden="true" />
            {t('reports.chart.keyChance')}
          </li>
        </ul>
        {unplaced > 0 && <p className="fl-muted">{t('reports.chart.unplaced', { count: unplaced })}</p>}
      </figcaption>
      <table className="fl-visually-hidden">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{t('reports.table.officer')}</th>
            <th scope="col">{t('reports.chart.hitRate')}</th>
            <th scope="col">{t('reports.chart.falseAlarmRate')}</th>
            <th scope="col">{t('reports.table.dPrime')}</th>
          </tr>
        </thead>
        <tbody>
          {dots.map((d) => (
            <tr key={d.userId}>
              <th scope="row">
                {d.name}
                {d.tooFew && ` (${t('reports.tooFew')})`}
              </th>
              <td>{f.pct(d.h)}</td>
              <td>{f.pct(d.f)}</td>
              <td>{f.dec(d.dPrime)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

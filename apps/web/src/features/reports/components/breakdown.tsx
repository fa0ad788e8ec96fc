// One officer's proportion correct per value of a dimension (a row of the heatmap, as a table with bars), and their
// weak spots: the weakest values with enough items behind them.
import type { HeatmapDimension, OfficerReport, WeakSpot } from '@firstline/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dimensionValueLabel } from '@/lib/taxonomy-keys';
import { useFigureFormat } from '../hooks/use-figure-format';
import { heatTone } from '../lib/heatmap-scale';
import { DimensionSwitch } from './dimension-switch';

export function Breakdown({ breakdown }: { breakdown: OfficerReport['breakdown'] }) {
  const { t } = useTranslation();
  const f = useFigureFormat();
  const dimensions = breakdown.map((b) => b.by);
  const [by, setBy] = useState<HeatmapDimension>(dimensions[0] ?? 'featureCategory');
  const cells = (breakdown.find((b) => b.by === by)?.cells ?? []).filter((c) => c.items > 0);
  if (dimensions.length === 0) return <p className="fl-muted">{t('reports.heatmap.emptyText')}</p>;
  return (
    <div className="fl-stack">
      <DimensionSwitch value={by} onChange={setBy} dimensions={dimensions} />
      {cells.length === 0 ? (
        <p className="fl-muted">{t('reports.heatmap.emptyText')}</p>
      ) : (
        <div className="fl-table-wrap fl-table-wrap--compact">
          <table className="fl-table fl-breakdown" data-testid="breakdown">
            <caption className="fl-visually-hidden">
              {t('reports.heatmap.caption', { dimension: t(`taxonomy.dimension.${by}`) })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t(`taxonomy.dimension.${by}`)}</th>
                <th scope="col" className="fl-cell--end">
                  {t('reports.officer.items')}
                </th>
                <th scope="col" className="fl-cell--end">
                  {t('results.correct')}
                </th>
                <th scope="col">{t('results.share')}</th>
              </tr>
            </thead>
            <tbody>
              {cells.map((cell) => (
                <tr key={cell.key}>
                  <th scope="row">{dimensionValueLabel(t, by, cell.key)}</th>
                  <td className="fl-cell--end">
                    <span className="fl-num">{f.num(cell.items)}</span>
                  </td>
                  <td className="fl-cell--end">
                    <span className="fl-num">{f.num(cell.correct)}</span>
                  </td>
                  <td>
                    <span className="fl-share">
                      <span className="fl-share__bar" aria-hidden="true">
                        <span
                          className={`fl-share__fill fl-heat--${heatTone(cell.proportion)}`}
                          style={{ inlineSize: `${Math.round((cell.proportion ?? 0) * 100)}%` }}
                        />
                      </span>
                      <span className="fl-num">{f.pct(cell.proportion)}</span>
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

export function WeakSpots({ spots }: { spots: readonly WeakSpot[] }) {
  const { t } = useTranslation();
  const f = useFigureFormat();
  if (spots.length === 0) return <p className="fl-muted">{t('reports.officer.noWeakSpots')}</p>;
  return (
    <ol className="fl-weak-spots" data-testid="weak-spots">
      {spots.map((s) => (
        <li key={`${s.by}:${s.cell.key}`}>
          <span className="fl-weak-spots__what">
            <span className="fl-weak-spots__dimension">{t(`taxonomy.dimension.${s.by}`)}</span>
            {dimensionValueLabel(t, s.by, s.cell.key)}
          </span>
          <span className="fl-weak-spots__figure">
            {t('reports.officer.weakSpotFigure', {
              proportion: f.pct(s.cell.proportion),
              correct: f.num(s.cell.correct),
              items: f.num(s.cell.items),
            })}
          </span>
        </li>
      ))}
    </ol>
  );
}

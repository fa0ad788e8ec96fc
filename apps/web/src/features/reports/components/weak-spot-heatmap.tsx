// The weak-spot heatmap: officers × one dimension (feature category, fraud type, light, issuing state, document
// type), each cell the proportion correct with the number of items behind it, coloured by a five-step scale; empty
// cells stay empty. An accessible HTML table (not a canvas): each cell is a button that opens the items behind it.
import type { HeatmapCell, HeatmapDimension, HeatmapReport } from '@firstline/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState, ChartIcon, LoadingBlock, QueryError } from '@/components/ui';
import { dimensionValueLabel } from '@/lib/taxonomy-keys';
import { useCohortHeatmap } from '../api/get-cohort-heatmap';
import { useFigureFormat } from '../hooks/use-figure-format';
import { HEAT_STEPS, heatTone } from '../lib/heatmap-scale';
import type { ReportFilters } from '../lib/report-filters';
import { DimensionSwitch } from './dimension-switch';
import { HeatmapItemsDialog, type OpenCell } from './heatmap-items-dialog';

function Cell({
  cell,
  who,
  label,
  onOpen,
}: {
  cell: HeatmapCell | undefined;
  who: string;
  label: string;
  onOpen: () => void;
}) {
  const { t } = useTranslation();
  const f = useFigureFormat();
  if (!cell || cell.items === 0 || cell.proportion === null) {
    return (
      <td className="fl-heat fl-heat--empty">
        <span className="fl-visually-hidden">{t('reports.heatmap.noItems')}</span>
      </td>
    );
  }
  return (
    <td className={`fl-heat fl-heat--${heatTone(cell.proportion)}`}>
      {/* The name is the visible figures with the rest hidden between them ("72% correct; 18 items: Ayesha Khan,
          Security inks"), so what a speech-input user reads out is the button's name. */}
      <button type="button" className="fl-heat__button" onClick={onOpen}>
        <span className="fl-heat__value">{f.pct(cell.proportion)}</span>
        <span className="fl-visually-hidden"> {t('reports.heatmap.cellCorrect')} </span>
        <span className="fl-heat__n">{f.num(cell.items)}</span>
        <span className="fl-visually-hidden">
          {' '}
          {t('reports.heatmap.cellItems', { count: cell.items, who, value: label })}
        </span>
      </button>
    </td>
  );
}

function HeatmapTable({ report, onOpen }: { report: HeatmapReport; onOpen: (cell: OpenCell) => void }) {
  const { t } = useTranslation();
  const labels = report.columns.map((key) => dimensionValueLabel(t, report.by, key));
  const dimension = t(`taxonomy.dimension.${report.by}`);
  const cellsByKey = (cells: HeatmapCell[]) => new Map(cells.map((c) => [c.key, c]));
  const totals = cellsByKey(report.totals);
  const cohortWord = t('reports.heatmap.cohort');
  return (
    <div className="fl-table-wrap fl-heatmap-wrap">
      <table className="fl-table fl-heatmap" data-testid="heatmap">
        <caption className="fl-visually-hidden">{t('reports.heatmap.caption', { dimension })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('reports.table.officer')}</th>
            {report.columns.map((key, i) => (
              <th key={key} scope="col" className="fl-heatmap__col">
                {labels[i]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {report.rows.map((row) => {
            const cells = cellsByKey(row.cells);
            return (
              <tr key={row.userId}>
                <th scope="row" className="fl-heatmap__name">
                  {row.name}
                </th>
                {report.columns.map((key, i) => (
                  <Cell
                    key={key}
                    cell={cells.get(key)}
                    who={row.name}
                    label={labels[i]}
                    onOpen={() => onOpen({ by: report.by, key, userId: row.userId, who: row.name, label: labels[i] })}
                  />
                ))}
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{cohortWord}</th>
            {report.columns.map((key, i) => (
              <Cell
                key={key}
                cell={totals.get(key)}
                who={cohortWord}
                label={labels[i]}
                onOpen={() => onOpen({ by: report.by, key, who: report.cohort.name, label: labels[i] })}
              />
            ))}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

function HeatScale() {
  const { t } = useTranslation();
  const f = useFigureFormat();
  return (
    <div className="fl-heat-scale">
      <span className="fl-heat-scale__title">{t('reports.heatmap.scale')}</span>
      <ul className="fl-heat-scale__steps">
        {HEAT_STEPS.map((step, i) => {
          const next = HEAT_STEPS[i + 1];
          return (
            <li key={step.tone} className={`fl-heat fl-heat--${step.tone}`}>
              <span dir="ltr">{next ? `${f.pct(step.min)}–${f.pct(next.min)}` : `≥ ${f.pct(step.min)}`}</span>
            </li>
          );
        })}
      </ul>
      <span className="fl-muted">{t('reports.heatmap.scaleNote')}</span>
    </div>
  );
}

export function WeakSpotHeatmap({
  cohortId,
  filters,
  by,
  onByChange,
}: {
  cohortId: string;
  filters: ReportFilters | null;
  by: HeatmapDimension;
  onByChange: (by: HeatmapDimension) => void;
}) {
  const { t } = useTranslation();
  const heatmap = useCohortHeatmap(cohortId, by, filters);
  const [open, setOpen] = useState<OpenCell | null>(null);
  return (
    <div className="fl-stack">
      <DimensionSwitch value={by} onChange={onByChange} />
      {heatmap.isPending ? (
        <LoadingBlock />
      ) : heatmap.isError ? (
        <QueryError error={heatmap.error} onRetry={() => heatmap.refetch()} />
      ) : heatmap.data.columns.length === 0 || heatmap.data.rows.length === 0 ? (
        <EmptyState
          icon={<ChartIcon size={28} />}
          title={t('reports.heatmap.emptyTitle')}
          description={t('reports.heatmap.emptyText')}
        />
      ) : (
        <>
          <HeatScale />
          <HeatmapTable report={heatmap.data} onOpen={setOpen} />
        </>
      )}
      <HeatmapItemsDialog cohortId={cohortId} filters={filters ?? {}} cell={open} onClose={() => setOpen(null)} />
    </div>
  );
}

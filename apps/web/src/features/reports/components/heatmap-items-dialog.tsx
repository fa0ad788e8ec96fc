// The items behind one heatmap cell: who decided what on which document, each with a link to that attempt's review.
import type { HeatmapItems } from '@firstline/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Badge, Dialog, LoadingBlock, QueryError } from '@/components/ui';
import { paths } from '@/config/paths';
import { useHeatmapItems, type HeatmapCellRef } from '../api/get-heatmap-items';
import { useFigureFormat } from '../hooks/use-figure-format';
import type { ReportFilters } from '../lib/report-filters';

/** The cell a dialog is open for: which officer (or the whole cohort) and the value's label, for its title. */
export interface OpenCell extends HeatmapCellRef {
  who: string;
  label: string;
}

type Item = HeatmapItems['items'][number];

export function attemptReviewHref(item: Pick<Item, 'attemptId' | 'n' | 'userId'>) {
  return `${paths.app.attemptReview.getHref(item.attemptId)}?officer=${item.userId}&item=${item.n}`;
}

function ItemsTable({ items, showOfficer }: { items: Item[]; showOfficer: boolean }) {
  const { t } = useTranslation();
  const f = useFigureFormat();
  return (
    <div className="fl-table-wrap fl-table-wrap--compact">
      <table className="fl-table" data-testid="cell-items">
        <caption className="fl-visually-hidden">{t('reports.items.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('reports.items.document')}</th>
            {showOfficer && <th scope="col">{t('reports.table.officer')}</th>}
            <th scope="col">{t('reports.items.truth')}</th>
            <th scope="col">{t('reports.items.decision')}</th>
            <th scope="col" className="fl-cell--end">
              {t('reports.items.time')}
            </th>
            <th scope="col">{t('reports.items.answeredAt')}</th>
            <th scope="col">{t('common.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={`${item.attemptId}:${item.n}`}>
              <td>{item.title}</td>
              {showOfficer && <td>{item.name}</td>}
              <td>{t(`taxonomy.verdict.${item.verdict}`)}</td>
              <td>
                <Badge tone={item.correct ? 'green' : 'red'}>
                  {t(`taxonomy.decision.${item.decision}`)}
                  <span className="fl-visually-hidden">
                    {' — '}
                    {item.correct ? t('feedback.right') : t('feedback.wrong')}
                  </span>
                </Badge>
              </td>
              <td className="fl-cell--end">
                <span className="fl-num">{f.secs(item.responseTimeMs)}</span>
              </td>
              <td>{f.dateTime(item.answeredAt)}</td>
              <td>
                <Link to={attemptReviewHref(item)}>{t('reports.items.openReview')}</Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function HeatmapItemsDialog({
  cohortId,
  filters,
  cell,
  onClose,
}: {
  cohortId: string;
  filters: ReportFilters;
  cell: OpenCell | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const items = useHeatmapItems(cohortId, cell && { by: cell.by, key: cell.key, userId: cell.userId }, filters);
  return (
    <Dialog
      open={cell !== null}
      onClose={onClose}
      size="lg"
      title={cell ? t('reports.items.title', { who: cell.who, value: cell.label }) : ''}
      description={t('reports.items.description')}
    >
      {items.isPending ? (
        <LoadingBlock />
      ) : items.isError ? (
        <QueryError error={items.error} onRetry={() => items.refetch()} />
      ) : items.data.items.length === 0 ? (
        <p>{t('reports.heatmap.noItems')}</p>
      ) : (
        <ItemsTable items={items.data.items} showOfficer={!cell?.userId} />
      )}
    </Dialog>
  );
}

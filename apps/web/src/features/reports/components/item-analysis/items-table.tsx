// The pool's items, one row each, every column sortable; a row opens the item's detail. Items with too few
// responses are greyed, labelled and not ranked on the figures that judge them (lib/sort-items.ts). An item model's
// row is marked as one, with how many officers' own documents it pooled and how much their facilities vary.
import type { ItemAnalysisRow } from '@firstline/contracts';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '@/components/ui';
import { useFigureFormat, type FigureFormat } from '../../hooks/use-figure-format';
import {
  DEFAULT_ITEM_SORT,
  FIRST_DIRECTION,
  sortItems,
  tooFewResponses,
  type ItemSort,
  type ItemSortKey,
} from '../../lib/sort-items';
import { ItemFlags } from './item-flags';

interface Column {
  key: ItemSortKey;
  cell: (row: ItemAnalysisRow, f: FigureFormat) => ReactNode;
  end?: boolean;
}

const num = (text: string) => (
  <span className="fl-num" dir="ltr">
    {text}
  </span>
);

function Rasch({ row, f }: { row: ItemAnalysisRow; f: FigureFormat }) {
  const { t } = useTranslation();
  if (row.raschExtreme) return <span className="fl-ia-extreme">{t(`itemAnalysis.extreme.${row.raschExtreme}`)}</span>;
  return num(f.dec(row.raschDifficulty));
}

const FIGURES: Column[] = [
  { key: 'flags', cell: (r) => <ItemFlags flags={r.flags} /> },
  { key: 'responses', end: true, cell: (r, f) => num(f.num(r.responses)) },
  { key: 'facility', end: true, cell: (r, f) => num(f.score(r.facility)) },
  { key: 'sd', end: true, cell: (r, f) => num(f.score(r.sd)) },
  { key: 'randomGuessScore', end: true, cell: (r, f) => num(f.score(r.randomGuessScore)) },
  { key: 'intendedWeight', end: true, cell: (r, f) => num(f.score(r.intendedWeight)) },
  { key: 'effectiveWeight', end: true, cell: (r, f) => num(f.score(r.effectiveWeight)) },
  { key: 'discriminationIndex', end: true, cell: (r, f) => num(f.dec(r.discriminationIndex, 1)) },
  { key: 'discriminativeEfficiency', end: true, cell: (r, f) => num(f.dec(r.discriminativeEfficiency, 1)) },
  { key: 'raschDifficulty', end: true, cell: (r, f) => <Rasch row={r} f={f} /> },
  { key: 'meanDecisionMs', end: true, cell: (r, f) => num(f.secs(r.meanDecisionMs)) },
];

/** "Item model" and "12 documents, facility SD 8.4 pts" under an item model's title. */
function ItemModelNote({ figures, f }: { figures: NonNullable<ItemAnalysisRow['itemModel']>; f: FigureFormat }) {
  const { t } = useTranslation();
  return (
    <span className="fl-ia-items__model" data-testid="item-model">
      <Badge tone="violet">{t('itemAnalysis.items.itemModel')}</Badge>
      <span className="fl-ia-items__note">
        {t('itemAnalysis.items.instances', {
          count: figures.instances,
          n: f.num(figures.instances),
          sd:
            figures.facilitySd === null ? '—' : t('itemAnalysis.items.points', { value: f.dec(figures.facilitySd, 1) }),
        })}
      </span>
    </span>
  );
}

function SortHeader({
  column,
  sort,
  onSort,
}: {
  column: Pick<Column, 'key' | 'end'>;
  sort: ItemSort;
  onSort: (key: ItemSortKey) => void;
}) {
  const { t } = useTranslation();
  const active = sort.key === column.key;
  return (
    <th
      scope="col"
      className={column.end ? 'fl-cell--end' : undefined}
      aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}
    >
      <button type="button" className="fl-sort" onClick={() => onSort(column.key)}>
        <span>{t(`itemAnalysis.column.${column.key}`)}</span>
        <span className={`fl-sort__mark${active ? ' fl-sort__mark--active' : ''}`} aria-hidden="true">
          {active ? (sort.dir === 'asc' ? '▲' : '▼') : '↕'}
        </span>
      </button>
    </th>
  );
}

export function ItemsTable({
  items,
  minResponses,
  onOpen,
}: {
  items: readonly ItemAnalysisRow[];
  minResponses: number;
  onOpen: (row: ItemAnalysisRow) => void;
}) {
  const { t } = useTranslation();
  const f = useFigureFormat();
  const [sort, setSort] = useState<ItemSort>(DEFAULT_ITEM_SORT);
  const rows = useMemo(() => sortItems(items, sort, f.locale), [items, sort, f.locale]);
  const onSort = (key: ItemSortKey) =>
    setSort((s) =>
      s.key === key ? { key, dir: s.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: FIRST_DIRECTION[key] },
    );
  return (
    <div className="fl-table-wrap fl-ia-items">
      <table className="fl-table" data-testid="items-table">
        <caption className="fl-visually-hidden">
          {t('itemAnalysis.items.caption')}
          {'. '}
          {t('itemAnalysis.items.sortedBy', { column: t(`itemAnalysis.column.${sort.key}`) })}
        </caption>
        <thead>
          <tr>
            <SortHeader column={{ key: 'position', end: true }} sort={sort} onSort={onSort} />
            <SortHeader column={{ key: 'title' }} sort={sort} onSort={onSort} />
            {FIGURES.map((c) => (
              <SortHeader key={c.key} column={c} sort={sort} onSort={onSort} />
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const tooFew = tooFewResponses(row);
            return (
              <tr
                key={row.exerciseVersionId}
                className={tooFew ? 'fl-row--too-few' : undefined}
                data-testid="item-row"
                data-verdict={row.verdict}
                data-too-few={tooFew || undefined}
                data-flagged={row.flags.some((x) => x !== 'too-few-responses') || undefined}
              >
                <td className="fl-cell--end">{num(f.num(row.position))}</td>
                <th scope="row" className="fl-ia-items__title">
                  <button type="button" className="fl-ia-items__open" onClick={() => onOpen(row)}>
                    {row.title}
                  </button>
                  {row.itemModel && <ItemModelNote figures={row.itemModel} f={f} />}
                  {!row.current && (
                    <span className="fl-ia-items__note">
                      {t('itemAnalysis.items.olderVersion', { version: row.exerciseVersion })}
                    </span>
                  )}
                  {tooFew && (
                    <span className="fl-too-few" data-testid="too-few">
                      {t('itemAnalysis.items.tooFew', { min: f.num(minResponses) })}
                    </span>
                  )}
                </th>
                {FIGURES.map((c) => (
                  <td key={c.key} className={c.end ? 'fl-cell--end' : undefined}>
                    {c.cell(row, f)}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

// The cohort's officers, one row each, columns grouped (errors at the desk, skill and bias, time, details, scores,
// activity) so a supervisor reads it in a minute. Every column sorts; officers with too few decisions are marked
// and not ranked on the figures that judge them (lib/sort-officers.ts).
import type { OfficerCompetence } from '@firstline/contracts';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Badge } from '@/components/ui';
import { useFigureFormat, type FigureFormat } from '../hooks/use-figure-format';
import {
  DEFAULT_SORT,
  FIRST_DIRECTION,
  sortOfficers,
  type OfficerSort,
  type OfficerSortKey,
} from '../lib/sort-officers';

/** |c| at or beyond this is worth a word in the table. */
const NOTABLE_BIAS = 0.25;

interface Column {
  key: OfficerSortKey;
  labelKey: string;
  cell: (o: OfficerCompetence, f: FigureFormat) => ReactNode;
  end?: boolean;
}

interface Group {
  labelKey: string;
  columns: Column[];
}

function RateCell({ rate, count, total, f }: { rate: number | null; count: number; total: number; f: FigureFormat }) {
  return (
    <span className="fl-rate">
      <span className="fl-num">{f.pct(rate)}</span>
      {total > 0 && (
        <span className="fl-rate__count" dir="ltr">
          {f.num(count)}/{f.num(total)}
        </span>
      )}
    </span>
  );
}

function BiasCell({ c, f }: { c: number | null; f: FigureFormat }) {
  const { t } = useTranslation();
  return (
    <span className="fl-rate">
      <span className="fl-num" dir="ltr">
        {f.dec(c)}
      </span>
      {c !== null && c <= -NOTABLE_BIAS && <span className="fl-rate__count">{t('reports.table.refersReadily')}</span>}
      {c !== null && c >= NOTABLE_BIAS && <span className="fl-rate__count">{t('reports.table.acceptsReadily')}</span>}
    </span>
  );
}

/** Assignments the officer has not started or let run out, beside their name. */
function AssignmentsCell({ o }: { o: OfficerCompetence }) {
  const { t } = useTranslation();
  if (o.notStarted === 0 && o.overdue === 0) return null;
  return (
    <span className="fl-badges">
      {o.overdue > 0 && <Badge tone="red">{t('reports.table.overdue', { count: o.overdue })}</Badge>}
      {o.notStarted > 0 && <Badge tone="amber">{t('reports.table.notStarted', { count: o.notStarted })}</Badge>}
    </span>
  );
}

const GROUPS: Group[] = [
  {
    labelKey: 'reports.table.groupErrors',
    columns: [
      {
        key: 'missedForgeryRate',
        labelKey: 'reports.table.missedForgeries',
        end: true,
        cell: (o, f) => <RateCell rate={o.missedForgeryRate} count={o.misses} total={o.hits + o.misses} f={f} />,
      },
      {
        key: 'needlessReferralRate',
        labelKey: 'reports.table.needlessReferrals',
        end: true,
        cell: (o, f) => (
          <RateCell
            rate={o.needlessReferralRate}
            count={o.falseAlarms}
            total={o.falseAlarms + o.correctRejections}
            f={f}
          />
        ),
      },
    ],
  },
  {
    labelKey: 'reports.table.groupSkill',
    columns: [
      {
        key: 'dPrime',
        labelKey: 'reports.table.dPrime',
        end: true,
        cell: (o, f) => (
          <span className="fl-num" dir="ltr">
            {f.dec(o.dPrime)}
          </span>
        ),
      },
      {
        key: 'criterion',
        labelKey: 'reports.table.criterion',
        end: true,
        cell: (o, f) => <BiasCell c={o.criterion} f={f} />,
      },
      {
        key: 'meanDecisionMs',
        labelKey: 'reports.table.decisionTime',
        end: true,
        cell: (o, f) =>
          o.meanDecisionMs === null ? (
            <span className="fl-num">—</span>
          ) : (
            <span className="fl-rate">
              <span className="fl-num">{f.secs(o.meanDecisionMs)}</span>
              <span className="fl-rate__count">{f.secs(o.medianDecisionMs)}</span>
            </span>
          ),
      },
    ],
  },
  {
    labelKey: 'reports.table.groupDetails',
    columns: [
      {
        key: 'locateAccuracy',
        labelKey: 'reports.table.locate',
        end: true,
        cell: (o, f) => <span className="fl-num">{f.pct(o.locateAccuracy)}</span>,
      },
      {
        key: 'fraudTypeAccuracy',
        labelKey: 'reports.table.fraudType',
        end: true,
        cell: (o, f) => <span className="fl-num">{f.pct(o.fraudTypeAccuracy)}</span>,
      },
    ],
  },
];

/** Columns of their own after the groups: scores and activity. */
const TRAILING: Column[] = [
  {
    key: 'bestScore',
    labelKey: 'reports.table.bestLatest',
    end: true,
    cell: (o, f) => (
      <span className="fl-rate">
        <span className="fl-num">{f.score(o.bestScore)}</span>
        <span className="fl-rate__count">{f.score(o.latestScore)}</span>
      </span>
    ),
  },
  {
    key: 'lastActivityAt',
    labelKey: 'reports.table.lastActivity',
    cell: (o, f) => <span className="fl-nowrap">{f.date(o.lastActivityAt)}</span>,
  },
];

function SortHeader({
  column,
  sort,
  onSort,
  rowSpan,
}: {
  column: Pick<Column, 'key' | 'labelKey' | 'end'>;
  sort: OfficerSort;
  onSort: (key: OfficerSortKey) => void;
  rowSpan?: number;
}) {
  const { t } = useTranslation();
  const active = sort.key === column.key;
  return (
    <th
      scope="col"
      rowSpan={rowSpan}
      className={column.end ? 'fl-cell--end' : undefined}
      aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}
    >
      <button type="button" className="fl-sort" onClick={() => onSort(column.key)}>
        <span>{t(column.labelKey)}</span>
        <span className={`fl-sort__mark${active ? ' fl-sort__mark--active' : ''}`} aria-hidden="true">
          {active ? (sort.dir === 'asc' ? '▲' : '▼') : '↕'}
        </span>
      </button>
    </th>
  );
}

export function OfficersTable({
  officers,
  hrefFor,
  caption,
}: {
  officers: readonly OfficerCompetence[];
  hrefFor: (officer: OfficerCompetence) => string;
  caption: string;
}) {
  const { t } = useTranslation();
  const f = useFigureFormat();
  const [sort, setSort] = useState<OfficerSort>(DEFAULT_SORT);
  const rows = useMemo(() => sortOfficers(officers, sort, f.locale), [officers, sort, f.locale]);
  const onSort = (key: OfficerSortKey) =>
    setSort((s) =>
      s.key === key ? { key, dir: s.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: FIRST_DIRECTION[key] },
    );
  const grouped = GROUPS.flatMap((g) => g.columns);
  const columns = [...grouped, ...TRAILING];

  return (
    <div className="fl-table-wrap fl-officers">
      <table className="fl-table" data-testid="officers-table">
        <caption className="fl-visually-hidden">
          {caption}
          {'. '}
          {t('reports.table.sortedBy', {
            column: t(
              [
                { key: 'name', labelKey: 'reports.table.officer' },
                { key: 'decisions', labelKey: 'reports.table.decisions' },
                ...columns,
              ].find((c) => c.key === sort.key)!.labelKey,
            ),
          })}
        </caption>
        <colgroup>
          <col className="fl-officers__name-col" />
          <col />
        </colgroup>
        {GROUPS.map((g) => (
          <colgroup key={g.labelKey} span={g.columns.length} className="fl-officers__group" />
        ))}
        <colgroup span={TRAILING.length} className="fl-officers__group" />
        <thead>
          <tr className="fl-officers__groups">
            <SortHeader
              column={{ key: 'name', labelKey: 'reports.table.officer' }}
              sort={sort}
              onSort={onSort}
              rowSpan={2}
            />
            <SortHeader
              column={{ key: 'decisions', labelKey: 'reports.table.decisions', end: true }}
              sort={sort}
              onSort={onSort}
              rowSpan={2}
            />
            {GROUPS.map((g) => (
              <th key={g.labelKey} scope="colgroup" colSpan={g.columns.length} className="fl-officers__group-head">
                {t(g.labelKey)}
              </th>
            ))}
            {TRAILING.map((c) => (
              <SortHeader key={c.key} column={c} sort={sort} onSort={onSort} rowSpan={2} />
            ))}
          </tr>
          <tr>
            {grouped.map((c) => (
              <SortHeader key={c.key} column={c} sort={sort} onSort={onSort} />
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((o) => (
            <tr key={o.userId} className={o.tooFewDecisions ? 'fl-row--too-few' : undefined} data-testid="officer-row">
              <th scope="row" className="fl-officers__name">
                <Link className="fl-table__primary-link" to={hrefFor(o)}>
                  {o.name}
                </Link>
                <span className="fl-officers__username" dir="ltr">
                  {o.username}
                </span>
                {o.tooFewDecisions && (
                  <span className="fl-too-few" data-testid="too-few">
                    {t('reports.tooFew')}
                  </span>
                )}
                <AssignmentsCell o={o} />
              </th>
              <td className="fl-cell--end">
                <span className="fl-num">{f.num(o.decisions)}</span>
              </td>
              {columns.map((c) => (
                <td key={c.key} className={c.end ? 'fl-cell--end' : undefined}>
                  {c.cell(o, f)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

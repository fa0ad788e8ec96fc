// The weekly figures as a table: the numbers behind the trend charts (and a screen reader's way to them).
import { useTranslation } from 'react-i18next';
import { useFigureFormat } from '../hooks/use-figure-format';
import type { TrendRow, TrendValues } from '../lib/trend-rows';

export function TrendTable({
  rows,
  caption,
  cohortName,
  officerName,
  hidden = false,
}: {
  rows: TrendRow[];
  caption: string;
  cohortName: string;
  officerName: string | null;
  hidden?: boolean;
}) {
  const { t } = useTranslation();
  const f = useFigureFormat();
  const series = [
    { key: 'cohort' as const, name: cohortName },
    ...(officerName ? [{ key: 'officer' as const, name: officerName }] : []),
  ];
  const cells = (v: TrendValues | null) => [
    v ? f.num(v.decisions) : '—',
    f.pct(v?.accuracy),
    f.dec(v?.dPrime),
    f.secs(v?.seconds === null || v?.seconds === undefined ? null : v.seconds * 1000),
  ];
  return (
    <div className={hidden ? 'fl-visually-hidden' : 'fl-table-wrap fl-table-wrap--compact'}>
      <table className="fl-table" data-testid="trend-table">
        <caption className="fl-visually-hidden">{caption}</caption>
        <thead>
          {series.length > 1 && (
            <tr>
              <td />
              {series.map((s) => (
                <th key={s.key} scope="colgroup" colSpan={4}>
                  {s.name}
                </th>
              ))}
            </tr>
          )}
          <tr>
            <th scope="col">{t('reports.trends.week')}</th>
            {series.map((s) => (
              <FigureHeads key={s.key} />
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.weekStart}>
              <th scope="row">{f.date(r.weekStart)}</th>
              {series.flatMap((s) =>
                cells(r[s.key]).map((text, i) => (
                  <td key={`${s.key}${i}`} className="fl-cell--end">
                    <span className="fl-num">{text}</span>
                  </td>
                )),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function FigureHeads() {
  const { t } = useTranslation();
  return (
    <>
      <th scope="col" className="fl-cell--end">
        {t('reports.table.decisions')}
      </th>
      <th scope="col" className="fl-cell--end">
        {t('reports.trends.accuracy')}
      </th>
      <th scope="col" className="fl-cell--end">
        {t('reports.table.dPrime')}
      </th>
      <th scope="col" className="fl-cell--end">
        {t('reports.trends.time')}
      </th>
    </>
  );
}

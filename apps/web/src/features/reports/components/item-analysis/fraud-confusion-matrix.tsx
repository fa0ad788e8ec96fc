// Which fraud type officers took for which, across the pool: true fraud type down, chosen across, every cell's count
// shaded against its row (so a rare type's confusions show as plainly as a common one's); the diagonal is right.
import type { FraudTypeConfusion } from '@firstline/contracts';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { fraudTypeKey } from '@/lib/taxonomy-keys';
import { useFigureFormat } from '../../hooks/use-figure-format';

function Cell({ count, rowTotal, right }: { count: number; rowTotal: number; right: boolean }) {
  const f = useFigureFormat();
  const share = rowTotal > 0 ? count / rowTotal : 0;
  return (
    <td
      className={`fl-ia-confusion__cell${right ? ' fl-ia-confusion__cell--right' : ''}`}
      style={{ '--share': share.toFixed(3) } as CSSProperties}
    >
      <span className="fl-num">{count === 0 ? '·' : f.num(count)}</span>
    </td>
  );
}

export function FraudConfusionMatrix({ confusion }: { confusion: FraudTypeConfusion }) {
  const { t } = useTranslation();
  const { fraudTypes, cells, none } = confusion;
  const label = (ft: string) => t(fraudTypeKey(ft), { defaultValue: ft });
  return (
    // Focusable: a keyboard scrolls it sideways on a narrow screen (nothing inside takes focus).
    <div
      className="fl-table-wrap fl-ia-confusion"
      tabIndex={0}
      role="region"
      aria-label={t('itemAnalysis.confusion.caption')}
    >
      <table className="fl-table" data-testid="confusion-matrix">
        <caption className="fl-visually-hidden">{t('itemAnalysis.confusion.caption')}</caption>
        <thead>
          <tr>
            <th scope="col" className="fl-ia-confusion__corner">
              <span>{t('itemAnalysis.confusion.truth')}</span>
              <span aria-hidden="true"> \ </span>
              <span>{t('itemAnalysis.confusion.chosen')}</span>
            </th>
            {fraudTypes.map((ft) => (
              <th scope="col" key={ft} className="fl-ia-confusion__head">
                {label(ft)}
              </th>
            ))}
            <th scope="col" className="fl-ia-confusion__head">
              {t('itemAnalysis.confusion.none')}
            </th>
          </tr>
        </thead>
        <tbody>
          {fraudTypes.map((truth, i) => {
            const rowTotal = cells[i].reduce((n, c) => n + c, 0) + none[i];
            return (
              <tr key={truth}>
                <th scope="row">{label(truth)}</th>
                {cells[i].map((count, j) => (
                  <Cell key={fraudTypes[j]} count={count} rowTotal={rowTotal} right={i === j} />
                ))}
                <Cell count={none[i]} rowTotal={rowTotal} right={false} />
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

// What the officer knows at the desk besides the document: today's date, the stolen-blank alert list and the
// database checks. Stolen blanks and fraudulently obtained documents are caught here, not on the paper.
import type { CheckContext } from '@firstline/contracts';
import { useTranslation } from 'react-i18next';

export function DeskContextPanel({ context }: { context: CheckContext }) {
  const { t } = useTranslation();
  return (
    <details className="fl-desk" data-testid="desk-context">
      <summary>
        <strong>{t('desk.title')}</strong>
        <span className="fl-desk__summary">
          {' · '}
          <span dir="ltr">{context.referenceDate}</span>
          {' · '}
          {t('desk.alertCount', { count: context.stolenBlankSeries.length })}
          {context.records.map((r, i) => (
            <span key={i} className={r.result === 'no-hit' ? undefined : 'fl-desk__flag'}>
              {' · '}
              {r.source.split(' ')[0]}: {t(`desk.result.${r.result}`)}
            </span>
          ))}
        </span>
      </summary>
      <dl className="fl-desk__list">
        <dt>{t('desk.date')}</dt>
        <dd dir="ltr">{context.referenceDate}</dd>
        <dt>{t('desk.alerts')}</dt>
        <dd>
          {context.stolenBlankSeries.length === 0 ? (
            t('desk.noAlerts')
          ) : (
            <ul>
              {context.stolenBlankSeries.map((s, i) => (
                <li key={i} dir="ltr">
                  {s.state} {s.documentType} {s.from}–{s.to} ({s.reportedOn})
                </li>
              ))}
            </ul>
          )}
        </dd>
        {context.records.length > 0 && (
          <>
            <dt>{t('desk.records')}</dt>
            <dd>
              <ul>
                {context.records.map((r, i) => (
                  <li key={i}>
                    <strong>{r.source}</strong>: {t(`desk.result.${r.result}`)}
                    {r.note ? ` — ${r.note}` : ''}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
      </dl>
    </details>
  );
}

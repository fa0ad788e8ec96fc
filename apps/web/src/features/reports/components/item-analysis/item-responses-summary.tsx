// What officers answered on one item, against its truth: the accept/refer split (the right decision marked), the
// fraud types chosen, and the features and MRZ checks they marked (those the truth lists marked as such).
import type { ItemResponses } from '@firstline/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '@/components/ui';
import { fraudTypeKey } from '@/lib/taxonomy-keys';
import { useFigureFormat } from '../../hooks/use-figure-format';

interface Line {
  key: string;
  label: ReactNode;
  count: number;
  /** true: what the truth asks for; false: not; undefined: neither said. */
  right?: boolean;
}

function CountList({ title, lines, total, empty }: { title: string; lines: Line[]; total: number; empty: string }) {
  const { t } = useTranslation();
  const f = useFigureFormat();
  return (
    <section className="fl-ia-counts">
      <h4>{title}</h4>
      {lines.length === 0 ? (
        <p className="fl-ia-muted">{empty}</p>
      ) : (
        <ul>
          {lines.map((line) => (
            <li key={line.key} className="fl-ia-counts__line">
              <span className="fl-ia-counts__label">
                {line.label}
                {line.right === true && <Badge tone="green">{t('itemAnalysis.responses.inTruth')}</Badge>}
              </span>
              <span className="fl-ia-counts__bar" aria-hidden="true">
                <span
                  className={`fl-ia-counts__fill${line.right === false ? ' fl-ia-counts__fill--wrong' : ''}`}
                  style={{ inlineSize: `${total > 0 ? (line.count / total) * 100 : 0}%` }}
                />
              </span>
              <span className="fl-num fl-ia-counts__n">{f.num(line.count)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function ItemResponsesSummary({ responses }: { responses: ItemResponses }) {
  const { t } = useTranslation();
  const f = useFigureFormat();
  const total = responses.responses;
  const decisions: Line[] = [
    ...responses.decisions.map((d) => ({
      key: d.decision,
      label: t(`taxonomy.decision.${d.decision}`),
      count: d.count,
      right: d.correct,
    })),
    ...(responses.noDecision > 0
      ? [{ key: 'none', label: t('itemAnalysis.responses.noDecision'), count: responses.noDecision, right: false }]
      : []),
  ];
  return (
    <div className="fl-ia-responses" data-testid="item-responses">
      <p className="fl-ia-responses__truth">
        {t('itemAnalysis.responses.truth', { fraudType: t(fraudTypeKey(responses.fraudType)) })}{' '}
        <span className="fl-ia-muted">{t('itemAnalysis.responses.counted', { count: total, n: f.num(total) })}</span>
      </p>
      <div className="fl-ia-responses__grid">
        <CountList
          title={t('itemAnalysis.responses.decisions')}
          lines={decisions}
          total={total}
          empty={t('itemAnalysis.responses.none')}
        />
        <CountList
          title={t('itemAnalysis.responses.fraudTypes')}
          lines={responses.fraudTypes.map((c) => ({
            key: c.key,
            label: t(fraudTypeKey(c.key), { defaultValue: c.key }),
            count: c.count,
            right: c.key === responses.fraudType,
          }))}
          total={total}
          empty={t('itemAnalysis.responses.none')}
        />
        <CountList
          title={t('itemAnalysis.responses.features')}
          lines={responses.features.map((c) => ({
            key: c.key,
            label: t(`taxonomy.feature.${c.key}`, { defaultValue: c.key }),
            count: c.count,
            right: c.inTruth,
          }))}
          total={total}
          empty={t('itemAnalysis.responses.none')}
        />
        <CountList
          title={t('itemAnalysis.responses.mrzChecks')}
          lines={responses.mrzChecks.map((c) => ({
            key: c.key,
            label: t(`taxonomy.mrzCheck.${c.key}`, { defaultValue: c.key }),
            count: c.count,
            right: c.inTruth,
          }))}
          total={total}
          empty={t('itemAnalysis.responses.none')}
        />
      </div>
    </div>
  );
}

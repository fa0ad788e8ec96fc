// The Wright map: officers' abilities (a histogram of attempts) on one side of a shared logit axis, the items'
// difficulties (their pool positions) on the other. An item level with a bar of officers is one they get right
// about half the time. Mirrored in Urdu: officers on the reading side first.
import type { ItemAnalysis } from '@firstline/contracts';
import { useTranslation } from 'react-i18next';
import { useFigureFormat } from '../../hooks/use-figure-format';
import { itemMarks, wrightScale } from '../../lib/wright-map-scale';

const WIDTH = 480;
const UNIT = 44;
/** Room above and below the scale; Urdu's Nastaliq headings rise high above their baseline. */
const PAD = 44;
const GAP = 26;
/** The officers' share of the width; the items get the rest (a level may hold many of them). */
const OFFICERS_WIDTH = 180;
const BAR_MAX = OFFICERS_WIDTH - GAP - 16;
const MARK = 26;
/** Items side by side on one line before the level wraps to a line below. */
const PER_LINE = Math.floor((WIDTH - OFFICERS_WIDTH - GAP - 8) / (MARK + 3));

export function WrightMap({ analysis }: { analysis: Pick<ItemAnalysis, 'abilities' | 'items' | 'extremeAbilities'> }) {
  const { t } = useTranslation();
  const f = useFigureFormat();
  const scale = wrightScale(analysis);
  const height = (scale.max - scale.min) * UNIT + PAD * 2;
  const y = (logit: number) => PAD + (scale.max - logit) * UNIT;
  // Officers on the start side of the reading direction.
  const out = f.rtl ? 1 : -1;
  const axisX = out < 0 ? OFFICERS_WIDTH : WIDTH - OFFICERS_WIDTH;
  const maxCount = Math.max(1, ...analysis.abilities.map((a) => a.count));
  const marks = itemMarks(analysis.items, scale);
  // Items within a quarter logit share a row, side by side.
  const slots = new Map<number, number>();
  const placed = marks.map((m) => {
    const row = Math.round(m.logit * 4);
    const slot = slots.get(row) ?? 0;
    slots.set(row, slot + 1);
    const x = axisX - out * (GAP + (slot % PER_LINE) * (MARK + 3)) - (out > 0 ? MARK : 0);
    return { ...m, x, dy: Math.floor(slot / PER_LINE) * 20 };
  });
  const { allRight, allWrong } = analysis.extremeAbilities;
  return (
    <figure className="fl-ia-wright">
      {/* Laid out left to right in both languages (the officers' side is chosen above): see .fl-ia-wright svg. */}
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="img"
        aria-label={t('itemAnalysis.wright.label', {
          officers: f.num(analysis.abilities.reduce((n, a) => n + a.count, 0)),
          items: f.num(marks.length),
        })}
        data-testid="wright-map"
      >
        <text x={out < 0 ? 8 : WIDTH - 8} y={24} textAnchor={out < 0 ? 'start' : 'end'} className="fl-ia-wright__head">
          {t('itemAnalysis.wright.officers')}
        </text>
        <text x={out < 0 ? WIDTH - 8 : 8} y={24} textAnchor={out < 0 ? 'end' : 'start'} className="fl-ia-wright__head">
          {t('itemAnalysis.wright.items')}
        </text>
        {scale.ticks.map((tick) => (
          <g key={tick}>
            <line x1={8} x2={WIDTH - 8} y1={y(tick)} y2={y(tick)} className="fl-ia-wright__grid" />
            <text x={axisX} y={y(tick) - 3} textAnchor="middle" className="fl-ia-wright__tick">
              {tick > 0 ? `+${tick}` : tick}
            </text>
          </g>
        ))}
        <line x1={axisX} x2={axisX} y1={PAD - 6} y2={height - PAD + 6} className="fl-ia-wright__axis" />
        {analysis.abilities.map((a) => {
          const length = (a.count / maxCount) * BAR_MAX;
          const x = out < 0 ? axisX - GAP / 2 - length : axisX + GAP / 2;
          return (
            <rect
              key={a.ability}
              x={x}
              y={y(a.ability + 0.125)}
              width={Math.max(length, 1.5)}
              height={UNIT / 4 - 1}
              className="fl-ia-wright__bar"
              data-testid="ability-bar"
            >
              <title>
                {t('itemAnalysis.wright.bar', { count: a.count, n: f.num(a.count), logit: f.dec(a.ability) })}
              </title>
            </rect>
          );
        })}
        {placed.map((m) => (
          <g key={m.position} data-testid="item-mark" className={m.extreme ? 'fl-ia-wright__mark--extreme' : undefined}>
            <rect x={m.x} y={y(m.logit) - 9 + m.dy} width={MARK} height={18} rx={4} className="fl-ia-wright__mark" />
            <text x={m.x + MARK / 2} y={y(m.logit) + 4 + m.dy} textAnchor="middle" className="fl-ia-wright__mark-text">
              {m.position}
            </text>
            <title>{`${m.position}. ${m.title}`}</title>
          </g>
        ))}
        <text x={axisX} y={height - 6} textAnchor="middle" className="fl-ia-wright__tick">
          {t('itemAnalysis.wright.logits')}
        </text>
      </svg>
      <figcaption className="fl-ia-wright__caption">
        <span>{t('itemAnalysis.wright.read')}</span>
        {(allRight > 0 || allWrong > 0) && (
          <span> {t('itemAnalysis.wright.extremes', { right: f.num(allRight), wrong: f.num(allWrong) })}</span>
        )}
      </figcaption>
    </figure>
  );
}

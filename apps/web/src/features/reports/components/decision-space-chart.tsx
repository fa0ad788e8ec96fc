// The decision-space chart (loaded lazily with recharts): each officer a dot at (false-alarm rate, hit rate), iso-d′
// curves for d′ = 0–3 behind them, the diagonal (d′ = 0) being chance. Up and to the left is skill; along a curve,
// further right means referring more readily. Officers with too few decisions are hollow grey dots. A dot shows the
// officer's name on hover and on keyboard focus, and opens their profile on click or Enter.
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ComposedChart, Line, ReferenceDot, Scatter, XAxis, YAxis, CartesianGrid } from 'recharts';
import { useFigureFormat } from '../hooks/use-figure-format';
import { ISO_SENSITIVITY_LEVELS, isoSensitivityCurve, noBiasPoint } from '../lib/iso-sensitivity';

export interface OfficerDot {
  userId: string;
  name: string;
  f: number;
  h: number;
  dPrime: number | null;
  tooFew: boolean;
}

const CURVES = ISO_SENSITIVITY_LEVELS.map((d) => ({ d, points: isoSensitivityCurve(d) }));
const TICKS = [0, 0.25, 0.5, 0.75, 1];

interface DotProps {
  cx?: number;
  cy?: number;
  payload?: OfficerDot;
}

function Dot({
  cx,
  cy,
  payload,
  onOpen,
  describe,
}: DotProps & { onOpen: (userId: string) => void; describe: (dot: OfficerDot) => string }) {
  const [shown, setShown] = useState(false);
  if (cx === undefined || cy === undefined || !payload) return null;
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onOpen(payload.userId);
    }
  };
  return (
    <g
      className={`fl-ds-dot${payload.tooFew ? ' fl-ds-dot--too-few' : ''}${shown ? ' fl-ds-dot--shown' : ''}`}
      role="link"
      tabIndex={0}
      aria-label={describe(payload)}
      data-testid="decision-dot"
      onClick={() => onOpen(payload.userId)}
      onKeyDown={onKeyDown}
      onMouseEnter={() => setShown(true)}
      onMouseLeave={() => setShown(false)}
      onFocus={() => setShown(true)}
      onBlur={() => setShown(false)}
    >
      <circle cx={cx} cy={cy} r={12} className="fl-ds-dot__hit" />
      <circle cx={cx} cy={cy} r={6} className="fl-ds-dot__mark" />
      {shown && (
        <text x={cx + 10} y={cy - 10} className="fl-ds-dot__label">
          {payload.name}
        </text>
      )}
    </g>
  );
}

export default function DecisionSpaceChart({
  dots,
  onOpen,
  title,
}: {
  dots: OfficerDot[];
  onOpen: (userId: string) => void;
  title: string;
}) {
  const { t } = useTranslation();
  const f = useFigureFormat();
  const describe = (dot: OfficerDot) =>
    t('reports.chart.dotLabel', {
      name: dot.name,
      hitRate: f.pct(dot.h),
      falseAlarmRate: f.pct(dot.f),
      dPrime: f.dec(dot.dPrime),
    }) + (dot.tooFew ? ` (${t('reports.tooFew')})` : '');
  return (
    // A mathematical plot: it keeps its orientation in Urdu (the axis titles are translated).
    <div className="fl-ds-chart" dir="ltr">
      <ComposedChart
        responsive
        style={{ width: '100%', maxWidth: 560, aspectRatio: 1 }}
        margin={{ top: 12, right: 20, bottom: 36, left: 24 }}
        title={title}
        desc={t('reports.chart.desc')}
        role="group"
        accessibilityLayer={false}
      >
        <CartesianGrid strokeDasharray="2 4" />
        <XAxis
          type="number"
          dataKey="f"
          domain={[0, 1]}
          ticks={TICKS}
          tickFormatter={(v: number) => f.pct(v)}
          allowDataOverflow
          label={{
            value: t('reports.chart.xAxis'),
            position: 'insideBottom',
            offset: -24,
            className: 'fl-ds-axis-title',
          }}
        />
        <YAxis
          type="number"
          dataKey="h"
          domain={[0, 1]}
          ticks={TICKS}
          tickFormatter={(v: number) => f.pct(v)}
          allowDataOverflow
          width={52}
          label={{
            value: t('reports.chart.yAxis'),
            angle: -90,
            position: 'insideLeft',
            offset: -12,
            className: 'fl-ds-axis-title',
            style: { textAnchor: 'middle' },
          }}
        />
        {CURVES.map(({ d, points }) => (
          <Line
            key={d}
            data={points}
            dataKey="h"
            type="linear"
            dot={false}
            activeDot={false}
            isAnimationActive={false}
            className={d === 0 ? 'fl-ds-chance' : 'fl-ds-iso'}
            stroke={d === 0 ? '#6f7c8c' : '#9fb3c8'}
            strokeDasharray={d === 0 ? '6 4' : undefined}
            strokeWidth={d === 0 ? 1.5 : 1.25}
          />
        ))}
        {CURVES.filter(({ d }) => d > 0).map(({ d }) => {
          // Labelled where the curve crosses the line of no bias (H = 1 − F), so the labels never collide.
          const at = noBiasPoint(d);
          return (
            <ReferenceDot
              key={d}
              x={at.f}
              y={at.h}
              r={0}
              ifOverflow="visible"
              label={{ value: `d′ = ${f.num(d)}`, position: 'right', className: 'fl-ds-iso-label' }}
            />
          );
        })}
        <ReferenceDot
          x={0.62}
          y={0.55}
          r={0}
          label={{ value: t('reports.chart.chance'), position: 'right', className: 'fl-ds-iso-label' }}
        />
        <Scatter
          data={dots}
          isAnimationActive={false}
          shape={(props: DotProps) => <Dot {...props} onOpen={onOpen} describe={describe} />}
        />
      </ComposedChart>
    </div>
  );
}

// Weekly lines (loaded lazily with recharts): accuracy, d′ and mean decision time, the cohort's line and, when one
// is picked, an officer's beside it. Time runs in the reading direction (right to left in Urdu), the value axis on
// the side where the lines begin. Each chart is an image with a title; the numbers are in the table beside it.
import { useTranslation } from 'react-i18next';
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { useFigureFormat } from '../hooks/use-figure-format';
import type { TrendRow } from '../lib/trend-rows';

type Measure = 'accuracy' | 'dPrime' | 'seconds';

/** Whole steps on the value axis: accuracy 0–100 %, d′ from 0 (or below) in whole units, seconds from 0. */
const DOMAINS: Record<Measure, [AxisBound, AxisBound]> = {
  accuracy: [0, 1],
  dPrime: [(min: number) => Math.min(0, Math.floor(min)), (max: number) => Math.max(1, Math.ceil(max))],
  seconds: [0, (max: number) => Math.max(1, Math.ceil(max))],
};
type AxisBound = number | ((value: number) => number);

const MEASURES: { measure: Measure; titleKey: string }[] = [
  { measure: 'accuracy', titleKey: 'reports.trends.accuracy' },
  { measure: 'dPrime', titleKey: 'reports.trends.dPrime' },
  { measure: 'seconds', titleKey: 'reports.trends.time' },
];

export default function TrendCharts({
  rows,
  cohortName,
  officerName,
  measures = ['accuracy', 'dPrime', 'seconds'],
}: {
  rows: TrendRow[];
  cohortName: string;
  officerName: string | null;
  measures?: Measure[];
}) {
  const { t } = useTranslation();
  const f = useFigureFormat();
  const format = (measure: Measure, v: number) =>
    measure === 'accuracy' ? f.pct(v) : measure === 'dPrime' ? f.dec(v, 1) : f.secs(v * 1000);
  const tick = (measure: Measure, v: number) =>
    measure === 'accuracy' ? f.pct(v) : measure === 'dPrime' ? f.dec(v, Number.isInteger(v) ? 0 : 2) : f.num(v);
  return (
    <div className="fl-trend-charts">
      {MEASURES.filter((m) => measures.includes(m.measure)).map(({ measure, titleKey }) => {
        const title = t(titleKey);
        return (
          <figure key={measure} className="fl-trend-chart">
            <figcaption className="fl-trend-chart__title">{title}</figcaption>
            {/* The axes are mirrored by hand (reversed, orientation); an rtl SVG would flip text anchors too. */}
            <div dir="ltr">
              <LineChart
                responsive
                style={{ width: '100%', height: 220 }}
                data={rows}
                margin={{ top: 8, right: 16, bottom: 4, left: 8 }}
                title={t('reports.trends.chartLabel', { measure: title, weeks: rows.length })}
                role="img"
                accessibilityLayer={false}
              >
                <CartesianGrid strokeDasharray="2 4" vertical={false} />
                <XAxis
                  dataKey="weekStart"
                  reversed={f.rtl}
                  tickFormatter={(v: string) => f.shortDate(v)}
                  minTickGap={16}
                />
                <YAxis
                  orientation={f.rtl ? 'right' : 'left'}
                  width={56}
                  domain={DOMAINS[measure]}
                  allowDecimals={measure !== 'seconds'}
                  tickFormatter={(v: number) => tick(measure, v)}
                />
                <Tooltip
                  labelFormatter={(v) => t('reports.trends.weekOf', { date: f.date(String(v)) })}
                  formatter={(v) => (typeof v === 'number' ? format(measure, v) : String(v ?? '—'))}
                />
                <Legend />
                <Line
                  name={cohortName}
                  dataKey={`cohort.${measure}`}
                  stroke="#1a4f8b"
                  strokeWidth={2.5}
                  dot={{ r: 3 }}
                  connectNulls
                  isAnimationActive={false}
                />
                {officerName && (
                  <Line
                    name={officerName}
                    dataKey={`officer.${measure}`}
                    stroke="#b45309"
                    strokeWidth={2.5}
                    strokeDasharray="6 3"
                    dot={{ r: 4 }}
                    connectNulls
                    isAnimationActive={false}
                  />
                )}
              </LineChart>
            </div>
          </figure>
        );
      })}
    </div>
  );
}

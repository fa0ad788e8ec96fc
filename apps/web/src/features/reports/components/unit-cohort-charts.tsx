// A unit's cohorts side by side (loaded lazily with recharts): small multiples of d′, missed-forgery rate and
// needless-referral rate, one bar per cohort. Bars grow in the reading direction (leftwards in Urdu). Each chart is
// an image with a title; the numbers are in the cohorts table below them.
import type { UnitReport } from '@firstline/contracts';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, LabelList, XAxis, YAxis } from 'recharts';
import { useFigureFormat } from '../hooks/use-figure-format';

type Cohort = UnitReport['cohorts'][number];
type Measure = 'dPrime' | 'missedForgeryRate' | 'needlessReferralRate';

const MEASURES: { measure: Measure; titleKey: string; colour: string }[] = [
  { measure: 'dPrime', titleKey: 'reports.table.dPrime', colour: '#1a4f8b' },
  { measure: 'missedForgeryRate', titleKey: 'reports.figures.missedForgeryRate', colour: '#b42318' },
  { measure: 'needlessReferralRate', titleKey: 'reports.figures.needlessReferralRate', colour: '#8a5300' },
];

export default function UnitCohortCharts({ cohorts }: { cohorts: Cohort[] }) {
  const { t } = useTranslation();
  const f = useFigureFormat();
  const height = 56 + cohorts.length * 40;
  const format = (measure: Measure, v: number | null) => (measure === 'dPrime' ? f.dec(v) : f.pct(v));
  return (
    <div className="fl-small-multiples">
      {MEASURES.map(({ measure, titleKey, colour }) => {
        const title = t(titleKey);
        const values = cohorts.map((c) => c.dPrime ?? 0);
        // d′: whole units from 0 (or below, for a cohort that does worse than chance) to at least 3; rates: 0–100 %.
        const [lo, hi] =
          measure === 'dPrime'
            ? [Math.min(0, Math.floor(Math.min(...values))), Math.max(3, Math.ceil(Math.max(...values)))]
            : [0, 1];
        const ticks = measure === 'dPrime' ? Array.from({ length: hi - lo + 1 }, (_, i) => lo + i) : [0, 0.5, 1];
        return (
          <figure key={measure} className="fl-small-multiple">
            <figcaption className="fl-trend-chart__title">{title}</figcaption>
            {/* The axes are mirrored by hand (reversed, orientation); an rtl SVG would flip text anchors too. */}
            <div dir="ltr">
              <BarChart
                responsive
                layout="vertical"
                style={{ width: '100%', height }}
                data={cohorts}
                margin={{ top: 4, right: 44, bottom: 4, left: 4 }}
                title={t('reports.unit.chartLabel', { measure: title, count: cohorts.length })}
                role="img"
                accessibilityLayer={false}
              >
                <CartesianGrid strokeDasharray="2 4" horizontal={false} />
                <XAxis
                  type="number"
                  domain={[lo, hi]}
                  reversed={f.rtl}
                  ticks={ticks}
                  tickFormatter={(v: number) => (measure === 'dPrime' ? f.num(v) : f.pct(v))}
                />
                <YAxis type="category" dataKey="name" width={110} orientation={f.rtl ? 'right' : 'left'} />
                <Bar dataKey={measure} fill={colour} isAnimationActive={false} maxBarSize={22} minPointSize={2}>
                  <LabelList
                    dataKey={measure}
                    position="right"
                    className="fl-bar-label"
                    formatter={(v) => format(measure, typeof v === 'number' ? v : null)}
                  />
                </Bar>
              </BarChart>
            </div>
          </figure>
        );
      })}
    </div>
  );
}

// Scores over time: a small hand-drawn SVG line chart (no chart library), with the same data as a table.
import type { MyProgress } from '@firstline/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Badge, EmptyState, ChartIcon, Table } from '@/components/ui';
import { paths } from '@/config/paths';
import { formatDate, formatNumber } from '@/lib/format';
import { currentLanguage } from '@/lib/i18n';

type Point = MyProgress['attempts'][number];

const W = 720;
const H = 260;
const PAD = { top: 16, right: 32, bottom: 36, left: 44 };

export function chronological(attempts: Point[]): Point[] {
  return [...attempts].sort((a, b) => Date.parse(a.finishedAt) - Date.parse(b.finishedAt));
}

export function ProgressChart({ attempts }: { attempts: Point[] }) {
  const { t, i18n } = useTranslation();
  const lng = currentLanguage();
  if (attempts.length === 0)
    return (
      <EmptyState
        icon={<ChartIcon size={32} />}
        title={t('progress.emptyTitle')}
        description={t('progress.emptyText')}
      />
    );
  const points = chronological(attempts);
  // Time runs in the reading direction: left to right in English, right to left in Urdu, with the score axis at
  // the side where the lines begin.
  const rtl = i18n.dir(lng) === 'rtl';
  const mirror = (px: number) => (rtl ? W - px : px);
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  const x = (i: number) => mirror(PAD.left + (points.length === 1 ? innerW / 2 : (i / (points.length - 1)) * innerW));
  const y = (score: number) => PAD.top + (1 - Math.max(0, Math.min(100, score)) / 100) * innerH;
  const labelEvery = Math.max(1, Math.ceil(points.length / 8));
  return (
    <figure className="fl-chart" dir="ltr">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={t('progress.chartLabel', { count: points.length })}
        data-testid="progress-chart"
      >
        {[0, 25, 50, 75, 100].map((v) => (
          <g key={v}>
            <line className="fl-chart__grid" x1={mirror(PAD.left)} x2={mirror(W - PAD.right)} y1={y(v)} y2={y(v)} />
            <text className="fl-chart__axis" x={mirror(PAD.left - 8)} y={y(v) + 4} textAnchor={rtl ? 'start' : 'end'}>
              {v}%
            </text>
          </g>
        ))}
        <polyline
          className="fl-chart__line"
          fill="none"
          points={points.map((p, i) => `${x(i)},${y(p.score)}`).join(' ')}
        />
        {points.map((p, i) => (
          <g key={p.attemptId}>
            <circle
              className={p.passed ? 'fl-chart__dot fl-chart__dot--pass' : 'fl-chart__dot fl-chart__dot--fail'}
              cx={x(i)}
              cy={y(p.score)}
              r={5}
            >
              <title>{`${p.moduleTitle} · ${formatDate(p.finishedAt, lng)} · ${Math.round(p.score)}%`}</title>
            </circle>
            {i % labelEvery === 0 && (
              <text className="fl-chart__axis" x={x(i)} y={H - 12} textAnchor="middle">
                {formatDate(p.finishedAt, 'en').replace(/ \d{4}$/, '')}
              </text>
            )}
          </g>
        ))}
      </svg>
      <figcaption className="fl-chart__legend">
        <span className="fl-chart__key fl-chart__key--pass" /> {t('results.passed')}
        <span className="fl-chart__key fl-chart__key--fail" /> {t('results.failed')}
      </figcaption>
    </figure>
  );
}

export function ProgressTable({ attempts }: { attempts: Point[] }) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const rows = chronological(attempts).reverse();
  if (rows.length === 0) return <p>{t('progress.emptyText')}</p>;
  return (
    <Table
      caption={t('progress.tableTitle')}
      rows={rows}
      rowKey={(r) => r.attemptId}
      columns={[
        { key: 'date', header: t('progress.finished'), cell: (r) => formatDate(r.finishedAt, lng) },
        { key: 'module', header: t('progress.module'), cell: (r) => r.moduleTitle },
        { key: 'mode', header: t('progress.mode'), cell: (r) => t(`training.mode.${r.mode}`) },
        {
          key: 'score',
          header: t('results.score'),
          align: 'end',
          cell: (r) => <span dir="ltr">{formatNumber(Math.round(r.score), lng)}%</span>,
        },
        {
          key: 'passed',
          header: t('results.outcome'),
          cell: (r) => (
            <Badge tone={r.passed ? 'green' : 'red'}>{r.passed ? t('results.passed') : t('results.failed')}</Badge>
          ),
        },
        {
          key: 'open',
          header: t('common.actions'),
          cell: (r) => <Link to={paths.app.results.getHref(r.attemptId)}>{t('progress.openResults')}</Link>,
        },
      ]}
    />
  );
}

// One officer's figures as cards (decisions, errors at the desk, d′ and c, time, detail accuracy, scores) and the
// standing in each module assigned to them.
import type { ModuleStanding, OfficerCompetence } from '@firstline/contracts';
import { useTranslation } from 'react-i18next';
import { Badge, Table, type BadgeTone } from '@/components/ui';
import { useFigureFormat } from '../hooks/use-figure-format';
import { FigureCard } from './summary-cards';

const STANDING_TONE: Record<ModuleStanding, BadgeTone> = {
  passed: 'green',
  failed: 'red',
  'in-progress': 'blue',
  'not-started': 'amber',
  overdue: 'red',
};

export function StandingBadge({ standing }: { standing: ModuleStanding }) {
  const { t } = useTranslation();
  return <Badge tone={STANDING_TONE[standing]}>{t(`reports.standing.${standing}`)}</Badge>;
}

export function OfficerFigures({ competence: c }: { competence: OfficerCompetence }) {
  const { t } = useTranslation();
  const f = useFigureFormat();
  const bias =
    c.criterion === null
      ? undefined
      : c.criterion <= -0.25
        ? t('reports.table.refersReadily')
        : c.criterion >= 0.25
          ? t('reports.table.acceptsReadily')
          : t('reports.figures.balanced');
  return (
    <dl className="fl-stats fl-figures fl-figures--officer" data-testid="officer-figures">
      <FigureCard
        label={t('reports.table.decisions')}
        value={f.num(c.decisions)}
        detail={t('reports.figures.attempts', { count: c.attempts, n: f.num(c.attempts) })}
      />
      <FigureCard
        label={t('reports.figures.missedForgeryRate')}
        value={f.pct(c.missedForgeryRate)}
        detail={t('reports.figures.missedOf', { count: c.misses, n: f.num(c.misses), total: f.num(c.hits + c.misses) })}
      />
      <FigureCard
        label={t('reports.figures.needlessReferralRate')}
        value={f.pct(c.needlessReferralRate)}
        detail={t('reports.figures.referredOf', {
          count: c.falseAlarms,
          n: f.num(c.falseAlarms),
          total: f.num(c.falseAlarms + c.correctRejections),
        })}
      />
      <FigureCard
        label={t('reports.table.dPrime')}
        value={f.dec(c.dPrime)}
        detail={t('reports.figures.hitFalseAlarm', { hit: f.pct(c.hitRate), fa: f.pct(c.falseAlarmRate) })}
      />
      <FigureCard label={t('reports.table.criterion')} value={f.dec(c.criterion)} detail={bias} />
      <FigureCard
        label={t('reports.table.decisionTime')}
        value={f.secs(c.meanDecisionMs)}
        detail={t('reports.figures.median', { value: f.secs(c.medianDecisionMs) })}
      />
      <FigureCard label={t('reports.table.locate')} value={f.pct(c.locateAccuracy)} />
      <FigureCard label={t('reports.table.fraudType')} value={f.pct(c.fraudTypeAccuracy)} />
      <FigureCard
        label={t('reports.figures.bestScore')}
        value={f.score(c.bestScore)}
        detail={t('reports.figures.latestScore', {
          score: f.score(c.latestScore),
          date: f.date(c.lastActivityAt),
        })}
      />
    </dl>
  );
}

export function ModuleStandings({ competence }: { competence: OfficerCompetence }) {
  const { t } = useTranslation();
  const f = useFigureFormat();
  if (competence.modules.length === 0) return <p className="fl-muted">{t('reports.officer.noModules')}</p>;
  return (
    <Table
      caption={t('reports.officer.modulesTitle')}
      rows={competence.modules}
      rowKey={(m) => m.assignmentId}
      columns={[
        { key: 'title', header: t('progress.module'), cell: (m) => m.title },
        { key: 'mode', header: t('progress.mode'), cell: (m) => t(`training.mode.${m.mode}`) },
        { key: 'closes', header: t('reports.officer.closes'), cell: (m) => f.date(m.closesAt) },
        {
          key: 'standing',
          header: t('reports.officer.standing'),
          cell: (m) => <StandingBadge standing={m.standing} />,
        },
        {
          key: 'attempts',
          header: t('reports.officer.attempts'),
          align: 'end',
          cell: (m) => <span className="fl-num">{f.num(m.attempts)}</span>,
        },
        {
          key: 'best',
          header: t('reports.table.best'),
          align: 'end',
          cell: (m) => <span className="fl-num">{f.score(m.bestScore)}</span>,
        },
      ]}
    />
  );
}

// An officer's attempts, newest first, each opening that attempt's review.
import type { OfficerAttempt } from '@firstline/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Badge, Table } from '@/components/ui';
import { paths } from '@/config/paths';
import { useFigureFormat } from '../hooks/use-figure-format';

export function OfficerAttempts({ attempts, userId }: { attempts: readonly OfficerAttempt[]; userId: string }) {
  const { t } = useTranslation();
  const f = useFigureFormat();
  if (attempts.length === 0) return <p className="fl-muted">{t('reports.officer.noAttempts')}</p>;
  const rows = [...attempts].sort((a, b) => b.startedAt.localeCompare(a.startedAt));
  return (
    <Table
      caption={t('reports.officer.attemptsTitle')}
      rows={rows}
      rowKey={(a) => a.attemptId}
      columns={[
        { key: 'module', header: t('progress.module'), cell: (a) => a.moduleTitle },
        { key: 'mode', header: t('progress.mode'), cell: (a) => t(`training.mode.${a.mode}`) },
        { key: 'started', header: t('reports.officer.started'), cell: (a) => f.dateTime(a.startedAt) },
        {
          key: 'finished',
          header: t('progress.finished'),
          cell: (a) => (a.finishedAt ? f.dateTime(a.finishedAt) : t('reports.standing.in-progress')),
        },
        {
          key: 'score',
          header: t('results.score'),
          align: 'end',
          cell: (a) => <span className="fl-num">{f.score(a.score)}</span>,
        },
        {
          key: 'outcome',
          header: t('results.outcome'),
          cell: (a) =>
            a.passed === null ? (
              <span className="fl-muted">—</span>
            ) : (
              <Badge tone={a.passed ? 'green' : 'red'}>{a.passed ? t('results.passed') : t('results.failed')}</Badge>
            ),
        },
        {
          key: 'review',
          header: t('common.actions'),
          cell: (a) =>
            a.status === 'finished' ? (
              <Link to={`${paths.app.attemptReview.getHref(a.attemptId)}?officer=${userId}`}>
                {t('reports.items.openReview')}
              </Link>
            ) : (
              <span className="fl-muted">—</span>
            ),
        },
      ]}
    />
  );
}

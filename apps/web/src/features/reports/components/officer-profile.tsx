// One officer's profile: figures, module standings, weak spots, breakdown per dimension, weekly trend and attempts
// (each opening its review), with the attempts CSV and the PDF transcript.
import './reports.css';
import type { OfficerReport } from '@firstline/contracts';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Banner, Card, EmptyState, LoadingBlock, PageHeader, QueryError, UsersIcon } from '@/components/ui';
import { isStatus } from '@/lib/errors';
import { currentLanguage } from '@/lib/i18n';
import { useOfficerReport } from '../api/get-officer-report';
import { useReportFilters } from '../hooks/use-report-filters';
import { exportPaths } from '../lib/export-paths';
import { filterParams } from '../lib/report-filters';
import { trendRows } from '../lib/trend-rows';
import { Breakdown, WeakSpots } from './breakdown';
import { ExportButton } from './export-button';
import { TrendCharts } from './lazy-charts';
import { OfficerAttempts } from './officer-attempts';
import { ModuleStandings, OfficerFigures } from './officer-figures';
import { ReportFilterBar } from './report-filter-bar';
import { TrendTable } from './trend-table';

function moduleOptions(report: OfficerReport | undefined) {
  const seen = new Map<string, string>();
  for (const m of report?.competence.modules ?? []) seen.set(m.moduleId, m.title);
  for (const a of report?.attempts ?? []) seen.set(a.moduleId, a.moduleTitle);
  return [...seen].map(([value, label]) => ({ value, label }));
}

function Weeks({ report }: { report: OfficerReport }) {
  const { t } = useTranslation();
  if (report.weeks.length === 0) return <p className="fl-muted">{t('reports.trends.emptyText')}</p>;
  const rows = trendRows(report.weeks);
  const name = report.officer.name;
  return (
    <>
      <Suspense fallback={<LoadingBlock />}>
        <TrendCharts rows={rows} cohortName={name} officerName={null} />
      </Suspense>
      <details className="fl-details">
        <summary>{t('reports.trends.showTable')}</summary>
        <TrendTable
          rows={rows}
          caption={t('reports.trends.tableCaption', { name })}
          cohortName={name}
          officerName={null}
        />
      </details>
    </>
  );
}

export function OfficerProfile({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const { filters, applied } = useReportFilters();
  const report = useOfficerReport(userId, applied);
  if (report.isPending && applied) return <LoadingBlock />;
  if (report.isError && [403, 404].some((s) => isStatus(report.error, s))) {
    return (
      <EmptyState
        icon={<UsersIcon size={32} />}
        title={t('reports.notFoundTitle')}
        description={t('reports.notFoundText')}
      />
    );
  }
  const data = report.data;
  const params = filterParams(filters);
  return (
    <>
      <PageHeader
        eyebrow={t('reports.officer.eyebrow')}
        title={data?.officer.name ?? t('reports.officer.eyebrow')}
        description={data && <span dir="ltr">{data.officer.username}</span>}
        actions={
          <>
            <ExportButton
              path={exportPaths.officerAttemptsCsv(userId)}
              params={params}
              fallbackName="attempts.csv"
              label={t('reports.export.attemptsCsv')}
            />
            <ExportButton
              path={exportPaths.officerTranscriptPdf(userId)}
              params={{ ...params, lang: currentLanguage() }}
              fallbackName="transcript.pdf"
              label={t('reports.export.transcriptPdf')}
            />
          </>
        }
      />
      <ReportFilterBar modules={moduleOptions(data)} />
      {report.isError ? (
        <QueryError error={report.error} onRetry={() => report.refetch()} />
      ) : !data ? null : (
        <>
          {data.competence.tooFewDecisions && (
            <Banner tone="warning" title={t('reports.tooFew')}>
              {t('reports.officer.tooFewText', { count: data.competence.decisions, min: data.minDecisions })}
            </Banner>
          )}
          <OfficerFigures competence={data.competence} />
          <Card title={t('reports.officer.weakSpotsTitle')} description={t('reports.officer.weakSpotsLead')}>
            <WeakSpots spots={data.weakSpots} />
          </Card>
          <Card title={t('reports.officer.modulesTitle')}>
            <ModuleStandings competence={data.competence} />
          </Card>
          <Card title={t('reports.officer.breakdownTitle')} description={t('reports.officer.breakdownLead')}>
            <Breakdown breakdown={data.breakdown} />
          </Card>
          <Card title={t('reports.officer.weeksTitle')}>
            <Weeks report={data} />
          </Card>
          <Card title={t('reports.officer.attemptsTitle')}>
            <OfficerAttempts attempts={data.attempts} userId={userId} />
          </Card>
        </>
      )}
    </>
  );
}

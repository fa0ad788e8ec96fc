// The cohort dashboard: filters, the four summary figures, then three tabs — officers (decision-space chart and the
// sortable table), weak spots (heatmap) and trends — with an export for each table and the PDF cohort report.
import './reports.css';
import { HEATMAP_DIMENSIONS, type CohortOfficersReport, type HeatmapDimension } from '@firstline/contracts';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { BuildingIcon, Card, EmptyState, GroupIcon, LoadingBlock, PageHeader, QueryError } from '@/components/ui';
import { paths } from '@/config/paths';
import { isStatus } from '@/lib/errors';
import { currentLanguage } from '@/lib/i18n';
import { useCohortOfficers } from '../api/get-cohort-officers';
import { useReportFilters, useSearchParam } from '../hooks/use-report-filters';
import { exportPaths } from '../lib/export-paths';
import { cohortReadiness } from '../lib/readiness';
import { filterParams, filterSearch, type ReportFilters } from '../lib/report-filters';
import { DecisionSpace } from './decision-space';
import { isDimension } from './dimension-switch';
import { ExportButton } from './export-button';
import { OfficersTable } from './officers-table';
import { ReportFilterBar, type FilterOption } from './report-filter-bar';
import { ReportTabs } from './report-tabs';
import { SdtLegend } from './sdt-legend';
import { CohortSummaryCards } from './summary-cards';
import { TrendsPanel } from './trends-panel';
import { WeakSpotHeatmap } from './weak-spot-heatmap';

const VIEWS = ['officers', 'heatmap', 'trends'] as const;
type View = (typeof VIEWS)[number];

/** Link to an officer's profile carrying the dashboard's filters and the cohort. */
export function officerHref(userId: string, filters: ReportFilters, cohortId: string) {
  return `${paths.app.reportOfficer.getHref(userId)}${filterSearch({ ...filters, cohortId })}`;
}

function OfficersView({ report, filters }: { report: CohortOfficersReport; filters: ReportFilters }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const cohortId = report.cohort.id;
  if (report.officers.length === 0) {
    return (
      <EmptyState
        icon={<GroupIcon size={28} />}
        title={t('reports.noOfficersTitle')}
        description={t('reports.noOfficersText')}
      />
    );
  }
  return (
    <div className="fl-stack">
      <div className="fl-grid--report">
        <Card title={t('reports.chart.title')} description={t('reports.chart.lead')} headingLevel={3}>
          <DecisionSpace officers={report.officers} onOpen={(id) => navigate(officerHref(id, filters, cohortId))} />
        </Card>
        <SdtLegend minDecisions={report.minDecisions} />
      </div>
      <Card
        title={t('reports.table.title')}
        description={t('reports.table.lead', { count: report.minDecisions })}
        headingLevel={3}
        actions={
          <ExportButton
            path={exportPaths.cohortOfficersCsv(cohortId)}
            params={filterParams(filters)}
            fallbackName="officers.csv"
            label={t('reports.export.csv')}
          />
        }
      >
        <OfficersTable
          officers={report.officers}
          caption={t('reports.table.caption', { name: report.cohort.name })}
          hrefFor={(o) => officerHref(o.userId, filters, cohortId)}
        />
      </Card>
    </div>
  );
}

export function CohortDashboard({ cohortId, modules }: { cohortId: string; modules: readonly FilterOption[] }) {
  const { t } = useTranslation();
  const { filters, applied } = useReportFilters();
  const [viewParam, setView] = useSearchParam('view');
  const [byParam, setBy] = useSearchParam('by');
  const [officerParam, setOfficer] = useSearchParam('officer');
  const view: View = (VIEWS as readonly string[]).includes(viewParam ?? '') ? (viewParam as View) : 'officers';
  const by: HeatmapDimension = isDimension(byParam) ? byParam : HEATMAP_DIMENSIONS[0];
  const report = useCohortOfficers(cohortId, applied);

  if (report.isPending && applied) return <LoadingBlock />;
  if (report.isError && [403, 404].some((s) => isStatus(report.error, s))) {
    return (
      <EmptyState
        icon={<GroupIcon size={32} />}
        title={t('reports.notFoundTitle')}
        description={t('reports.notFoundText')}
      />
    );
  }
  const data = report.data;
  const params = filterParams(filters);
  const tabs = [
    { key: 'officers' as const, label: t('reports.tabs.officers') },
    { key: 'heatmap' as const, label: t('reports.tabs.heatmap') },
    { key: 'trends' as const, label: t('reports.tabs.trends') },
  ];
  const tabExport =
    view === 'heatmap' ? (
      <ExportButton
        path={exportPaths.cohortHeatmapCsv(cohortId)}
        params={{ ...params, by }}
        fallbackName={`heatmap-${by}.csv`}
        label={t('reports.export.heatmapCsv')}
      />
    ) : view === 'trends' ? (
      <ExportButton
        path={exportPaths.cohortTrendsCsv(cohortId)}
        params={{ ...params, userId: officerParam }}
        fallbackName="trends.csv"
        label={t('reports.export.trendsCsv')}
      />
    ) : null;

  return (
    <>
      <PageHeader
        eyebrow={t('reports.cohortEyebrow')}
        title={data?.cohort.name ?? t('reports.cohortEyebrow')}
        description={
          data && (
            <span className="fl-inline-meta">
              <BuildingIcon size={18} />
              {data.cohort.unitName}
            </span>
          )
        }
        actions={
          <ExportButton
            path={exportPaths.cohortReportPdf(cohortId)}
            params={{ ...params, lang: currentLanguage() }}
            fallbackName="cohort-report.pdf"
            label={t('reports.export.cohortPdf')}
          />
        }
      />
      <ReportFilterBar modules={modules} />
      {report.isError ? (
        <QueryError error={report.error} onRetry={() => report.refetch()} />
      ) : data ? (
        <>
          <CohortSummaryCards
            figures={data.cohortFigures}
            readiness={cohortReadiness(data.officers)}
            notStarted={data.officers.filter((o) => o.notStarted > 0).length}
            overdue={data.officers.filter((o) => o.overdue > 0).length}
          />
          <ReportTabs
            tabs={tabs}
            current={view}
            onChange={(key) => setView(key === 'officers' ? null : key)}
            label={t('reports.tabs.label')}
          >
            {tabExport && <div className="fl-tabs__actions">{tabExport}</div>}
            {view === 'officers' && <OfficersView report={data} filters={filters} />}
            {view === 'heatmap' && (
              <WeakSpotHeatmap cohortId={cohortId} filters={applied} by={by} onByChange={(next) => setBy(next)} />
            )}
            {view === 'trends' && (
              <TrendsPanel
                cohortId={cohortId}
                filters={applied}
                officers={data.officers}
                officerId={officerParam}
                onOfficerChange={setOfficer}
              />
            )}
          </ReportTabs>
        </>
      ) : null}
    </>
  );
}

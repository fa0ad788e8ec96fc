// The unit roll-up: its cohorts side by side (small multiples and a table) and who is ready for the desk. The
// supervisor's landing page and the unit report route both show it.
import './reports.css';
import type { UnitReport } from '@firstline/contracts';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  BuildingIcon,
  Card,
  EmptyState,
  GroupIcon,
  LoadingBlock,
  PageHeader,
  QueryError,
  Table,
} from '@/components/ui';
import { paths } from '@/config/paths';
import { isStatus } from '@/lib/errors';
import { useUnitReport } from '../api/get-unit-report';
import { useFigureFormat } from '../hooks/use-figure-format';
import { useReportFilters } from '../hooks/use-report-filters';
import { exportPaths } from '../lib/export-paths';
import { filterParams, filterSearch, type ReportFilters } from '../lib/report-filters';
import { ExportButton } from './export-button';
import { UnitCohortCharts } from './lazy-charts';
import { ReadinessLists } from './readiness-lists';
import { ReportFilterBar, type FilterOption } from './report-filter-bar';

type Cohort = UnitReport['cohorts'][number];

function CohortsTable({ report, filters }: { report: UnitReport; filters: ReportFilters }) {
  const { t } = useTranslation();
  const f = useFigureFormat();
  // A cohort's dashboard is the cohort: the unit's cohort filter does not go along.
  const cohortFilters = { ...filters, cohortId: undefined };
  return (
    <Table<Cohort>
      className="fl-table-wrap--compact"
      caption={t('reports.unit.cohortsCaption', { name: report.unit.name })}
      rows={report.cohorts}
      rowKey={(c) => c.id}
      columns={[
        {
          key: 'name',
          header: t('reports.unit.cohort'),
          cell: (c) => (
            <Link
              className="fl-table__primary-link fl-nowrap"
              to={`${paths.app.reportCohort.getHref(c.id)}${filterSearch(cohortFilters)}`}
            >
              {c.name}
            </Link>
          ),
        },
        {
          key: 'officers',
          header: t('reports.unit.officers'),
          align: 'end',
          cell: (c) => <span className="fl-num">{f.num(c.officers)}</span>,
        },
        {
          key: 'decisions',
          header: t('reports.table.decisions'),
          align: 'end',
          cell: (c) => <span className="fl-num">{f.num(c.decisions)}</span>,
        },
        {
          key: 'dPrime',
          header: t('reports.table.dPrime'),
          align: 'end',
          cell: (c) => (
            <span className="fl-num" dir="ltr">
              {f.dec(c.dPrime)}
            </span>
          ),
        },
        {
          key: 'missed',
          header: t('reports.table.missedForgeries'),
          align: 'end',
          cell: (c) => <span className="fl-num">{f.pct(c.missedForgeryRate)}</span>,
        },
        {
          key: 'needless',
          header: t('reports.table.needlessReferrals'),
          align: 'end',
          cell: (c) => <span className="fl-num">{f.pct(c.needlessReferralRate)}</span>,
        },
        {
          key: 'passed',
          header: t('reports.unit.passedLatest'),
          align: 'end',
          cell: (c) => (
            <span className="fl-num" dir="ltr">
              {f.num(c.passedLatestAssessment)} / {f.num(c.officers)}
            </span>
          ),
        },
        {
          key: 'notStarted',
          header: t('reports.standing.not-started'),
          align: 'end',
          cell: (c) => <span className="fl-num">{f.num(c.notStarted)}</span>,
        },
        {
          key: 'overdue',
          header: t('reports.standing.overdue'),
          align: 'end',
          cell: (c) => <span className="fl-num">{f.num(c.overdue)}</span>,
        },
      ]}
    />
  );
}

export function UnitRollup({
  unitId,
  modules,
  eyebrow,
}: {
  unitId: string;
  modules: readonly FilterOption[];
  /** The page's eyebrow: "Unit report", or the supervisor's landing page's own. */
  eyebrow: string;
}) {
  const { t } = useTranslation();
  const { filters, applied } = useReportFilters();
  const report = useUnitReport(unitId, applied);
  if (report.isPending && applied) return <LoadingBlock />;
  if (report.isError && [403, 404].some((s) => isStatus(report.error, s))) {
    return (
      <EmptyState
        icon={<BuildingIcon size={32} />}
        title={t('reports.notFoundTitle')}
        description={t('reports.notFoundText')}
      />
    );
  }
  const data = report.data;
  const cohortOptions = (data?.cohorts ?? []).map((c) => ({ value: c.id, label: c.name }));
  return (
    <>
      <PageHeader
        eyebrow={eyebrow}
        title={data?.unit.name ?? eyebrow}
        description={t('reports.unit.lead')}
        actions={
          <ExportButton
            path={exportPaths.unitCsv(unitId)}
            params={filterParams(filters)}
            fallbackName="unit.csv"
            label={t('reports.export.csv')}
          />
        }
      />
      <ReportFilterBar modules={modules} cohorts={cohortOptions} />
      {report.isError ? (
        <QueryError error={report.error} onRetry={() => report.refetch()} />
      ) : !data ? null : data.cohorts.length === 0 ? (
        <Card>
          <EmptyState
            icon={<GroupIcon size={28} />}
            title={t('overview.noCohortsTitle')}
            description={t('overview.noCohortsText')}
          />
        </Card>
      ) : (
        <>
          <Card title={t('reports.unit.readinessTitle')} description={t('reports.unit.readinessLead')}>
            <ReadinessLists report={data} filters={filters} />
          </Card>
          <Card title={t('reports.unit.cohortsTitle')} description={t('reports.unit.cohortsLead')}>
            <Suspense fallback={<LoadingBlock />}>
              <UnitCohortCharts cohorts={data.cohorts} />
            </Suspense>
            <CohortsTable report={data} filters={filters} />
          </Card>
        </>
      )}
    </>
  );
}

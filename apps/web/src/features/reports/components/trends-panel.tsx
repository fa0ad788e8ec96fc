// Trends on the cohort dashboard: weekly cohort accuracy, d′ and decision time, with one officer's line to overlay.
import type { OfficerCompetence } from '@firstline/contracts';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { ChartIcon, EmptyState, FilterSelect, LoadingBlock, QueryError } from '@/components/ui';
import { useCohortTrends } from '../api/get-cohort-trends';
import type { ReportFilters } from '../lib/report-filters';
import { trendRows } from '../lib/trend-rows';
import { TrendCharts } from './lazy-charts';
import { TrendTable } from './trend-table';

export function TrendsPanel({
  cohortId,
  filters,
  officers,
  officerId,
  onOfficerChange,
}: {
  cohortId: string;
  filters: ReportFilters | null;
  officers: readonly OfficerCompetence[];
  officerId: string | null;
  onOfficerChange: (userId: string | null) => void;
}) {
  const { t } = useTranslation();
  const known = officerId && officers.some((o) => o.userId === officerId) ? officerId : null;
  const trends = useCohortTrends(cohortId, known, filters);
  const body = (() => {
    if (trends.isPending) return <LoadingBlock />;
    if (trends.isError) return <QueryError error={trends.error} onRetry={() => trends.refetch()} />;
    const { cohort, cohortWeeks, officer } = trends.data;
    if (cohortWeeks.length === 0)
      return (
        <EmptyState
          icon={<ChartIcon size={28} />}
          title={t('reports.trends.emptyTitle')}
          description={t('reports.trends.emptyText')}
        />
      );
    const rows = trendRows(cohortWeeks, officer?.weeks);
    const officerName = officer?.name ?? null;
    return (
      <>
        <Suspense fallback={<LoadingBlock />}>
          <TrendCharts rows={rows} cohortName={cohort.name} officerName={officerName} />
        </Suspense>
        <details className="fl-details">
          <summary>{t('reports.trends.showTable')}</summary>
          <TrendTable
            rows={rows}
            caption={t('reports.trends.tableCaption', { name: cohort.name })}
            cohortName={cohort.name}
            officerName={officerName}
          />
        </details>
      </>
    );
  })();
  return (
    <div className="fl-stack">
      <div className="fl-report-filters__row">
        <FilterSelect
          label={t('reports.trends.overlay')}
          allLabel={t('reports.trends.noOverlay')}
          value={known ?? ''}
          options={officers.map((o) => ({ value: o.userId, label: o.name }))}
          onChange={(value) => onOfficerChange(value || null)}
        />
      </div>
      {body}
    </div>
  );
}

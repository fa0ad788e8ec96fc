// The filter bar of every report: date range and module (and, for unit and officer reports, the cohort). The
// values live in the URL's search params (useReportFilters), so a filtered report can be bookmarked and shared.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, FilterSelect } from '@/components/ui';
import { useReportFilters } from '../hooks/use-report-filters';
import type { FilterKey } from '../lib/report-filters';

export interface FilterOption {
  value: string;
  label: string;
}

export function ReportFilterBar({
  modules,
  cohorts,
}: {
  modules: readonly FilterOption[];
  /** Only unit and officer reports narrow to one cohort. */
  cohorts?: readonly FilterOption[];
}) {
  const { t } = useTranslation();
  const { filters, problem, setFilter, clearFilters } = useReportFilters();
  // Only what the bar shows can be cleared from it (an officer opened from a cohort keeps that cohort).
  const shown: FilterKey[] = cohorts ? ['from', 'to', 'moduleId', 'cohortId'] : ['from', 'to', 'moduleId'];
  const problemId = useId();
  return (
    <form className="fl-report-filters" aria-label={t('reports.filters.label')} onSubmit={(e) => e.preventDefault()}>
      <div className="fl-filters">
        <label className="fl-filter">
          <span className="fl-filter__label">{t('reports.filters.from')}</span>
          <input
            type="date"
            className="fl-input"
            value={filters.from ?? ''}
            max={filters.to}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? problemId : undefined}
            onChange={(e) => setFilter('from', e.target.value)}
          />
        </label>
        <label className="fl-filter">
          <span className="fl-filter__label">{t('reports.filters.to')}</span>
          <input
            type="date"
            className="fl-input"
            value={filters.to ?? ''}
            min={filters.from}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? problemId : undefined}
            onChange={(e) => setFilter('to', e.target.value)}
          />
        </label>
        <FilterSelect
          label={t('reports.filters.module')}
          allLabel={t('reports.filters.allModules')}
          value={filters.moduleId ?? ''}
          options={withCurrent(modules, filters.moduleId)}
          onChange={(value) => setFilter('moduleId', value)}
        />
        {cohorts && (
          <FilterSelect
            label={t('reports.filters.cohort')}
            allLabel={t('reports.filters.allCohorts')}
            value={filters.cohortId ?? ''}
            options={withCurrent(cohorts, filters.cohortId)}
            onChange={(value) => setFilter('cohortId', value)}
          />
        )}
        {shown.some((key) => filters[key]) && (
          <Button variant="ghost" size="sm" className="fl-report-filters__clear" onClick={() => clearFilters(shown)}>
            {t('reports.filters.clear')}
          </Button>
        )}
      </div>
      {problem && (
        <p id={problemId} className="fl-field__error" role="alert">
          {t(problem)}
        </p>
      )}
    </form>
  );
}

/** A value from the URL that is not among the options still shows as chosen (until the options arrive). */
function withCurrent(options: readonly FilterOption[], current: string | undefined): FilterOption[] {
  if (!current || options.some((o) => o.value === current)) return [...options];
  return [...options, { value: current, label: '…' }];
}

// Reports landing: the units (supervisor, admin) and cohorts in the user's scope, each opening its report.
import type { CohortView } from '@firstline/contracts';
import type { QueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { BuildingIcon, Card, EmptyState, GroupIcon, LoadingBlock, PageHeader, QueryError } from '@/components/ui';
import { paths } from '@/config/paths';
import { getCohortsQueryOptions, useCohorts } from '@/features/cohorts/api/get-cohorts';
import { CohortsTable } from '@/features/cohorts/components/cohorts-table';
import { getModulesQueryOptions, useModules } from '@/features/modules/api/get-modules';
import {
  AnalysisModulesCard,
  type AnalysedModule,
} from '@/features/reports/components/item-analysis/analysis-modules-card';
import { getUnitsQueryOptions, useUnits } from '@/features/units/api/get-units';
import { ensureSession, useUser } from '@/lib/auth';
import { useDocumentTitle } from '@/lib/use-document-title';

export const clientLoader = (queryClient: QueryClient) => async () => {
  const user = await ensureSession(queryClient);
  if (user) {
    void queryClient.prefetchQuery(getCohortsQueryOptions());
    void queryClient.prefetchQuery(getModulesQueryOptions());
    if (user.role !== 'instructor') void queryClient.prefetchQuery(getUnitsQueryOptions());
  }
  return null;
};

const reportHref = (c: CohortView) => paths.app.reportCohort.getHref(c.id);

/** The published modules, for their item analysis. */
function AnalysedModules() {
  const modules = useModules();
  if (modules.isPending) return <LoadingBlock />;
  if (modules.isError) return <QueryError error={modules.error} onRetry={() => modules.refetch()} />;
  const published = modules.data.flatMap((m): AnalysedModule[] =>
    m.publishedVersion
      ? [
          {
            id: m.id,
            title: m.title,
            mode: m.settings.mode,
            version: m.publishedVersion.version,
            publishedAt: m.publishedVersion.publishedAt,
          },
        ]
      : [],
  );
  return <AnalysisModulesCard modules={published} />;
}

export default function ReportsRoute() {
  const { t } = useTranslation();
  const user = useUser();
  const seesUnits = user.role !== 'instructor';
  const cohorts = useCohorts();
  const units = useUnits();
  useDocumentTitle(t('nav.reports'));

  const body = (() => {
    if (cohorts.isPending || (seesUnits && units.isPending)) return <LoadingBlock />;
    if (cohorts.isError) return <QueryError error={cohorts.error} onRetry={() => cohorts.refetch()} />;
    if (seesUnits && units.isError) return <QueryError error={units.error} onRetry={() => units.refetch()} />;
    if (!seesUnits) {
      return (
        <Card title={t('reports.landing.cohortsTitle')} description={t('reports.landing.cohortsLead')}>
          {cohorts.data.length === 0 ? (
            <EmptyState icon={<GroupIcon size={28} />} title={t('reports.landing.noCohorts')} />
          ) : (
            <CohortsTable cohorts={cohorts.data} caption={t('reports.landing.cohortsTitle')} hrefFor={reportHref} />
          )}
        </Card>
      );
    }
    const unitList = units.data ?? [];
    if (unitList.length === 0) {
      return (
        <Card>
          <EmptyState
            icon={<BuildingIcon size={32} />}
            title={t('overview.noUnitsTitle')}
            description={t('overview.noUnitsText')}
          />
        </Card>
      );
    }
    return unitList.map((unit) => {
      const unitCohorts = cohorts.data.filter((c) => c.unitId === unit.id);
      return (
        <Card
          key={unit.id}
          title={
            <span className="fl-unit-title">
              {unit.name} <code dir="ltr">{unit.code}</code>
            </span>
          }
          actions={
            <Link className="fl-button fl-button--secondary fl-button--sm" to={paths.app.reportUnit.getHref(unit.id)}>
              {t('reports.landing.openUnit')}
            </Link>
          }
        >
          {unitCohorts.length === 0 ? (
            <EmptyState
              icon={<GroupIcon size={28} />}
              title={t('overview.noCohortsTitle')}
              description={t('overview.noCohortsText')}
            />
          ) : (
            <CohortsTable
              cohorts={unitCohorts}
              showUnit={false}
              caption={t('overview.cohortsOf', { name: unit.name })}
              hrefFor={reportHref}
            />
          )}
        </Card>
      );
    });
  })();

  return (
    <div className="fl-page">
      <PageHeader title={t('nav.reports')} description={t('reports.landing.lead')} />
      {body}
      <AnalysedModules />
    </div>
  );
}

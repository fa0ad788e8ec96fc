// Supervisor landing: leads with readiness and results. With one unit (the usual case) it is that unit's roll-up —
// who is ready for the desk, the cohorts side by side — followed by the cohorts and their members; with several,
// each unit links to its roll-up.
import type { QueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { BuildingIcon, Card, EmptyState, GroupIcon, LoadingBlock, PageHeader, QueryError } from '@/components/ui';
import { paths } from '@/config/paths';
import { getCohortsQueryOptions, useCohorts } from '@/features/cohorts/api/get-cohorts';
import { CohortsTable } from '@/features/cohorts/components/cohorts-table';
import { getUnitReportQueryOptions } from '@/features/reports/api/get-unit-report';
import { UnitRollup } from '@/features/reports/components/unit-rollup';
import { getUnitsQueryOptions, useUnits } from '@/features/units/api/get-units';
import { ensureSession } from '@/lib/auth';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useModuleOptions } from '../reports/module-options';

export const clientLoader = (queryClient: QueryClient) => async () => {
  const user = await ensureSession(queryClient);
  if (user?.role === 'supervisor') {
    void queryClient.prefetchQuery(getUnitsQueryOptions());
    void queryClient.prefetchQuery(getCohortsQueryOptions());
    if (user.unitId) void queryClient.prefetchQuery(getUnitReportQueryOptions(user.unitId, {}));
  }
  return null;
};

export default function UnitsOverviewRoute() {
  const { t } = useTranslation();
  const units = useUnits();
  const cohorts = useCohorts();
  const modules = useModuleOptions();
  useDocumentTitle(t('nav.unitsOverview'));

  if (units.isPending || cohorts.isPending) return <LoadingBlock />;
  const header = <PageHeader title={t('nav.unitsOverview')} description={t('overview.intro')} />;
  if (units.isError || cohorts.isError) {
    const failed = units.isError ? units : cohorts;
    return (
      <div className="fl-page">
        {header}
        <QueryError error={failed.error} onRetry={() => failed.refetch()} />
      </div>
    );
  }
  if (units.data.length === 0) {
    return (
      <div className="fl-page">
        {header}
        <Card>
          <EmptyState
            icon={<BuildingIcon size={32} />}
            title={t('overview.noUnitsTitle')}
            description={t('overview.noUnitsText')}
          />
        </Card>
      </div>
    );
  }

  const cohortsCard = (unit: (typeof units.data)[number], actions?: ReactNode) => {
    const unitCohorts = cohorts.data.filter((c) => c.unitId === unit.id);
    return (
      <Card
        key={unit.id}
        title={
          units.data.length === 1 ? (
            t('overview.cohortsTitle')
          ) : (
            <span className="fl-unit-title">
              {unit.name} <code dir="ltr">{unit.code}</code>
            </span>
          )
        }
        description={t('overview.unitSummary', { users: unit.userCount, cohorts: unitCohorts.length })}
        actions={actions}
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
            caption={
              units.data.length === 1 ? t('overview.cohortsTitle') : t('overview.cohortsOf', { name: unit.name })
            }
            hrefFor={(c) => paths.app.cohort.getHref(c.id)}
          />
        )}
      </Card>
    );
  };

  if (units.data.length === 1) {
    const [unit] = units.data;
    return (
      <div className="fl-page fl-report">
        <UnitRollup unitId={unit.id} modules={modules} eyebrow={t('nav.unitsOverview')} />
        {cohortsCard(unit)}
      </div>
    );
  }
  return (
    <div className="fl-page">
      {header}
      {units.data.map((unit) =>
        cohortsCard(
          unit,
          <Link className="fl-button fl-button--secondary fl-button--sm" to={paths.app.reportUnit.getHref(unit.id)}>
            {t('reports.landing.openUnit')}
          </Link>,
        ),
      )}
    </div>
  );
}

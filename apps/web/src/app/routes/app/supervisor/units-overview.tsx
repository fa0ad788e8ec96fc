// Supervisor landing: their unit(s), each with its cohorts and member counts.
import type { QueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { BuildingIcon, Card, EmptyState, GroupIcon, LoadingBlock, PageHeader, QueryError } from '@/components/ui';
import { paths } from '@/config/paths';
import { getCohortsQueryOptions, useCohorts } from '@/features/cohorts/api/get-cohorts';
import { CohortsTable } from '@/features/cohorts/components/cohorts-table';
import { getUnitsQueryOptions, useUnits } from '@/features/units/api/get-units';
import { ensureSession } from '@/lib/auth';
import { formatNumber } from '@/lib/format';
import { isLanguage } from '@/lib/i18n';
import { useDocumentTitle } from '@/lib/use-document-title';

export const clientLoader = (queryClient: QueryClient) => async () => {
  const user = await ensureSession(queryClient);
  if (user?.role === 'supervisor') {
    void queryClient.prefetchQuery(getUnitsQueryOptions());
    void queryClient.prefetchQuery(getCohortsQueryOptions());
  }
  return null;
};

export default function UnitsOverviewRoute() {
  const { t, i18n } = useTranslation();
  const lng = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en';
  const units = useUnits();
  const cohorts = useCohorts();
  useDocumentTitle(t('nav.unitsOverview'));

  const body = (() => {
    if (units.isPending || cohorts.isPending) return <LoadingBlock />;
    if (units.isError) return <QueryError error={units.error} onRetry={() => units.refetch()} />;
    if (cohorts.isError) return <QueryError error={cohorts.error} onRetry={() => cohorts.refetch()} />;
    if (units.data.length === 0) {
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
    const members = cohorts.data.reduce((s, c) => s + c.memberCount, 0);
    const users = units.data.reduce((s, u) => s + u.userCount, 0);
    return (
      <>
        <dl className="fl-stats">
          <div className="fl-stat">
            <dt>{t('overview.statUnits')}</dt>
            <dd>{formatNumber(units.data.length, lng)}</dd>
          </div>
          <div className="fl-stat">
            <dt>{t('overview.statOfficers')}</dt>
            <dd>{formatNumber(users, lng)}</dd>
          </div>
          <div className="fl-stat">
            <dt>{t('overview.statCohorts')}</dt>
            <dd>{formatNumber(cohorts.data.length, lng)}</dd>
          </div>
          <div className="fl-stat">
            <dt>{t('overview.statEnrolled')}</dt>
            <dd>{formatNumber(members, lng)}</dd>
          </div>
        </dl>
        {units.data.map((unit) => {
          const unitCohorts = cohorts.data.filter((c) => c.unitId === unit.id);
          return (
            <Card
              key={unit.id}
              title={
                <span className="fl-unit-title">
                  {unit.name} <code dir="ltr">{unit.code}</code>
                </span>
              }
              description={t('overview.unitSummary', { users: unit.userCount, cohorts: unitCohorts.length })}
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
                  hrefFor={(c) => paths.app.cohort.getHref(c.id)}
                />
              )}
            </Card>
          );
        })}
      </>
    );
  })();

  return (
    <div className="fl-page">
      <PageHeader title={t('nav.unitsOverview')} description={t('overview.intro')} />
      {body}
    </div>
  );
}

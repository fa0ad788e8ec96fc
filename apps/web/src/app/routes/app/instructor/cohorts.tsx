import type { QueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Button, Card, EmptyState, GroupIcon, LoadingBlock, PageHeader, PlusIcon, QueryError } from '@/components/ui';
import { paths } from '@/config/paths';
import { getCohortsQueryOptions, useCohorts } from '@/features/cohorts/api/get-cohorts';
import { CohortsTable } from '@/features/cohorts/components/cohorts-table';
import { CreateCohortDialog } from '@/features/cohorts/components/create-cohort-dialog';
import { getUnitsQueryOptions, useUnits } from '@/features/units/api/get-units';
import { ensureSession, useUser } from '@/lib/auth';
import { formatNumber } from '@/lib/format';
import { isLanguage } from '@/lib/i18n';
import { useDocumentTitle } from '@/lib/use-document-title';

export const clientLoader = (queryClient: QueryClient) => async () => {
  const user = await ensureSession(queryClient);
  if (user?.role === 'instructor' || user?.role === 'admin') {
    void queryClient.prefetchQuery(getCohortsQueryOptions());
    void queryClient.prefetchQuery(getUnitsQueryOptions());
  }
  return null;
};

export default function CohortsRoute() {
  const { t, i18n } = useTranslation();
  const lng = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en';
  const user = useUser();
  const navigate = useNavigate();
  const cohorts = useCohorts();
  const units = useUnits();
  const [creating, setCreating] = useState(false);
  const title = user.role === 'instructor' ? t('nav.myCohorts') : t('nav.cohorts');
  useDocumentTitle(title);

  const createButton = (
    <Button icon={<PlusIcon size={18} />} onClick={() => setCreating(true)} disabled={!units.data?.length}>
      {t('cohorts.create')}
    </Button>
  );
  const totalMembers = cohorts.data?.reduce((sum, c) => sum + c.memberCount, 0) ?? 0;

  return (
    <div className="fl-page">
      <PageHeader
        title={title}
        description={user.role === 'instructor' ? t('cohorts.introInstructor') : t('cohorts.introAdmin')}
        actions={createButton}
      />
      {cohorts.isPending ? (
        <LoadingBlock />
      ) : cohorts.isError ? (
        <QueryError error={cohorts.error} onRetry={() => cohorts.refetch()} />
      ) : cohorts.data.length === 0 ? (
        <Card>
          <EmptyState
            icon={<GroupIcon size={32} />}
            title={t('cohorts.emptyTitle')}
            description={t('cohorts.emptyText')}
            action={createButton}
          />
        </Card>
      ) : (
        <>
          <dl className="fl-stats">
            <div className="fl-stat">
              <dt>{t('cohorts.statCohorts')}</dt>
              <dd>{formatNumber(cohorts.data.length, lng)}</dd>
            </div>
            <div className="fl-stat">
              <dt>{t('cohorts.statMembers')}</dt>
              <dd>{formatNumber(totalMembers, lng)}</dd>
            </div>
          </dl>
          <Card title={t('cohorts.listTitle')} description={t('cohorts.listHint')}>
            <CohortsTable
              cohorts={cohorts.data}
              caption={title}
              showUnit={user.role === 'admin' || (units.data?.length ?? 0) > 1}
              hrefFor={(c) => paths.app.cohort.getHref(c.id)}
            />
          </Card>
        </>
      )}
      <CreateCohortDialog
        open={creating}
        onClose={() => setCreating(false)}
        units={units.data ?? []}
        onCreated={(c) => navigate(paths.app.cohort.getHref(c.id))}
      />
    </div>
  );
}

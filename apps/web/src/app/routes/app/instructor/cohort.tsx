import type { QueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, type LoaderFunctionArgs } from 'react-router';
import {
  BuildingIcon,
  Button,
  Card,
  ChevronIcon,
  EmptyState,
  GroupIcon,
  LoadingBlock,
  PageHeader,
  PlusIcon,
  QueryError,
  ButtonLink,
  UploadIcon,
} from '@/components/ui';
import { paths } from '@/config/paths';
import { getCohortQueryOptions, useCohort } from '@/features/cohorts/api/get-cohort';
import { getCohortMembersQueryOptions, useCohortMembers } from '@/features/cohorts/api/get-cohort-members';
import { AddMembersDialog } from '@/features/cohorts/components/add-members-dialog';
import { CohortMembers } from '@/features/cohorts/components/cohort-members';
import { CohortPeriod } from '@/features/cohorts/components/cohorts-table';
import { useUsers } from '@/features/users/api/get-users';
import { ensureSession, useUser } from '@/lib/auth';
import { isStatus } from '@/lib/errors';
import { useDebouncedValue } from '@/lib/use-debounced-value';
import { useDocumentTitle } from '@/lib/use-document-title';

export const clientLoader =
  (queryClient: QueryClient) =>
  async ({ params }: LoaderFunctionArgs) => {
    const user = await ensureSession(queryClient);
    if (user && params.cohortId) {
      void queryClient.prefetchQuery(getCohortQueryOptions(params.cohortId));
      void queryClient.prefetchQuery(getCohortMembersQueryOptions(params.cohortId));
    }
    return null;
  };

export default function CohortRoute() {
  const { t } = useTranslation();
  const { cohortId = '' } = useParams();
  const user = useUser();
  const canEdit = user.role !== 'supervisor';
  const cohortQuery = useCohort(cohortId);
  const cohort = cohortQuery.data;
  const members = useCohortMembers(cohortId);
  const [adding, setAdding] = useState(false);
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim(), 250);
  const candidates = useUsers(
    { role: 'trainee', unitId: cohort?.unitId, q: q || undefined, limit: 100 },
    { enabled: adding && canEdit && !!cohort },
  );
  const memberIds = useMemo(() => new Set((members.data ?? []).map((m) => m.id)), [members.data]);
  useDocumentTitle(cohort?.name ?? t('cohorts.cohort'));

  const back = (
    <Link to={canEdit ? paths.app.cohorts.getHref() : paths.app.unitsOverview.getHref()} className="fl-back-link">
      <ChevronIcon size={16} className="fl-icon-back" />
      {canEdit ? t('cohorts.backToList') : t('nav.unitsOverview')}
    </Link>
  );

  if (cohortQuery.isPending) return <LoadingBlock />;
  if (cohortQuery.isError && ![400, 403, 404].some((s) => isStatus(cohortQuery.error, s))) {
    return (
      <div className="fl-page">
        {back}
        <QueryError error={cohortQuery.error} onRetry={() => cohortQuery.refetch()} />
      </div>
    );
  }
  if (!cohort) {
    return (
      <div className="fl-page">
        {back}
        <EmptyState
          icon={<GroupIcon size={32} />}
          title={t('cohorts.notFoundTitle')}
          description={t('cohorts.notFoundText')}
        />
      </div>
    );
  }

  const addButton = (
    <Button icon={<PlusIcon size={18} />} onClick={() => setAdding(true)}>
      {t('cohorts.addMembers')}
    </Button>
  );

  return (
    <div className="fl-page">
      {back}
      <PageHeader
        eyebrow={t('cohorts.cohort')}
        title={cohort.name}
        description={
          <span className="fl-inline-meta">
            <BuildingIcon size={18} />
            {cohort.unitName}
            <span aria-hidden="true">·</span>
            <CohortPeriod cohort={cohort} />
            <span aria-hidden="true">·</span>
            {t('cohorts.memberCount', { count: cohort.memberCount })}
          </span>
        }
        actions={
          canEdit && (
            <>
              <ButtonLink to={paths.app.import.getHref()} variant="secondary" icon={<UploadIcon size={18} />}>
                {t('nav.import')}
              </ButtonLink>
              {addButton}
            </>
          )
        }
      />
      <Card title={t('cohorts.members')} description={t('cohorts.membersHint')}>
        <CohortMembers cohortId={cohort.id} canEdit={canEdit} emptyAction={canEdit ? addButton : undefined} />
      </Card>
      <AddMembersDialog
        open={adding && canEdit}
        onClose={() => {
          setAdding(false);
          setSearch('');
        }}
        cohortId={cohort.id}
        cohortName={cohort.name}
        candidates={candidates.data?.items ?? []}
        isLoading={candidates.isPending && candidates.fetchStatus !== 'idle'}
        loadError={candidates.error}
        search={search}
        onSearch={setSearch}
        memberIds={memberIds}
      />
    </div>
  );
}

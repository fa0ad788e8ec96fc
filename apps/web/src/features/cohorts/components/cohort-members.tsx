import type { UserView } from '@firstline/contracts';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Button,
  ConfirmDialog,
  EmptyState,
  LoadingBlock,
  QueryError,
  Table,
  UsersIcon,
  type Column,
} from '@/components/ui';
import { describeError } from '@/lib/errors';
import { useCohortMembers } from '../api/get-cohort-members';
import { useRemoveCohortMember } from '../api/remove-cohort-member';

export function CohortMembers({
  cohortId,
  canEdit,
  emptyAction,
}: {
  cohortId: string;
  canEdit: boolean;
  emptyAction?: ReactNode;
}) {
  const { t } = useTranslation();
  const members = useCohortMembers(cohortId);
  const remove = useRemoveCohortMember();
  const [removing, setRemoving] = useState<UserView | null>(null);

  if (members.isPending) return <LoadingBlock />;
  if (members.isError) return <QueryError error={members.error} onRetry={() => members.refetch()} />;
  if (members.data.length === 0) {
    return (
      <EmptyState
        icon={<UsersIcon size={32} />}
        title={t('cohorts.noMembersTitle')}
        description={canEdit ? t('cohorts.noMembersText') : undefined}
        action={emptyAction}
      />
    );
  }

  const columns: Column<UserView>[] = [
    { key: 'name', header: t('users.name'), cell: (u) => <span className="fl-table__primary">{u.displayName}</span> },
    {
      key: 'service',
      header: t('users.serviceNumber'),
      cell: (u) => (
        <span dir="ltr" className="fl-nowrap">
          {u.serviceNumber ?? '—'}
        </span>
      ),
    },
    { key: 'username', header: t('users.username'), cell: (u) => <code dir="ltr">{u.username}</code> },
    ...(canEdit
      ? [
          {
            key: 'actions',
            header: <span className="fl-visually-hidden">{t('common.actions')}</span>,
            align: 'end' as const,
            cell: (u: UserView) => (
              <Button
                variant="ghost"
                size="sm"
                onClick={() => setRemoving(u)}
                aria-label={t('cohorts.removeNamed', { name: u.displayName })}
              >
                {t('cohorts.remove')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <Table columns={columns} rows={members.data} rowKey={(u) => u.id} caption={t('cohorts.members')} />
      <ConfirmDialog
        open={removing !== null}
        title={t('cohorts.removeTitle')}
        confirmLabel={t('cohorts.remove')}
        isLoading={remove.isPending}
        error={remove.error ? describeError(t, remove.error) : null}
        onClose={() => {
          setRemoving(null);
          remove.reset();
        }}
        onConfirm={() =>
          removing && remove.mutate({ cohortId, userId: removing.id }, { onSuccess: () => setRemoving(null) })
        }
      >
        <p>{t('cohorts.removeText', { name: removing?.displayName ?? '' })}</p>
      </ConfirmDialog>
    </>
  );
}

// The assignments of one module, with withdrawal (refused with 409 once someone has started).
import type { AssignmentView } from '@firstline/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Button,
  ConfirmDialog,
  EmptyState,
  GroupIcon,
  LoadingBlock,
  QueryError,
  Table,
  TrashIcon,
  type Column,
} from '@/components/ui';
import { describeError } from '@/lib/errors';
import { formatDateTime } from '@/lib/format';
import { isLanguage } from '@/lib/i18n';
import { useDeleteAssignment, useModuleAssignments } from '../api/assignments';

export function ModuleAssignments({ moduleId, canEdit }: { moduleId: string; canEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const lng = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en';
  const assignments = useModuleAssignments(moduleId);
  const remove = useDeleteAssignment();
  const [withdrawing, setWithdrawing] = useState<AssignmentView | null>(null);

  if (assignments.isPending) return <LoadingBlock />;
  if (assignments.isError) return <QueryError error={assignments.error} onRetry={() => assignments.refetch()} />;
  if (assignments.data.length === 0)
    return (
      <EmptyState
        icon={<GroupIcon size={32} />}
        title={t('modules.assignments.emptyTitle')}
        description={t('modules.assignments.emptyText')}
      />
    );

  const columns: Column<AssignmentView>[] = [
    {
      key: 'cohort',
      header: t('modules.assign.cohort'),
      cell: (a) => <span className="fl-table__primary">{a.cohort.name}</span>,
    },
    {
      key: 'version',
      header: t('modules.assignments.version'),
      cell: (a) => t('modules.versionN', { version: a.module.version }),
    },
    {
      key: 'opens',
      header: t('modules.assign.opensAt'),
      cell: (a) => <span className="fl-nowrap">{formatDateTime(a.opensAt, lng)}</span>,
    },
    {
      key: 'closes',
      header: t('modules.assign.closesAt'),
      cell: (a) =>
        a.closesAt ? (
          <span className="fl-nowrap">{formatDateTime(a.closesAt, lng)}</span>
        ) : (
          <span className="fl-muted">{t('modules.assignments.noClose')}</span>
        ),
    },
    ...(canEdit
      ? [
          {
            key: 'actions',
            header: <span className="fl-visually-hidden">{t('common.actions')}</span>,
            align: 'end' as const,
            cell: (a: AssignmentView) => (
              <Button
                variant="ghost"
                size="sm"
                icon={<TrashIcon size={16} />}
                onClick={() => setWithdrawing(a)}
                aria-label={t('modules.assignments.withdrawNamed', { cohort: a.cohort.name })}
              >
                {t('modules.assignments.withdraw')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <Table columns={columns} rows={assignments.data} rowKey={(a) => a.id} caption={t('modules.assignments.title')} />
      <ConfirmDialog
        open={withdrawing !== null}
        title={t('modules.assignments.withdrawTitle')}
        confirmLabel={t('modules.assignments.withdraw')}
        isLoading={remove.isPending}
        error={remove.error ? describeError(t, remove.error, { 409: t('modules.assignments.started') }) : null}
        onClose={() => {
          setWithdrawing(null);
          remove.reset();
        }}
        onConfirm={() => withdrawing && remove.mutate(withdrawing.id, { onSuccess: () => setWithdrawing(null) })}
      >
        <p>{t('modules.assignments.withdrawText', { cohort: withdrawing?.cohort.name ?? '' })}</p>
      </ConfirmDialog>
    </>
  );
}

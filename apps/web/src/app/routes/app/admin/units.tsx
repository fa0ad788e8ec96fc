import type { UnitView } from '@firstline/contracts';
import type { QueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  BuildingIcon,
  Button,
  Card,
  ConfirmDialog,
  EmptyState,
  LoadingBlock,
  PageHeader,
  PlusIcon,
  QueryError,
} from '@/components/ui';
import { useDeleteUnit } from '@/features/units/api/delete-unit';
import { getUnitsQueryOptions, useUnits } from '@/features/units/api/get-units';
import { UnitFormDialog } from '@/features/units/components/unit-form-dialog';
import { UnitsTable } from '@/features/units/components/units-table';
import { ensureSession } from '@/lib/auth';
import { describeError } from '@/lib/errors';
import { useDocumentTitle } from '@/lib/use-document-title';

export const clientLoader = (queryClient: QueryClient) => async () => {
  const user = await ensureSession(queryClient);
  if (user?.role === 'admin') void queryClient.prefetchQuery(getUnitsQueryOptions());
  return null;
};

export default function UnitsRoute() {
  const { t } = useTranslation();
  const units = useUnits();
  const remove = useDeleteUnit();
  const [editing, setEditing] = useState<UnitView | null>(null);
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<UnitView | null>(null);
  useDocumentTitle(t('nav.units'));

  const createButton = (
    <Button icon={<PlusIcon size={18} />} onClick={() => setCreating(true)}>
      {t('units.create')}
    </Button>
  );

  return (
    <div className="fl-page">
      <PageHeader title={t('nav.units')} description={t('units.intro')} actions={createButton} />
      <Card>
        {units.isPending ? (
          <LoadingBlock />
        ) : units.isError ? (
          <QueryError error={units.error} onRetry={() => units.refetch()} />
        ) : units.data.length === 0 ? (
          <EmptyState
            icon={<BuildingIcon size={32} />}
            title={t('units.emptyTitle')}
            description={t('units.emptyText')}
            action={createButton}
          />
        ) : (
          <UnitsTable units={units.data} onEdit={setEditing} onDelete={setDeleting} />
        )}
      </Card>
      <UnitFormDialog
        open={creating || editing !== null}
        unit={editing}
        onClose={() => {
          setCreating(false);
          setEditing(null);
        }}
      />
      <ConfirmDialog
        open={deleting !== null}
        title={t('units.deleteTitle', { name: deleting?.name ?? '' })}
        confirmLabel={t('common.delete')}
        isLoading={remove.isPending}
        error={remove.error ? describeError(t, remove.error, { 409: t('units.errors.hasUsers') }) : null}
        onClose={() => {
          setDeleting(null);
          remove.reset();
        }}
        onConfirm={() => deleting && remove.mutate(deleting.id, { onSuccess: () => setDeleting(null) })}
      >
        <p>
          {deleting && deleting.userCount > 0
            ? t('units.deleteHasUsers', { count: deleting.userCount })
            : t('units.deleteText')}
        </p>
      </ConfirmDialog>
    </div>
  );
}

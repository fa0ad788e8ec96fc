import type { UserView } from '@firstline/contracts';
import type { QueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Card, PageHeader, PlusIcon } from '@/components/ui';
import { getUnitsQueryOptions, useUnits } from '@/features/units/api/get-units';
import { getUsersQueryOptions } from '@/features/users/api/get-users';
import { UserFormDialog } from '@/features/users/components/user-form-dialog';
import { USERS_PAGE_SIZE, UsersList } from '@/features/users/components/users-list';
import { ensureSession } from '@/lib/auth';
import { useDocumentTitle } from '@/lib/use-document-title';

export const clientLoader = (queryClient: QueryClient) => async () => {
  const user = await ensureSession(queryClient);
  if (user?.role === 'admin') {
    void queryClient.prefetchQuery(getUsersQueryOptions({ limit: USERS_PAGE_SIZE, offset: 0 }));
    void queryClient.prefetchQuery(getUnitsQueryOptions());
  }
  return null;
};

export default function UsersRoute() {
  const { t } = useTranslation();
  const units = useUnits();
  const [editing, setEditing] = useState<UserView | null>(null);
  const [creating, setCreating] = useState(false);
  useDocumentTitle(t('nav.users'));
  return (
    <div className="fl-page">
      <PageHeader
        title={t('nav.users')}
        description={t('users.intro')}
        actions={
          <Button icon={<PlusIcon size={18} />} onClick={() => setCreating(true)}>
            {t('users.create')}
          </Button>
        }
      />
      <Card>
        <UsersList units={units.data ?? []} onEdit={setEditing} />
      </Card>
      <UserFormDialog
        open={creating || editing !== null}
        user={editing}
        units={units.data ?? []}
        onClose={() => {
          setCreating(false);
          setEditing(null);
        }}
      />
    </div>
  );
}

import type { QueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Button, Card, PageHeader, PlusIcon } from '@/components/ui';
import { paths } from '@/config/paths';
import { getSpecimensQueryOptions } from '@/features/library/api/get-specimens';
import { CreateSpecimenDialog } from '@/features/library/components/create-specimen-dialog';
import { SPECIMENS_PAGE_SIZE, SpecimensList } from '@/features/library/components/specimens-list';
import { ensureSession, useUser } from '@/lib/auth';
import { useDocumentTitle } from '@/lib/use-document-title';

export const clientLoader = (queryClient: QueryClient) => async () => {
  const user = await ensureSession(queryClient);
  if (user) void queryClient.prefetchQuery(getSpecimensQueryOptions({ limit: SPECIMENS_PAGE_SIZE, offset: 0 }));
  return null;
};

export default function LibraryRoute() {
  const { t } = useTranslation();
  const user = useUser();
  const canEdit = user.role === 'instructor' || user.role === 'admin';
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  useDocumentTitle(t('nav.library'));

  return (
    <div className="fl-page">
      <PageHeader
        title={t('nav.library')}
        description={canEdit ? t('library.intro') : t('library.introReadOnly')}
        actions={
          canEdit && (
            <Button icon={<PlusIcon size={18} />} onClick={() => setCreating(true)}>
              {t('library.create')}
            </Button>
          )
        }
      />
      <Card>
        <SpecimensList />
      </Card>
      {canEdit && (
        <CreateSpecimenDialog
          open={creating}
          onClose={() => setCreating(false)}
          onCreated={(s) => navigate(paths.app.specimen.getHref(s.id))}
        />
      )}
    </div>
  );
}

import type { QueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  BookIcon,
  ButtonLink,
  Card,
  EmptyState,
  LoadingBlock,
  PageHeader,
  PlusIcon,
  QueryError,
} from '@/components/ui';
import { paths } from '@/config/paths';
import { getModulesQueryOptions, useModules } from '@/features/modules/api/get-modules';
import { ModulesTable } from '@/features/modules/components/modules-table';
import { ensureSession } from '@/lib/auth';
import { useDocumentTitle } from '@/lib/use-document-title';

export const clientLoader = (queryClient: QueryClient) => async () => {
  if (await ensureSession(queryClient)) void queryClient.prefetchQuery(getModulesQueryOptions());
  return null;
};

export default function ModulesRoute() {
  const { t } = useTranslation();
  const modules = useModules();
  useDocumentTitle(t('nav.modules'));
  const create = (
    <ButtonLink variant="primary" to={paths.app.moduleNew.getHref()} icon={<PlusIcon size={18} />}>
      {t('modules.create')}
    </ButtonLink>
  );
  return (
    <div className="fl-page">
      <PageHeader title={t('nav.modules')} description={t('modules.intro')} actions={create} />
      {modules.isPending ? (
        <LoadingBlock />
      ) : modules.isError ? (
        <QueryError error={modules.error} onRetry={() => modules.refetch()} />
      ) : modules.data.length === 0 ? (
        <Card>
          <EmptyState
            icon={<BookIcon size={32} />}
            title={t('modules.emptyTitle')}
            description={t('modules.emptyText')}
            action={create}
          />
        </Card>
      ) : (
        <Card>
          <ModulesTable modules={modules.data} />
        </Card>
      )}
    </div>
  );
}

import type { QueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, type LoaderFunctionArgs } from 'react-router';
import {
  BookIcon,
  Button,
  Card,
  ChartIcon,
  ChevronIcon,
  EmptyState,
  ErrorBanner,
  GroupIcon,
  LoadingBlock,
  PageHeader,
  QueryError,
} from '@/components/ui';
import { paths } from '@/config/paths';
import { useCohorts } from '@/features/cohorts/api/get-cohorts';
import { getAssignmentsQueryOptions } from '@/features/modules/api/assignments';
import { getModuleQueryOptions, useModule } from '@/features/modules/api/get-module';
import { usePublishModule } from '@/features/modules/api/publish-module';
import { useSaveModule } from '@/features/modules/api/save-module';
import { AssignDialog } from '@/features/modules/components/assign-dialog';
import { ModuleAssignments } from '@/features/modules/components/module-assignments';
import { ModuleExposurePanel } from '@/features/modules/components/module-exposure';
import { ModuleForm } from '@/features/modules/components/module-form';
import { ModuleItemModelsCard } from '@/features/modules/components/module-item-models';
import { PublishState } from '@/features/modules/components/modules-table';
import { ensureSession } from '@/lib/auth';
import { isStatus } from '@/lib/errors';
import { formatDateTime } from '@/lib/format';
import { isLanguage } from '@/lib/i18n';
import { useDocumentTitle } from '@/lib/use-document-title';
import { ModuleFormSources, prefetchModuleFormSources } from './module-form-sources';

export const clientLoader =
  (queryClient: QueryClient) =>
  async ({ params }: LoaderFunctionArgs) => {
    if ((await ensureSession(queryClient)) && params.moduleId) {
      void queryClient.prefetchQuery(getModuleQueryOptions(params.moduleId));
      prefetchModuleFormSources(queryClient);
      void queryClient.prefetchQuery(getAssignmentsQueryOptions());
    }
    return null;
  };

export default function ModuleRoute() {
  const { t, i18n } = useTranslation();
  const lng = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en';
  const { moduleId = '' } = useParams();
  const query = useModule(moduleId);
  const cohorts = useCohorts();
  const save = useSaveModule(moduleId);
  const publish = usePublishModule(moduleId);
  const [assigning, setAssigning] = useState(false);
  const module = query.data;
  useDocumentTitle(module?.title ?? t('nav.modules'));

  const back = (
    <Link to={paths.app.modules.getHref()} className="fl-back-link">
      <ChevronIcon size={16} className="fl-icon-back" />
      {t('modules.backToList')}
    </Link>
  );
  if (query.isPending) return <LoadingBlock />;
  if (!module) {
    return (
      <div className="fl-page">
        {back}
        {[400, 403, 404].some((s) => isStatus(query.error, s)) ? (
          <Card>
            <EmptyState
              icon={<BookIcon size={32} />}
              title={t('modules.notFoundTitle')}
              description={t('modules.notFoundText')}
            />
          </Card>
        ) : (
          <QueryError error={query.error} onRetry={() => query.refetch()} />
        )}
      </div>
    );
  }

  const canPublish = !module.publishedVersion || module.hasUnpublishedChanges;
  return (
    <div className="fl-page">
      {back}
      <PageHeader
        title={module.title}
        eyebrow={<PublishState module={module} />}
        description={
          module.publishedVersion
            ? t('modules.publishedAt', {
                version: module.publishedVersion.version,
                date: formatDateTime(module.publishedVersion.publishedAt, lng),
              })
            : t('modules.neverPublished')
        }
        actions={
          <>
            {module.publishedVersion && (
              <Link
                className="fl-button fl-button--secondary"
                to={paths.app.itemAnalysis.getHref(module.id, module.publishedVersion.version)}
              >
                <ChartIcon size={18} />
                {t('itemAnalysis.openFromModule')}
              </Link>
            )}
            <Button
              variant="secondary"
              onClick={() => publish.mutate()}
              isLoading={publish.isPending}
              disabled={!canPublish}
            >
              {t('modules.publish')}
            </Button>
            <Button
              icon={<GroupIcon size={18} />}
              onClick={() => setAssigning(true)}
              disabled={!module.publishedVersion}
            >
              {t('modules.assign.open')}
            </Button>
          </>
        }
      />
      <ErrorBanner error={publish.error} />
      <Card
        title={t('modules.assignments.title')}
        description={module.publishedVersion ? t('modules.assignments.hint') : t('modules.assignments.publishFirst')}
      >
        <ModuleAssignments moduleId={module.id} canEdit />
      </Card>
      {module.publishedVersion && (
        <Card title={t('modules.exposure.title')} description={t('modules.exposure.hint')}>
          <ModuleExposurePanel moduleId={module.id} publishedVersionId={module.publishedVersion.id} />
        </Card>
      )}
      {module.publishedVersion && (
        <ModuleItemModelsCard
          moduleId={module.id}
          publishedVersionId={module.publishedVersion.id}
          draftItemModels={module.itemModels.length}
        />
      )}
      <ModuleFormSources>
        {({ exercises, specimens }) => (
          <ModuleForm
            key={module.updatedAt}
            module={module}
            exercises={exercises}
            specimens={specimens}
            submitLabel={t('modules.saveDraft')}
            isSaving={save.isPending}
            error={save.error}
            onSubmit={(input) => save.mutate(input)}
          />
        )}
      </ModuleFormSources>
      <AssignDialog open={assigning} onClose={() => setAssigning(false)} module={module} cohorts={cohorts.data ?? []} />
    </div>
  );
}

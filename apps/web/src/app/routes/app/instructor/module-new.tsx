import type { QueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ChevronIcon, LoadingBlock, PageHeader, QueryError } from '@/components/ui';
import { paths } from '@/config/paths';
import { getExercisesQueryOptions, useExercises } from '@/features/exercises/api/get-exercises';
import { getSpecimensQueryOptions, useSpecimens } from '@/features/library/api/get-specimens';
import { useSaveModule } from '@/features/modules/api/save-module';
import { ModuleForm } from '@/features/modules/components/module-form';
import { ensureSession } from '@/lib/auth';
import { useDocumentTitle } from '@/lib/use-document-title';

/** The picker loads up to this many exercises and specimens at once (the API's page limit). */
export const PICKER_LIMIT = 200;

export const clientLoader = (queryClient: QueryClient) => async () => {
  if (await ensureSession(queryClient)) {
    void queryClient.prefetchQuery(getExercisesQueryOptions({ limit: PICKER_LIMIT }));
    void queryClient.prefetchQuery(getSpecimensQueryOptions({ limit: PICKER_LIMIT }));
  }
  return null;
};

export default function NewModuleRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const exercises = useExercises({ limit: PICKER_LIMIT });
  const specimens = useSpecimens({ limit: PICKER_LIMIT });
  const save = useSaveModule(null);
  useDocumentTitle(t('modules.createTitle'));

  return (
    <div className="fl-page">
      <Link to={paths.app.modules.getHref()} className="fl-back-link">
        <ChevronIcon size={16} className="fl-icon-back" />
        {t('modules.backToList')}
      </Link>
      <PageHeader title={t('modules.createTitle')} description={t('modules.createHint')} />
      {exercises.isPending || specimens.isPending ? (
        <LoadingBlock />
      ) : exercises.isError || specimens.isError ? (
        <QueryError error={exercises.error ?? specimens.error} onRetry={() => {
            void exercises.refetch();
            void specimens.refetch();
          }} />
      ) : (
        <ModuleForm
          exercises={exercises.data.items}
          specimens={specimens.data.items}
          submitLabel={t('modules.createSubmit')}
          isSaving={save.isPending}
          error={save.error}
          onSubmit={(input) => save.mutate(input, { onSuccess: (m) => navigate(paths.app.module.getHref(m.id), { replace: true }) })}
        />
      )}
    </div>
  );
}

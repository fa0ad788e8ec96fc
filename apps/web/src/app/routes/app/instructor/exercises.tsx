import type { QueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { buttonClass, Card, PageHeader } from '@/components/ui';
import { paths } from '@/config/paths';
import { getExercisesQueryOptions } from '@/features/exercises/api/get-exercises';
import { EXERCISES_PAGE_SIZE, ExerciseLibrary } from '@/features/exercises/components/exercise-library';
import { filterQuery, NO_FILTERS } from '@/features/exercises/lib/library-filters';
import { ensureSession } from '@/lib/auth';
import { useDocumentTitle } from '@/lib/use-document-title';

export const clientLoader = (queryClient: QueryClient) => async () => {
  if (await ensureSession(queryClient))
    void queryClient.prefetchQuery(getExercisesQueryOptions(filterQuery(NO_FILTERS, EXERCISES_PAGE_SIZE, 0)));
  return null;
};

export default function ExercisesRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('exercises.title'));
  return (
    <div className="fl-page">
      <PageHeader
        title={t('exercises.title')}
        description={t('exercises.intro')}
        actions={
          <>
            <Link className={buttonClass('secondary')} to={paths.app.exerciseForgeSpecimen.getHref()}>
              {t('authoring.specimenForge.open')}
            </Link>
            <Link className={buttonClass('secondary')} to={paths.app.exerciseUpload.getHref()}>
              {t('exercises.upload.open')}
            </Link>
            <Link className={buttonClass('primary')} to={paths.app.exerciseForge.getHref()}>
              {t('authoring.forge.open')}
            </Link>
          </>
        }
      />
      <Card>
        <ExerciseLibrary />
      </Card>
    </div>
  );
}

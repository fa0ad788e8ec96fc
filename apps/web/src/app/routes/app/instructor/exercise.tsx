import type { QueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams, type LoaderFunctionArgs } from 'react-router';
import { BookIcon, Card, ChevronIcon, EmptyState, LoadingBlock, QueryError } from '@/components/ui';
import { paths } from '@/config/paths';
import { getExerciseQueryOptions, useExercise } from '@/features/exercises/api/get-exercise';
import { ExerciseEditor } from '@/features/exercises/components/exercise-editor';
import { ExerciseUsageCard } from '@/features/reports/components/item-analysis/exercise-usage-card';
import { ensureSession } from '@/lib/auth';
import { isStatus } from '@/lib/errors';
import { useDocumentTitle } from '@/lib/use-document-title';

export const clientLoader =
  (queryClient: QueryClient) =>
  async ({ params }: LoaderFunctionArgs) => {
    if ((await ensureSession(queryClient)) && params.exerciseId)
      void queryClient.prefetchQuery(getExerciseQueryOptions(params.exerciseId));
    return null;
  };

export default function ExerciseRoute() {
  const { t } = useTranslation();
  const { exerciseId = '' } = useParams();
  const query = useExercise(exerciseId);
  useDocumentTitle(query.data?.title ?? t('exercises.title'));
  const back = (
    <Link to={paths.app.exercises.getHref()} className="fl-back-link">
      <ChevronIcon size={16} className="fl-icon-back" />
      {t('exercises.backToList')}
    </Link>
  );
  if (query.isPending) return <LoadingBlock />;
  if (!query.data) {
    return (
      <div className="fl-page">
        {back}
        {[400, 403, 404].some((s) => isStatus(query.error, s)) ? (
          <Card>
            <EmptyState
              icon={<BookIcon size={32} />}
              title={t('exercises.notFoundTitle')}
              description={t('exercises.notFoundText')}
            />
          </Card>
        ) : (
          <QueryError error={query.error} onRetry={() => query.refetch()} />
        )}
      </div>
    );
  }
  return (
    // Another exercise (a duplicate opened from here) starts the editor again from the server's copy.
    <>
      <ExerciseEditor key={query.data.id} exercise={query.data} back={back} />
      <div className="fl-page fl-page--after">
        <ExerciseUsageCard exerciseId={query.data.id} />
      </div>
    </>
  );
}

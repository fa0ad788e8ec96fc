// "Preview as trainee": the exercise in the trainee's player, to answer and try (nothing is stored), composed from the
// exercises feature's API and the attempts feature's player.
import type { QueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams, type LoaderFunctionArgs } from 'react-router';
import { Badge, Banner, BookIcon, Card, ChevronIcon, EmptyState, LoadingBlock, QueryError } from '@/components/ui';
import { paths } from '@/config/paths';
import { PreviewPlayer } from '@/features/attempts/components/preview-player';
import { getExercisePreviewQueryOptions, useExercisePreview } from '@/features/exercises/api/get-exercise-preview';
import { useScoreExercisePreview } from '@/features/exercises/api/score-exercise-preview';
import { ensureSession } from '@/lib/auth';
import { isStatus } from '@/lib/errors';
import { useDocumentTitle } from '@/lib/use-document-title';

export const clientLoader =
  (queryClient: QueryClient) =>
  async ({ params, request }: LoaderFunctionArgs) => {
    const versionId = new URL(request.url).searchParams.get('versionId') ?? undefined;
    if ((await ensureSession(queryClient)) && params.exerciseId)
      void queryClient.prefetchQuery(getExercisePreviewQueryOptions(params.exerciseId, versionId));
    return null;
  };

export default function ExercisePreviewRoute() {
  const { t } = useTranslation();
  const { exerciseId = '' } = useParams();
  const [search] = useSearchParams();
  const versionId = search.get('versionId') ?? undefined;
  const query = useExercisePreview(exerciseId, versionId);
  const score = useScoreExercisePreview(exerciseId, versionId);
  useDocumentTitle(t('preview.documentTitle', { title: query.data?.title ?? t('exercises.title') }));
  const back = (
    <Link to={paths.app.exercise.getHref(exerciseId)} className="fl-back-link" data-testid="preview-back">
      <ChevronIcon size={16} className="fl-icon-back" />
      {t('preview.backToEditor')}
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
  const preview = query.data;
  return (
    <div className="fl-player fl-preview">
      <div className="fl-preview__head">
        {back}
        <h1 className="fl-preview__title" dir="auto">
          {preview.title}
        </h1>
        <span className="fl-row-actions">
          <Badge tone="blue">{t('exercises.versionN', { version: preview.version })}</Badge>
          {!preview.current && <Badge tone="amber">{t('preview.olderVersion')}</Badge>}
        </span>
      </div>
      <Banner tone="info" title={t('preview.banner')}>
        {t('preview.bannerText')}
      </Banner>
      {/* Another version (or exercise) starts the player again. */}
      <PreviewPlayer
        key={preview.versionId}
        item={preview.item}
        score={async (answer) => (await score.mutateAsync(answer)).feedback}
      />
    </div>
  );
}

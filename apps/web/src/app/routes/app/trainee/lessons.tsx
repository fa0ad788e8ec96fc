import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ButtonLink, LoadingBlock, PageHeader, QueryError, EmptyState, BookIcon } from '@/components/ui';
import { paths } from '@/config/paths';
import { useLessons } from '@/features/training/api/get-lessons';
import { LessonStudy } from '@/features/training/components/lesson-study';
import { useDocumentTitle } from '@/lib/use-document-title';

export default function LessonsRoute() {
  const { t } = useTranslation();
  const { assignmentId = '' } = useParams();
  useDocumentTitle(t('lessons.title'));
  const lessons = useLessons(assignmentId);
  return (
    <div className="fl-page">
      <PageHeader
        eyebrow={t('training.title')}
        title={t('lessons.title')}
        description={t('lessons.lead')}
        actions={<ButtonLink to={paths.app.training.getHref()}>{t('lessons.back')}</ButtonLink>}
      />
      {lessons.isPending ? (
        <LoadingBlock />
      ) : lessons.isError ? (
        <QueryError error={lessons.error} onRetry={() => lessons.refetch()} />
      ) : lessons.data.length === 0 ? (
        <EmptyState
          icon={<BookIcon size={32} />}
          title={t('lessons.emptyTitle')}
          description={t('lessons.emptyText')}
        />
      ) : (
        <LessonStudy lessons={lessons.data} />
      )}
    </div>
  );
}

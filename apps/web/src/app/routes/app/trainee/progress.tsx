import type { QueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Card, LoadingBlock, PageHeader, QueryError } from '@/components/ui';
import { getMyCompetenceQueryOptions, useMyCompetence } from '@/features/training/api/get-my-competence';
import { getMyProgressQueryOptions, useMyProgress } from '@/features/training/api/get-my-progress';
import { MyCompetenceSummary } from '@/features/training/components/my-competence';
import { ProgressChart, ProgressTable } from '@/features/training/components/progress-chart';
import { ensureSession } from '@/lib/auth';
import { useDocumentTitle } from '@/lib/use-document-title';

export const clientLoader = (queryClient: QueryClient) => async () => {
  const user = await ensureSession(queryClient);
  if (user?.role === 'trainee') {
    void queryClient.prefetchQuery(getMyProgressQueryOptions());
    void queryClient.prefetchQuery(getMyCompetenceQueryOptions());
  }
  return null;
};

export default function ProgressRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('progress.title'));
  const progress = useMyProgress();
  const competence = useMyCompetence();
  return (
    <div className="fl-page">
      <PageHeader title={t('progress.title')} description={t('progress.lead')} />
      {progress.isPending ? (
        <LoadingBlock />
      ) : progress.isError ? (
        <QueryError error={progress.error} onRetry={() => progress.refetch()} />
      ) : (
        <>
          <Card title={t('progress.competenceTitle')} description={t('progress.competenceLead')}>
            {competence.isPending ? (
              <LoadingBlock />
            ) : competence.isError ? (
              <QueryError error={competence.error} onRetry={() => competence.refetch()} />
            ) : (
              <MyCompetenceSummary competence={competence.data} />
            )}
          </Card>
          <Card title={t('progress.chartTitle')}>
            <ProgressChart attempts={progress.data.attempts} />
          </Card>
          <Card title={t('progress.tableTitle')}>
            <ProgressTable attempts={progress.data.attempts} />
          </Card>
        </>
      )}
    </div>
  );
}

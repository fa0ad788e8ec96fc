import type { QueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { BuildingIcon, Card, PageHeader } from '@/components/ui';
import { paths } from '@/config/paths';
import { useStartAttempt } from '@/features/attempts/api/start-attempt';
import { useOutbox } from '@/features/attempts/outbox/use-outbox';
import { getMyAssignmentsQueryOptions } from '@/features/training/api/get-my-assignments';
import { AssignmentList } from '@/features/training/components/assignment-list';
import { DemoContentBanner } from '@/features/training/components/demo-content-banner';
import { ensureSession, useUser } from '@/lib/auth';
import { useDocumentTitle } from '@/lib/use-document-title';

export const clientLoader = (queryClient: QueryClient) => async () => {
  const user = await ensureSession(queryClient);
  if (user?.role === 'trainee') void queryClient.prefetchQuery(getMyAssignmentsQueryOptions());
  return null;
};

export default function MyTrainingRoute() {
  const { t } = useTranslation();
  const user = useUser();
  useDocumentTitle(t('training.title'));
  // Answers left in this device's outbox (e.g. the network dropped before a reload) are sent from here too.
  useOutbox();
  const startAttempt = useStartAttempt();
  const navigate = useNavigate();
  const start = {
    start: (assignmentId: string) =>
      startAttempt.mutate(assignmentId, { onSuccess: (attempt) => navigate(paths.app.attempt.getHref(attempt.id)) }),
    startingId: startAttempt.isPending ? (startAttempt.variables ?? null) : null,
    error: startAttempt.error,
  };
  return (
    <div className="fl-page">
      <PageHeader
        eyebrow={t('training.title')}
        title={t('training.welcome', { name: user.displayName })}
        description={
          <span className="fl-inline-meta">
            <BuildingIcon size={18} />
            {user.unitName ?? t('training.noUnit')}
            {user.serviceNumber && (
              <>
                <span aria-hidden="true">·</span>
                <span>
                  {t('users.serviceNumber')}: <span dir="ltr">{user.serviceNumber}</span>
                </span>
              </>
            )}
          </span>
        }
      />
      <DemoContentBanner />
      <Card title={t('training.assigned')} description={t('training.assignedHint')}>
        <AssignmentList start={start} />
      </Card>
    </div>
  );
}

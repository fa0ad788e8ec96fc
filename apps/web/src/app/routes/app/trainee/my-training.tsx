import type { QueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { BuildingIcon, Card, PageHeader } from '@/components/ui';
import { getMyAssignmentsQueryOptions } from '@/features/training/api/get-my-assignments';
import { AssignmentList } from '@/features/training/components/assignment-list';
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
      <Card title={t('training.assigned')} description={t('training.assignedHint')}>
        <AssignmentList />
      </Card>
    </div>
  );
}

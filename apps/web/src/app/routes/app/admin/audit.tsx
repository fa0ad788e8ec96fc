import type { QueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Card, PageHeader } from '@/components/ui';
import { getAuditLogQueryOptions } from '@/features/audit/api/get-audit-log';
import { AUDIT_PAGE_SIZE, AuditLog } from '@/features/audit/components/audit-log';
import { ensureSession } from '@/lib/auth';
import { useDocumentTitle } from '@/lib/use-document-title';

export const clientLoader = (queryClient: QueryClient) => async () => {
  const user = await ensureSession(queryClient);
  if (user?.role === 'admin')
    void queryClient.prefetchQuery(getAuditLogQueryOptions({ limit: AUDIT_PAGE_SIZE, offset: 0 }));
  return null;
};

export default function AuditRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('nav.audit'));
  return (
    <div className="fl-page">
      <PageHeader title={t('nav.audit')} description={t('audit.intro')} />
      <Card>
        <AuditLog />
      </Card>
    </div>
  );
}

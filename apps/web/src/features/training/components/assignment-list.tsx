// The trainee's assigned modules. Empty until modules can be assigned; the list slots in when they can.
import { useTranslation } from 'react-i18next';
import { Badge, BookIcon, EmptyState, LoadingBlock, QueryError } from '@/components/ui';
import { formatDate } from '@/lib/format';
import { isLanguage } from '@/lib/i18n';
import { useMyAssignments } from '../api/get-my-assignments';

export function AssignmentList() {
  const { t, i18n } = useTranslation();
  const lng = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en';
  const assignments = useMyAssignments();

  if (assignments.isPending) return <LoadingBlock />;
  if (assignments.isError) return <QueryError error={assignments.error} onRetry={() => assignments.refetch()} />;
  if (assignments.data.length === 0) {
    return (
      <EmptyState
        icon={<BookIcon size={32} />}
        title={t('training.emptyTitle')}
        description={t('training.emptyText')}
      />
    );
  }
  return (
    <ul className="fl-assignment-list">
      {assignments.data.map((a) => (
        <li key={a.id} className="fl-assignment">
          <div className="fl-assignment__main">
            <p className="fl-assignment__title">{a.title ?? a.moduleTitle ?? t('training.untitled')}</p>
            {a.dueAt && <p className="fl-assignment__meta">{t('training.due', { date: formatDate(a.dueAt, lng) })}</p>}
          </div>
          {a.status && <Badge tone="blue">{a.status}</Badge>}
        </li>
      ))}
    </ul>
  );
}

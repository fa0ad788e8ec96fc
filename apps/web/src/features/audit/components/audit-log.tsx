import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  EmptyState,
  ListIcon,
  LoadingBlock,
  Pagination,
  QueryError,
  Spinner,
  Table,
  type Column,
} from '@/components/ui';
import { formatDateTime } from '@/lib/format';
import { isLanguage } from '@/lib/i18n';
import { useAuditLog, type AuditEntry } from '../api/get-audit-log';

export const AUDIT_PAGE_SIZE = 50;

/** What changed, as "field: before → after" for the fields that differ. */
function changes(before: unknown, after: unknown): { field: string; from: string; to: string }[] {
  const obj = (v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
  const beforeFields = obj(before);
  const afterFields = obj(after);
  const show = (v: unknown) => (v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v));
  return [...new Set([...Object.keys(beforeFields), ...Object.keys(afterFields)])]
    .filter((k) => JSON.stringify(beforeFields[k]) !== JSON.stringify(afterFields[k]))
    .map((field) => ({ field, from: show(beforeFields[field]), to: show(afterFields[field]) }));
}

function Changes({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const list = changes(entry.before, entry.after);
  if (list.length === 0) return <span className="fl-muted">—</span>;
  return (
    <details className="fl-details">
      <summary>{t('audit.fieldsChanged', { count: list.length })}</summary>
      <dl className="fl-diff" dir="ltr">
        {list.map((c) => (
          <div key={c.field}>
            <dt>{c.field}</dt>
            <dd>
              <span className="fl-diff__from">{c.from}</span> → <span className="fl-diff__to">{c.to}</span>
            </dd>
          </div>
        ))}
      </dl>
    </details>
  );
}

export function AuditLog() {
  const { t, i18n } = useTranslation();
  const lng = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en';
  const [offset, setOffset] = useState(0);
  const log = useAuditLog({ limit: AUDIT_PAGE_SIZE, offset });

  if (log.isPending) return <LoadingBlock />;
  if (log.isError) return <QueryError error={log.error} onRetry={() => log.refetch()} />;
  if (log.data.items.length === 0)
    return (
      <EmptyState icon={<ListIcon size={32} />} title={t('audit.emptyTitle')} description={t('audit.emptyText')} />
    );

  const columns: Column<AuditEntry>[] = [
    {
      key: 'at',
      header: t('audit.when'),
      cell: (e) => (
        <time dateTime={e.at} className="fl-nowrap">
          {formatDateTime(e.at, lng)}
        </time>
      ),
      width: '12rem',
    },
    {
      key: 'actor',
      header: t('audit.actor'),
      cell: (e) => e.actorName ?? <span className="fl-muted">{t('audit.system')}</span>,
    },
    { key: 'action', header: t('audit.action'), cell: (e) => <code dir="ltr">{e.action}</code> },
    {
      key: 'entity',
      header: t('audit.entity'),
      cell: (e) => (
        <span dir="ltr" className="fl-entity">
          {e.entityType}
          {e.entityId && (
            <span className="fl-muted" title={e.entityId}>
              {' '}
              · {e.entityId.slice(0, 8)}
            </span>
          )}
        </span>
      ),
    },
    { key: 'changes', header: t('audit.changes'), cell: (e) => <Changes entry={e} /> },
  ];
  return (
    <div className="fl-stack">
      {log.isFetching && <Spinner size="sm" />}
      <Table columns={columns} rows={log.data.items} rowKey={(e) => e.id} caption={t('nav.audit')} />
      <Pagination
        total={log.data.total}
        limit={log.data.limit || AUDIT_PAGE_SIZE}
        offset={log.data.offset}
        onChange={setOffset}
      />
    </div>
  );
}

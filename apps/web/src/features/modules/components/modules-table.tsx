import type { ModuleView } from '@firstline/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Badge, Table, type Column } from '@/components/ui';
import { paths } from '@/config/paths';
import { formatDate, formatNumber } from '@/lib/format';
import { isLanguage } from '@/lib/i18n';

/** Published version and whether the draft has moved on since. */
export function PublishState({ module }: { module: ModuleView }) {
  const { t } = useTranslation();
  return (
    <span className="fl-row-actions">
      {module.publishedVersion ? (
        <Badge tone="green">{t('modules.publishedN', { version: module.publishedVersion.version })}</Badge>
      ) : (
        <Badge tone="neutral">{t('modules.draft')}</Badge>
      )}
      {module.publishedVersion && module.hasUnpublishedChanges && (
        <Badge tone="amber">{t('modules.unpublishedChanges')}</Badge>
      )}
    </span>
  );
}

export function ModulesTable({ modules }: { modules: ModuleView[] }) {
  const { t, i18n } = useTranslation();
  const lng = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en';
  const columns: Column<ModuleView>[] = [
    {
      key: 'title',
      header: t('modules.fields.title'),
      cell: (m) => (
        <Link className="fl-table__primary-link" dir="auto" to={paths.app.module.getHref(m.id)}>
          {m.title}
        </Link>
      ),
    },
    { key: 'mode', header: t('modules.fields.mode'), cell: (m) => t(`modules.mode.${m.settings.mode}`) },
    {
      key: 'items',
      header: t('modules.items'),
      align: 'end',
      cell: (m) => <span className="fl-num">{formatNumber(m.exerciseIds.length, lng)}</span>,
    },
    { key: 'state', header: t('modules.state'), cell: (m) => <PublishState module={m} /> },
    {
      key: 'updated',
      header: t('library.updated'),
      cell: (m) => <span className="fl-nowrap">{formatDate(m.updatedAt, lng)}</span>,
    },
  ];
  return (
    <Table
      className="fl-table-wrap--compact"
      columns={columns}
      rows={modules}
      rowKey={(m) => m.id}
      caption={t('nav.modules')}
    />
  );
}

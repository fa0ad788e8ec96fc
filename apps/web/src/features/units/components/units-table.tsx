import type { UnitView } from '@firstline/contracts';
import { useTranslation } from 'react-i18next';
import { Button, PencilIcon, Table, TrashIcon, type Column } from '@/components/ui';
import { formatNumber } from '@/lib/format';
import { isLanguage } from '@/lib/i18n';

export function UnitsTable({
  units,
  onEdit,
  onDelete,
}: {
  units: UnitView[];
  onEdit?: (unit: UnitView) => void;
  onDelete?: (unit: UnitView) => void;
}) {
  const { t, i18n } = useTranslation();
  const lng = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en';
  const columns: Column<UnitView>[] = [
    { key: 'name', header: t('units.name'), cell: (u) => <span className="fl-table__primary">{u.name}</span> },
    { key: 'code', header: t('units.code'), cell: (u) => <code dir="ltr">{u.code}</code> },
    {
      key: 'users',
      header: t('units.users'),
      align: 'end',
      cell: (u) => <span className="fl-num">{formatNumber(u.userCount, lng)}</span>,
    },
  ];
  if (onEdit || onDelete) {
    columns.push({
      key: 'actions',
      header: <span className="fl-visually-hidden">{t('common.actions')}</span>,
      align: 'end',
      cell: (u) => (
        <div className="fl-row-actions">
          {onEdit && (
            <Button
              variant="ghost"
              size="sm"
              icon={<PencilIcon size={16} />}
              onClick={() => onEdit(u)}
              aria-label={t('units.editNamed', { name: u.name })}
            >
              {t('common.edit')}
            </Button>
          )}
          {onDelete && (
            <Button
              variant="ghost"
              size="sm"
              className="fl-button--danger-text"
              icon={<TrashIcon size={16} />}
              onClick={() => onDelete(u)}
              aria-label={t('units.deleteNamed', { name: u.name })}
            >
              {t('common.delete')}
            </Button>
          )}
        </div>
      ),
    });
  }
  return <Table columns={columns} rows={units} rowKey={(u) => u.id} caption={t('nav.units')} />;
}

import type { RowError } from '@firstline/contracts';
import { useTranslation } from 'react-i18next';
import { Table, type Column } from '@/components/ui';

/** The rows of a rejected CSV, one line per problem. Row numbers count the header as row 1, like a spreadsheet. */
export function ImportErrorTable({ errors }: { errors: RowError[] }) {
  const { t } = useTranslation();
  const columns: Column<RowError & { key: string }>[] = [
    {
      key: 'row',
      header: t('import.row'),
      cell: (e) =>
        e.row > 0 ? <span className="fl-num">{e.row}</span> : <span className="fl-muted">{t('import.wholeFile')}</span>,
      width: '6rem',
    },
    {
      key: 'column',
      header: t('import.column'),
      cell: (e) =>
        e.column ? <code dir="ltr">{e.column}</code> : <span className="fl-muted">{t('import.wholeRow')}</span>,
      width: '11rem',
    },
    { key: 'reason', header: t('import.problem'), cell: (e) => <span dir="auto">{e.reason}</span> },
  ];
  const rows = errors.map((e, i) => ({ ...e, key: `${e.row}-${e.column ?? ''}-${i}` }));
  return (
    <Table
      columns={columns}
      rows={rows}
      rowKey={(r) => r.key}
      caption={t('import.errorTableCaption')}
      captionHidden={false}
      className="fl-table-wrap--danger"
    />
  );
}

import type { CohortView } from '@firstline/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Table, type Column } from '@/components/ui';
import { formatDate, formatNumber } from '@/lib/format';
import { isLanguage } from '@/lib/i18n';

export function CohortPeriod({ cohort }: { cohort: Pick<CohortView, 'startsOn' | 'endsOn'> }) {
  const { t, i18n } = useTranslation();
  const lng = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en';
  if (!cohort.startsOn && !cohort.endsOn) return <span className="fl-muted">{t('cohorts.noDates')}</span>;
  return (
    <span>
      {formatDate(cohort.startsOn, lng)} – {formatDate(cohort.endsOn, lng)}
    </span>
  );
}

export function CohortsTable({
  cohorts,
  hrefFor,
  showUnit = true,
  caption,
}: {
  cohorts: CohortView[];
  /** When given, cohort names link to their page. */
  hrefFor?: (cohort: CohortView) => string;
  showUnit?: boolean;
  caption: string;
}) {
  const { t, i18n } = useTranslation();
  const lng = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en';
  const columns: Column<CohortView>[] = [
    {
      key: 'name',
      header: t('cohorts.name'),
      cell: (c) =>
        hrefFor ? (
          <Link className="fl-table__primary-link" to={hrefFor(c)}>
            {c.name}
          </Link>
        ) : (
          <span className="fl-table__primary">{c.name}</span>
        ),
    },
    ...(showUnit ? [{ key: 'unit', header: t('units.unit'), cell: (c: CohortView) => c.unitName }] : []),
    { key: 'period', header: t('cohorts.period'), cell: (c) => <CohortPeriod cohort={c} /> },
    {
      key: 'members',
      header: t('cohorts.members'),
      align: 'end',
      cell: (c) => <span className="fl-num">{formatNumber(c.memberCount, lng)}</span>,
    },
  ];
  return <Table columns={columns} rows={cohorts} rowKey={(c) => c.id} caption={caption} />;
}

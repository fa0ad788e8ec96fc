import type { QueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams, type LoaderFunctionArgs } from 'react-router';
import { ChevronIcon } from '@/components/ui';
import { paths } from '@/config/paths';
import { getUnitReportQueryOptions } from '@/features/reports/api/get-unit-report';
import { UnitRollup } from '@/features/reports/components/unit-rollup';
import { filtersFromSearch, filtersProblem } from '@/features/reports/lib/report-filters';
import { ensureSession } from '@/lib/auth';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useModuleOptions } from './module-options';

export const clientLoader =
  (queryClient: QueryClient) =>
  async ({ params, request }: LoaderFunctionArgs) => {
    const user = await ensureSession(queryClient);
    const filters = filtersFromSearch(new URL(request.url).searchParams);
    if (user && params.unitId && !filtersProblem(filters))
      void queryClient.prefetchQuery(getUnitReportQueryOptions(params.unitId, filters));
    return null;
  };

export default function UnitReportRoute() {
  const { t } = useTranslation();
  const { unitId = '' } = useParams();
  const modules = useModuleOptions();
  useDocumentTitle(t('reports.unit.eyebrow'));
  return (
    <div className="fl-page fl-report">
      <Link to={paths.app.reports.getHref()} className="fl-back-link">
        <ChevronIcon size={16} className="fl-icon-back" />
        {t('nav.reports')}
      </Link>
      <UnitRollup unitId={unitId} modules={modules} eyebrow={t('reports.unit.eyebrow')} />
    </div>
  );
}

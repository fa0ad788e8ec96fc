import type { QueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams, type LoaderFunctionArgs } from 'react-router';
import { ChevronIcon } from '@/components/ui';
import { paths } from '@/config/paths';
import { getCohortOfficersQueryOptions } from '@/features/reports/api/get-cohort-officers';
import { CohortDashboard } from '@/features/reports/components/cohort-dashboard';
import { filtersFromSearch, filtersProblem } from '@/features/reports/lib/report-filters';
import { ensureSession } from '@/lib/auth';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useModuleOptions } from './module-options';

export const clientLoader =
  (queryClient: QueryClient) =>
  async ({ params, request }: LoaderFunctionArgs) => {
    const user = await ensureSession(queryClient);
    const filters = filtersFromSearch(new URL(request.url).searchParams);
    if (user && params.cohortId && !filtersProblem(filters))
      void queryClient.prefetchQuery(getCohortOfficersQueryOptions(params.cohortId, filters));
    return null;
  };

export default function CohortReportRoute() {
  const { t } = useTranslation();
  const { cohortId = '' } = useParams();
  const modules = useModuleOptions(cohortId);
  useDocumentTitle(t('reports.cohortEyebrow'));
  return (
    <div className="fl-page fl-report">
      <Link to={paths.app.reports.getHref()} className="fl-back-link">
        <ChevronIcon size={16} className="fl-icon-back" />
        {t('nav.reports')}
      </Link>
      <CohortDashboard cohortId={cohortId} modules={modules} />
    </div>
  );
}

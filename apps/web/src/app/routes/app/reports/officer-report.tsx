import type { QueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams, type LoaderFunctionArgs } from 'react-router';
import { ChevronIcon } from '@/components/ui';
import { paths } from '@/config/paths';
import { getOfficerReportQueryOptions } from '@/features/reports/api/get-officer-report';
import { OfficerProfile } from '@/features/reports/components/officer-profile';
import { filterSearch, filtersFromSearch, filtersProblem } from '@/features/reports/lib/report-filters';
import { ensureSession } from '@/lib/auth';
import { useDocumentTitle } from '@/lib/use-document-title';

export const clientLoader =
  (queryClient: QueryClient) =>
  async ({ params, request }: LoaderFunctionArgs) => {
    const user = await ensureSession(queryClient);
    const filters = filtersFromSearch(new URL(request.url).searchParams);
    if (user && params.userId && !filtersProblem(filters))
      void queryClient.prefetchQuery(getOfficerReportQueryOptions(params.userId, filters));
    return null;
  };

export default function OfficerReportRoute() {
  const { t } = useTranslation();
  const { userId = '' } = useParams();
  const [search] = useSearchParams();
  const { cohortId, ...filters } = filtersFromSearch(search);
  useDocumentTitle(t('reports.officer.eyebrow'));
  // Opened from a cohort's dashboard: back to it, with the same filters.
  const back = cohortId
    ? { to: `${paths.app.reportCohort.getHref(cohortId)}${filterSearch(filters)}`, label: t('reports.backToCohort') }
    : { to: paths.app.reports.getHref(), label: t('nav.reports') };
  return (
    <div className="fl-page fl-report">
      <Link to={back.to} className="fl-back-link">
        <ChevronIcon size={16} className="fl-icon-back" />
        {back.label}
      </Link>
      <OfficerProfile userId={userId} />
    </div>
  );
}

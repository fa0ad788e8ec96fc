// The item analysis of a module version (?version=N, default the latest published). Instructors and admins may
// take an item out of the module's draft pool from it; supervisors read.
import type { QueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams, type LoaderFunctionArgs } from 'react-router';
import { ChevronIcon } from '@/components/ui';
import { paths } from '@/config/paths';
import { useRemoveExerciseFromDraft } from '@/features/modules/api/remove-exercise-from-draft';
import { getItemAnalysisQueryOptions } from '@/features/reports/api/get-item-analysis';
import { ItemAnalysisDashboard } from '@/features/reports/components/item-analysis/item-analysis-dashboard';
import { ensureSession, useUser } from '@/lib/auth';
import { useDocumentTitle } from '@/lib/use-document-title';

function versionFrom(search: URLSearchParams): number | undefined {
  const v = Number(search.get('version'));
  return Number.isInteger(v) && v >= 1 ? v : undefined;
}

export const clientLoader =
  (queryClient: QueryClient) =>
  async ({ params, request }: LoaderFunctionArgs) => {
    const user = await ensureSession(queryClient);
    if (user && params.moduleId)
      void queryClient.prefetchQuery(
        getItemAnalysisQueryOptions(params.moduleId, versionFrom(new URL(request.url).searchParams)),
      );
    return null;
  };

export default function ItemAnalysisRoute() {
  const { t } = useTranslation();
  const { moduleId = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const user = useUser();
  const remove = useRemoveExerciseFromDraft(moduleId);
  const canChange = user.role === 'instructor' || user.role === 'admin';
  useDocumentTitle(t('itemAnalysis.eyebrow'));
  return (
    <div className="fl-page fl-report">
      <Link to={paths.app.reports.getHref()} className="fl-back-link">
        <ChevronIcon size={16} className="fl-icon-back" />
        {t('nav.reports')}
      </Link>
      <ItemAnalysisDashboard
        moduleId={moduleId}
        version={versionFrom(search)}
        onVersionChange={(version) => setSearch({ version: String(version) }, { replace: true })}
        onRemove={
          canChange
            ? async (exerciseId) => {
                await remove.mutateAsync(exerciseId);
              }
            : undefined
        }
      />
    </div>
  );
}

// An officer's attempt as staff read it: the same results and item-by-item review the trainee sees, reached from
// the officer's profile or a heatmap cell (`?officer=` leads back to the profile, `?item=` opens that item).
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { paths } from '@/config/paths';
import { AttemptResultsView } from '@/features/attempts/components/attempt-results';
import { useDocumentTitle } from '@/lib/use-document-title';

export default function AttemptReviewRoute() {
  const { t } = useTranslation();
  const { attemptId = '' } = useParams();
  const [search] = useSearchParams();
  const officer = search.get('officer');
  const item = Number(search.get('item'));
  useDocumentTitle(t('results.title'));
  const back = officer
    ? { to: paths.app.reportOfficer.getHref(officer), label: t('reports.backToOfficer') }
    : { to: paths.app.reports.getHref(), label: t('nav.reports') };
  return (
    <div className="fl-page">
      <AttemptResultsView
        attemptId={attemptId}
        back={back}
        openItem={Number.isInteger(item) && item > 0 ? item : undefined}
      />
    </div>
  );
}

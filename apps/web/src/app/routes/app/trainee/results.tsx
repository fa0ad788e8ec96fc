import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { AttemptResultsView } from '@/features/attempts/components/attempt-results';
import { useDocumentTitle } from '@/lib/use-document-title';

export default function ResultsRoute() {
  const { t } = useTranslation();
  const { attemptId = '' } = useParams();
  useDocumentTitle(t('results.title'));
  return (
    <div className="fl-page">
      <AttemptResultsView attemptId={attemptId} />
    </div>
  );
}

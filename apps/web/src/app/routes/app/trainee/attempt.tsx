// The quiz player route (lazy: the player and its document viewer load only here).
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { QuizPlayer } from '@/features/attempts/components/quiz-player';
import { useDocumentTitle } from '@/lib/use-document-title';

export default function AttemptRoute() {
  const { t } = useTranslation();
  const { attemptId = '' } = useParams();
  useDocumentTitle(t('player.title'));
  return <QuizPlayer attemptId={attemptId} />;
}

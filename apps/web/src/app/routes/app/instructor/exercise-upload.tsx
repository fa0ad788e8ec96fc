// "Upload your own": photographs of a seized document made into an exercise, then opened in the editor to draw its
// tampered regions.
import type { QueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ChevronIcon, PageHeader } from '@/components/ui';
import { paths } from '@/config/paths';
import { ExerciseUpload } from '@/features/exercises/components/exercise-upload';
import { useUnits } from '@/features/units/api/get-units';
import { ensureSession, useUser } from '@/lib/auth';
import { useDocumentTitle } from '@/lib/use-document-title';

export const clientLoader = (queryClient: QueryClient) => async () => {
  await ensureSession(queryClient);
  return null;
};

export default function ExerciseUploadRoute() {
  const { t } = useTranslation();
  const user = useUser();
  const units = useUnits();
  useDocumentTitle(t('exercises.upload.title'));
  const unitOptions = user.role === 'admin' ? (units.data ?? []).map((u) => ({ value: u.id, label: u.name })) : null;
  return (
    <div className="fl-page">
      <Link to={paths.app.exercises.getHref()} className="fl-back-link">
        <ChevronIcon size={16} className="fl-icon-back" />
        {t('authoring.backToLibrary')}
      </Link>
      <PageHeader
        eyebrow={t('authoring.eyebrow')}
        title={t('exercises.upload.title')}
        description={t('exercises.upload.description')}
      />
      <ExerciseUpload units={unitOptions} />
    </div>
  );
}

// "Upload your own": photographs of a seized document made into an exercise, then opened in the editor to draw its
// tampered regions.
import type { QueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { AuthoringHeader } from '@/features/authoring/components/authoring-header';
import { ExerciseUpload } from '@/features/exercises/components/exercise-upload';
import { useOwnerUnitOptions } from '@/features/units/api/get-units';
import { ensureSession } from '@/lib/auth';
import { useDocumentTitle } from '@/lib/use-document-title';

export const clientLoader = (queryClient: QueryClient) => async () => {
  await ensureSession(queryClient);
  return null;
};

export default function ExerciseUploadRoute() {
  const { t } = useTranslation();
  const unitOptions = useOwnerUnitOptions();
  useDocumentTitle(t('exercises.upload.title'));
  return (
    <div className="fl-page">
      <AuthoringHeader title={t('exercises.upload.title')} description={t('exercises.upload.description')} />
      <ExerciseUpload units={unitOptions} />
    </div>
  );
}

// Forge a synthetic document as an exercise: the form, a preview of every light with the truth, then the background
// job's progress and a link to the exercise it made.
import type { QueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBanner } from '@/components/ui';
import {
  isJobRunning,
  useExerciseJob,
  usePreviewForgery,
  useStartForgery,
} from '@/features/authoring/api/forge-exercise';
import { AuthoringHeader } from '@/features/authoring/components/authoring-header';
import { ForgeForm } from '@/features/authoring/components/forge-form';
import { ForgeJobProgress } from '@/features/authoring/components/forge-job-progress';
import { ForgePreviewPanel } from '@/features/authoring/components/forge-preview';
import { forgeRequest, initialForgeForm } from '@/features/authoring/lib/forge-form-state';
import { useOwnerUnitOptions } from '@/features/units/api/get-units';
import { ensureSession } from '@/lib/auth';
import { useDocumentTitle } from '@/lib/use-document-title';
import '@/features/authoring/components/forge.css';

export const clientLoader = (queryClient: QueryClient) => async () => {
  await ensureSession(queryClient);
  return null;
};

export default function ExerciseForgeRoute() {
  const { t } = useTranslation();
  const [form, setForm] = useState(() => initialForgeForm());
  const preview = usePreviewForgery();
  const start = useStartForgery();
  const [jobId, setJobId] = useState<string | null>(null);
  const job = useExerciseJob(jobId);
  const unitOptions = useOwnerUnitOptions();
  useDocumentTitle(t('authoring.forge.title'));

  return (
    <div className="fl-page">
      <AuthoringHeader title={t('authoring.forge.title')} description={t('authoring.forge.description')} />
      <ForgeForm
        state={form}
        onChange={(next) => {
          setForm(next);
          preview.reset();
        }}
        units={unitOptions}
        previewing={preview.isPending}
        forging={start.isPending || isJobRunning(job.data)}
        onPreview={() => preview.mutate(forgeRequest(form))}
        onForge={() => start.mutate(forgeRequest(form), { onSuccess: (created) => setJobId(created.id) })}
      />
      {(preview.error || start.error) && <ErrorBanner error={preview.error ?? start.error} />}
      {job.data && <ForgeJobProgress job={job.data} />}
      {preview.data && <ForgePreviewPanel preview={preview.data} />}
    </div>
  );
}

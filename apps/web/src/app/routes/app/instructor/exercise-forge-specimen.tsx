// Forge on a genuine specimen: pick it, draw the region, choose the operation; the background job applies it under
// every light and opens the exercise it made in the editor.
import type { QueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBanner } from '@/components/ui';
import { isJobRunning, useExerciseJob, useStartSpecimenForgery } from '@/features/authoring/api/forge-exercise';
import { AuthoringHeader } from '@/features/authoring/components/authoring-header';
import { ForgeJobProgress } from '@/features/authoring/components/forge-job-progress';
import { SpecimenForgeForm } from '@/features/authoring/components/specimen-forge-form';
import { initialSpecimenForge, specimenForgeRequest } from '@/features/authoring/lib/specimen-forge-state';
import { useSpecimen } from '@/features/library/api/get-specimen';
import { useSpecimens } from '@/features/library/api/get-specimens';
import { useOwnerUnitOptions } from '@/features/units/api/get-units';
import { ensureSession } from '@/lib/auth';
import { useDocumentTitle } from '@/lib/use-document-title';
import '@/features/authoring/components/forge.css';

export const clientLoader = (queryClient: QueryClient) => async () => {
  await ensureSession(queryClient);
  return null;
};

export default function ExerciseForgeSpecimenRoute() {
  const { t } = useTranslation();
  const specimens = useSpecimens({ limit: 100 });
  const [form, setForm] = useState(() => initialSpecimenForge());
  const specimen = useSpecimen(form.specimenId || 'none', { enabled: Boolean(form.specimenId) });
  const start = useStartSpecimenForgery();
  const [jobId, setJobId] = useState<string | null>(null);
  const job = useExerciseJob(jobId);
  const unitOptions = useOwnerUnitOptions();
  useDocumentTitle(t('authoring.specimenForge.title'));

  const running = isJobRunning(job.data);
  return (
    <div className="fl-page">
      <AuthoringHeader
        title={t('authoring.specimenForge.title')}
        description={t('authoring.specimenForge.description')}
      />
      <SpecimenForgeForm
        state={form}
        onChange={(next) => {
          setForm(next);
          start.reset();
        }}
        specimens={specimens.data?.items ?? []}
        specimen={form.specimenId ? specimen.data : undefined}
        units={unitOptions}
        forging={start.isPending || running}
        onForge={() => start.mutate(specimenForgeRequest(form), { onSuccess: (created) => setJobId(created.id) })}
      />
      {(start.error || specimen.error) && <ErrorBanner error={start.error ?? specimen.error} />}
      {job.data && <ForgeJobProgress job={job.data} />}
    </div>
  );
}

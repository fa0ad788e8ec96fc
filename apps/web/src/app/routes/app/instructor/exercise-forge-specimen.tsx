// Forge on a genuine specimen: pick it, draw the region, choose the operation; the background job applies it under
// every light and opens the exercise it made in the editor.
import type { QueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ChevronIcon, ErrorBanner, PageHeader } from '@/components/ui';
import { paths } from '@/config/paths';
import { useExerciseJob, useStartSpecimenForgery } from '@/features/authoring/api/forge-exercise';
import { ForgeJobProgress } from '@/features/authoring/components/forge-job-progress';
import { SpecimenForgeForm } from '@/features/authoring/components/specimen-forge-form';
import { initialSpecimenForge, specimenForgeRequest } from '@/features/authoring/lib/specimen-forge-state';
import { useSpecimen } from '@/features/library/api/get-specimen';
import { useSpecimens } from '@/features/library/api/get-specimens';
import { useUnits } from '@/features/units/api/get-units';
import { ensureSession, useUser } from '@/lib/auth';
import { useDocumentTitle } from '@/lib/use-document-title';
import '@/features/authoring/components/forge.css';

export const clientLoader = (queryClient: QueryClient) => async () => {
  await ensureSession(queryClient);
  return null;
};

export default function ExerciseForgeSpecimenRoute() {
  const { t } = useTranslation();
  const user = useUser();
  const isAdmin = user.role === 'admin';
  const units = useUnits();
  const specimens = useSpecimens({ limit: 100 });
  const [form, setForm] = useState(() => initialSpecimenForge());
  const specimen = useSpecimen(form.specimenId || 'none', { enabled: Boolean(form.specimenId) });
  const start = useStartSpecimenForgery();
  const [jobId, setJobId] = useState<string | null>(null);
  const job = useExerciseJob(jobId);
  useDocumentTitle(t('authoring.specimenForge.title'));

  const unitOptions = isAdmin ? (units.data ?? []).map((u) => ({ value: u.id, label: u.name })) : null;
  const running = job.data !== undefined && job.data.status !== 'done' && job.data.status !== 'failed';
  return (
    <div className="fl-page">
      <Link to={paths.app.exercises.getHref()} className="fl-back-link">
        <ChevronIcon size={16} className="fl-icon-back" />
        {t('authoring.backToLibrary')}
      </Link>
      <PageHeader
        eyebrow={t('authoring.eyebrow')}
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

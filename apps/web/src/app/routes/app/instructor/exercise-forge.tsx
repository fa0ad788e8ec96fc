// Forge a synthetic document as an exercise: the form, a preview of every light with the truth, then the background
// job's progress and a link to the exercise it made.
import type { QueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ChevronIcon, ErrorBanner, PageHeader } from '@/components/ui';
import { paths } from '@/config/paths';
import { useExerciseJob, usePreviewForgery, useStartForgery } from '@/features/authoring/api/forge-exercise';
import { ForgeForm } from '@/features/authoring/components/forge-form';
import { ForgeJobProgress } from '@/features/authoring/components/forge-job-progress';
import { ForgePreviewPanel } from '@/features/authoring/components/forge-preview';
import { forgeRequest, initialForgeForm } from '@/features/authoring/lib/forge-form-state';
import { useUnits } from '@/features/units/api/get-units';
import { ensureSession, useUser } from '@/lib/auth';
import { useDocumentTitle } from '@/lib/use-document-title';
import '@/features/authoring/components/forge.css';

export const clientLoader = (queryClient: QueryClient) => async () => {
  await ensureSession(queryClient);
  return null;
};

export default function ExerciseForgeRoute() {
  const { t } = useTranslation();
  const user = useUser();
  const isAdmin = user.role === 'admin';
  const units = useUnits();
  const [form, setForm] = useState(() => initialForgeForm());
  const preview = usePreviewForgery();
  const start = useStartForgery();
  const [jobId, setJobId] = useState<string | null>(null);
  const job = useExerciseJob(jobId);
  useDocumentTitle(t('authoring.forge.title'));

  const unitOptions = isAdmin ? (units.data ?? []).map((u) => ({ value: u.id, label: u.name })) : null;
  return (
    <div className="fl-page">
      <Link to={paths.app.exercises.getHref()} className="fl-back-link">
        <ChevronIcon size={16} className="fl-icon-back" />
        {t('authoring.backToLibrary')}
      </Link>
      <PageHeader
        eyebrow={t('authoring.eyebrow')}
        title={t('authoring.forge.title')}
        description={t('authoring.forge.description')}
      />
      <ForgeForm
        state={form}
        onChange={(next) => {
          setForm(next);
          preview.reset();
        }}
        units={unitOptions}
        previewing={preview.isPending}
        forging={
          start.isPending || (job.data !== undefined && job.data.status !== 'done' && job.data.status !== 'failed')
        }
        onPreview={() => preview.mutate(forgeRequest(form))}
        onForge={() => start.mutate(forgeRequest(form), { onSuccess: (created) => setJobId(created.id) })}
      />
      {(preview.error || start.error) && <ErrorBanner error={preview.error ?? start.error} />}
      {job.data && <ForgeJobProgress job={job.data} />}
      {preview.data && <ForgePreviewPanel preview={preview.data} />}
    </div>
  );
}

// A forge job on its way: a progress bar with the step in words, then a link to the exercise made or the reason it
// failed (nothing of a failed job is kept).
import type { ExerciseJob } from '@firstline/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Banner, buttonClass } from '@/components/ui';
import { paths } from '@/config/paths';

export function ForgeJobProgress({ job }: { job: ExerciseJob }) {
  const { t } = useTranslation();
  if (job.status === 'failed')
    return (
      <Banner tone="danger" title={t('authoring.job.failed')}>
        {job.error}
      </Banner>
    );
  if (job.status === 'done' && job.exerciseId)
    return (
      <Banner tone="success" title={t('authoring.job.done')}>
        <Link className={buttonClass('primary', 'sm')} to={paths.app.exercise.getHref(job.exerciseId)}>
          {t('authoring.job.open')}
        </Link>
      </Banner>
    );
  return (
    <div className="fl-card fl-stack fl-forge-card" role="status" aria-live="polite" data-testid="forge-job">
      <p className="fl-forge-job__step">
        {t('authoring.job.working')} {job.step && <span>— {job.step}</span>}
      </p>
      <progress className="fl-progress" max={100} value={job.progress} aria-label={t('authoring.job.progress')}>
        {job.progress} %
      </progress>
    </div>
  );
}

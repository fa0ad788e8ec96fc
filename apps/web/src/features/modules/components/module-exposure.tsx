// Exposure control for one module: what each officer needs unseen in an assessment's pool (item models count once
// per attempt: each makes a fresh document), and per cohort it is assigned to a bar of how much of the pool's fixed
// documents its officers have already seen the truth of (practice feedback, reviews).
import type { ModuleExposure } from '@firstline/contracts';
import { useTranslation } from 'react-i18next';
import { Badge, LoadingBlock, QueryError } from '@/components/ui';
import { formatNumber } from '@/lib/format';
import { isLanguage } from '@/lib/i18n';
import { useModuleExposure } from '../api/get-module-exposure';

function CohortBar({ cohort }: { cohort: ModuleExposure['cohorts'][number] }) {
  const { t, i18n } = useTranslation();
  const lng = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en';
  const n = (value: number) => formatNumber(value, lng);
  const seenShare = cohort.poolDocuments ? cohort.exposedDocuments / cohort.poolDocuments : 0;
  const seen = t('modules.exposure.seen', {
    count: cohort.exposedDocuments,
    seen: n(cohort.exposedDocuments),
    pool: n(cohort.poolDocuments),
  });
  return (
    <li className="fl-exposure__cohort">
      <div className="fl-exposure__head">
        <span className="fl-table__primary" dir="auto">
          {cohort.cohortName}
        </span>
        <span className="fl-muted">{t('modules.versionN', { version: cohort.moduleVersion })}</span>
        {cohort.officersShort > 0 ? (
          <Badge tone="red">
            {t('modules.exposure.short', { count: cohort.officersShort, n: n(cohort.officersShort) })}
          </Badge>
        ) : (
          <Badge tone="green">{t('modules.exposure.allCanTake')}</Badge>
        )}
      </div>
      <div className="fl-exposure__bar" role="img" aria-label={seen}>
        <span className="fl-exposure__seen" style={{ inlineSize: `${(seenShare * 100).toFixed(1)}%` }} />
      </div>
      <p className="fl-exposure__text">
        {seen} ·{' '}
        {t('modules.exposure.officers', {
          count: cohort.officers,
          exposed: n(cohort.officersExposed),
          officers: n(cohort.officers),
        })}
        {cohort.fewestUnseen !== null && <> · {t('modules.exposure.fewest', { n: n(cohort.fewestUnseen) })}</>}
      </p>
    </li>
  );
}

export function ModuleExposurePanel({
  moduleId,
  publishedVersionId,
}: {
  moduleId: string;
  publishedVersionId: string | null;
}) {
  const { t, i18n } = useTranslation();
  const lng = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en';
  const query = useModuleExposure(moduleId, publishedVersionId);
  if (query.isPending) return <LoadingBlock />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => query.refetch()} />;
  const x = query.data;
  const n = (value: number) => formatNumber(value, lng);
  const overlaps = x.overlaps.length > 0 && (
    <ul className="fl-exposure__overlaps" aria-label={t('modules.exposure.overlapsLabel')}>
      {x.overlaps.map((o) => (
        <li key={`${o.moduleId}/${o.cohortId}`}>
          {t(x.mode === 'practice' ? 'modules.exposure.showsAssessment' : 'modules.exposure.shownByPractice', {
            count: o.sharedDocuments,
            n: n(o.sharedDocuments),
            title: o.title,
            cohort: o.cohortName,
          })}
        </li>
      ))}
    </ul>
  );
  if (x.mode === 'practice')
    return (
      <div className="fl-exposure" data-testid="module-exposure">
        <p className="fl-muted">{t('modules.exposure.practice')}</p>
        {overlaps}
      </div>
    );
  if (x.unlimited) return <p className="fl-exposure__warning">{t('modules.exposure.unlimited')}</p>;
  // No need to count with no version published — or when item models alone fill every draw with fresh documents.
  if (!x.need)
    return (
      <p className="fl-muted">
        {x.poolItemModels > 0 ? t('modules.exposure.modelsFill') : t('modules.exposure.publishFirst')}
      </p>
    );
  const need = x.need;
  return (
    <div className="fl-exposure" data-testid="module-exposure">
      <p>
        {need.attempts > 1
          ? t('modules.exposure.needAttempts', {
              documents: n(need.documents),
              attempts: n(need.attempts),
              draw: n(need.draw),
              genuine: n(need.genuine),
            })
          : t('modules.exposure.needOne', { documents: n(need.documents), genuine: n(need.genuine) })}{' '}
        {x.poolItemModels > 0
          ? t('modules.exposure.poolWithModels', {
              count: x.poolItemModels,
              pool: n(x.poolDocuments),
              genuine: n(x.poolGenuine),
              models: n(x.poolItemModels),
            })
          : t('modules.exposure.pool', { pool: n(x.poolDocuments), genuine: n(x.poolGenuine) })}
      </p>
      {overlaps}
      {x.cohorts.length === 0 ? (
        <p className="fl-muted">{t('modules.exposure.noCohorts')}</p>
      ) : (
        <ul className="fl-exposure__list" aria-label={t('modules.exposure.listLabel')}>
          {x.cohorts.map((c) => (
            <CohortBar key={c.assignmentId} cohort={c} />
          ))}
        </ul>
      )}
      <p className="fl-exposure__legend">
        <span className="fl-exposure__swatch fl-exposure__swatch--seen" aria-hidden="true" />
        {t('modules.exposure.legendSeen')}
        <span className="fl-exposure__swatch" aria-hidden="true" />
        {t('modules.exposure.legendUnseen')}
      </p>
    </div>
  );
}

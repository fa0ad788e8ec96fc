// The module screen's item models: per model of the latest published version a bar of its officers' own documents —
// drawn, waiting, being generated — and, plainly, any that could not be generated and why. Follows generation while
// documents are being generated.
import type { ItemModelGeneration } from '@firstline/contracts';
import { useTranslation } from 'react-i18next';
import { Badge, Banner, Card, LoadingBlock, QueryError } from '@/components/ui';
import { formatNumber } from '@/lib/format';
import { isLanguage } from '@/lib/i18n';
import { useModuleExposure } from '../api/get-module-exposure';
import { useModuleItemModels } from '../api/get-module-item-models';
import { itemModelName } from '../lib/item-model-draft';

/** The API's reason ends a sentence of ours. */
const reasonText = (reason: string) => reason.trim().replace(/[.۔]+$/, '');
const share = (part: number, whole: number) => `${whole ? ((part / whole) * 100).toFixed(1) : 0}%`;

function ModelGeneration({ generation }: { generation: ItemModelGeneration }) {
  const { t, i18n } = useTranslation();
  const lng = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en';
  const n = (value: number) => formatNumber(value, lng);
  const { model, ready, generating, used, failed, lastError } = generation;
  const total = ready + generating + used;
  const counts = t('modules.itemModelDocs.counts', { ready: n(ready), generating: n(generating), used: n(used) });
  return (
    <li className="fl-exposure__cohort" data-testid="item-model-generation">
      <div className="fl-exposure__head">
        <span className="fl-table__primary">{itemModelName(t, model)}</span>
        {model.operation && <span className="fl-muted">{t(`authoring.operation.${model.operation}`)}</span>}
        {failed > 0 ? (
          <Badge tone="red">{t('modules.itemModelDocs.failedBadge', { count: failed, n: n(failed) })}</Badge>
        ) : generating > 0 ? (
          <Badge tone="blue">{t('modules.itemModelDocs.generatingBadge')}</Badge>
        ) : ready > 0 ? (
          <Badge tone="green">{t('modules.itemModelDocs.readyBadge')}</Badge>
        ) : (
          <Badge tone="amber">{t('modules.itemModelDocs.noneWaiting')}</Badge>
        )}
      </div>
      <div className="fl-generation__bar" role="img" aria-label={counts}>
        <span className="fl-generation__used" style={{ inlineSize: share(used, total) }} />
        <span className="fl-generation__ready" style={{ inlineSize: share(ready, total) }} />
        <span className="fl-generation__generating" style={{ inlineSize: share(generating, total) }} />
      </div>
      <p className="fl-exposure__text">{counts}</p>
      {failed > 0 && (
        <Banner tone="danger" className="fl-generation__failed">
          <p>
            {lastError
              ? t('modules.itemModelDocs.failed', { count: failed, n: n(failed), reason: reasonText(lastError) })
              : t('modules.itemModelDocs.failedNoReason', { count: failed, n: n(failed) })}{' '}
            {t('modules.itemModelDocs.failedStillUsable')}
          </p>
        </Banner>
      )}
    </li>
  );
}

function Generation({ moduleId, publishedVersionId }: { moduleId: string; publishedVersionId: string }) {
  const { t, i18n } = useTranslation();
  const lng = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en';
  const n = (value: number) => formatNumber(value, lng);
  const query = useModuleItemModels(moduleId, publishedVersionId);
  if (query.isPending) return <LoadingBlock />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => query.refetch()} />;
  const x = query.data;
  if (x.models.length === 0) return <p className="fl-muted">{t('modules.itemModelDocs.notPublished')}</p>;
  return (
    <div className="fl-exposure" data-testid="module-item-models">
      <p>
        {x.officers > 0
          ? t('modules.itemModelDocs.explain', { count: x.officers, officers: n(x.officers), buffer: n(x.buffer) })
          : t('modules.itemModelDocs.noOfficers', { version: n(x.version ?? 0), buffer: n(x.buffer) })}
      </p>
      <ul
        className="fl-exposure__list"
        aria-label={t('modules.itemModelDocs.listLabel', { version: n(x.version ?? 0) })}
      >
        {x.models.map((g) => (
          <ModelGeneration key={g.model.id} generation={g} />
        ))}
      </ul>
      <p className="fl-exposure__legend">
        <span className="fl-generation__swatch fl-generation__used" aria-hidden="true" />
        {t('modules.itemModelDocs.legendUsed')}
        <span className="fl-generation__swatch fl-generation__ready" aria-hidden="true" />
        {t('modules.itemModelDocs.legendReady')}
        <span className="fl-generation__swatch fl-generation__generating" aria-hidden="true" />
        {t('modules.itemModelDocs.legendGenerating')}
      </p>
    </div>
  );
}

/**
 * Shown once the module is published, when its draft or its published version (the exposure figures say) has item
 * models; the figures come from the published version.
 */
export function ModuleItemModelsCard({
  moduleId,
  publishedVersionId,
  draftItemModels,
}: {
  moduleId: string;
  publishedVersionId: string;
  draftItemModels: number;
}) {
  const { t } = useTranslation();
  const exposure = useModuleExposure(moduleId, publishedVersionId);
  if (draftItemModels === 0 && !exposure.data?.poolItemModels) return null;
  return (
    <Card title={t('modules.itemModelDocs.title')} description={t('modules.itemModelDocs.hint')}>
      <Generation moduleId={moduleId} publishedVersionId={publishedVersionId} />
    </Card>
  );
}

// The preview of a forgery: each desk light of each side, with the true regions outlined on the lights where they
// show, and the truth in words — what the instructor checks before forging it.
import type { ForgePreview } from '@firstline/contracts';
import { useTranslation } from 'react-i18next';
import { Badge } from '@/components/ui';
import { fraudTypeKey } from '@/lib/taxonomy-keys';

export function ForgePreviewPanel({ preview }: { preview: ForgePreview }) {
  const { t } = useTranslation();
  const { truth } = preview;
  const features = [...new Set(truth.regions.flatMap((r) => r.features))];
  return (
    <section
      className="fl-card fl-stack fl-forge-card"
      aria-labelledby="forge-preview-title"
      data-testid="forge-preview"
    >
      <header className="fl-forge-preview__header">
        <h2 id="forge-preview-title" className="fl-card__title" dir="auto">
          {preview.title}
        </h2>
        <Badge tone={truth.verdict === 'genuine' ? 'green' : 'red'}>{t(fraudTypeKey(truth.fraudType))}</Badge>
      </header>
      <ul className="fl-forge-preview__lights">
        {preview.images.map((img) => {
          const shown = truth.regions.filter((r) => r.side === img.side && r.lights.includes(img.light));
          return (
            <li key={`${img.side}-${img.light}`} className="fl-forge-preview__light">
              <figure>
                <div className="fl-forge-preview__frame" style={{ aspectRatio: `${img.width} / ${img.height}` }}>
                  <img src={img.dataUrl} alt="" width={img.width} height={img.height} />
                  <svg viewBox="0 0 1 1" preserveAspectRatio="none" aria-hidden="true">
                    {shown.map((r, i) => (
                      <polygon key={i} points={r.polygon.map(([x, y]) => `${x},${y}`).join(' ')} />
                    ))}
                  </svg>
                </div>
                <figcaption>
                  {t(`taxonomy.side.${img.side}`)} · {t(`taxonomy.light.${img.light}`)}
                  {shown.length > 0 && (
                    <span className="fl-forge-preview__shows">
                      {' '}
                      — {t('authoring.preview.showsHere', { count: shown.length })}
                    </span>
                  )}
                </figcaption>
              </figure>
            </li>
          );
        })}
      </ul>
      <dl className="fl-forge-preview__truth">
        <dt>{t('authoring.preview.verdict')}</dt>
        <dd>{t(`taxonomy.verdict.${truth.verdict}`)}</dd>
        {features.length > 0 && (
          <>
            <dt>{t('authoring.preview.features')}</dt>
            <dd>{features.map((f) => t(`taxonomy.feature.${f}`, { defaultValue: f })).join(', ')}</dd>
          </>
        )}
        {(truth.mrzFailedChecks ?? []).length > 0 && (
          <>
            <dt>{t('authoring.preview.mrz')}</dt>
            <dd>
              {(truth.mrzFailedChecks ?? []).map((c) => t(`taxonomy.mrzCheck.${c}`, { defaultValue: c })).join(', ')}
            </dd>
          </>
        )}
        <dt>{t('authoring.preview.explanation')}</dt>
        {/* The forge writes its explanations in English: laid out as English inside an Urdu page. */}
        <dd dir="auto">{truth.explanation}</dd>
      </dl>
    </section>
  );
}

// Tampered regions: pick a side and the light to draw on, draw a polygon on the document image (click to add
// vertices, close it), then give each region its compromised features (PRADO taxonomy), the lights where the
// tampering shows, and a note. Regions of the other sides are listed too.
import {
  FEATURE_CATEGORIES,
  FEATURE_TAXONOMY,
  LIGHTS,
  type DocumentSide,
  type FeatureKind,
  type Light,
  type MediaAssetView,
} from '@firstline/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Banner, Button, Checkbox, CloseIcon, Field, PlusIcon, SelectField, TrashIcon } from '@/components/ui';
import { PolygonEditor, type Shape } from '@/components/viewer/polygon-editor';
import {
  addRegion,
  lightsOn,
  removeRegion,
  sidesOf,
  toggleLight,
  updateRegion,
  type ExerciseDraft,
  type RegionDraft,
} from '../lib/exercise-draft';

const imageUrlOf = (asset: MediaAssetView | undefined) => {
  const urls = asset?.status === 'ready' ? asset.urls : null;
  return urls ? (urls.variants['1280.webp'] ?? urls.variants['1280.jpeg'] ?? Object.values(urls.variants)[0]) : null;
};

export function RegionEditor({
  draft,
  onChange,
  assets,
}: {
  draft: ExerciseDraft;
  onChange: (next: ExerciseDraft) => void;
  assets: Map<string, MediaAssetView>;
}) {
  const { t } = useTranslation();
  const sides = sidesOf(draft);
  const [side, setSide] = useState<DocumentSide>(sides[0] ?? 'data-page');
  const lights = lightsOn(draft, side);
  const [chosenLight, setLight] = useState<Light>('visible');
  const light = lights.includes(chosenLight) ? chosenLight : (lights[0] ?? 'visible');
  const [drawing, setDrawing] = useState(false);
  const [drawSession, setDrawSession] = useState(0);
  const [selected, setSelected] = useState<string | null>(null);

  const image = draft.images.filter((i) => i.side === side && i.light === light).sort((a, b) => a.frame - b.frame)[0];
  const asset = image ? assets.get(image.assetId) : undefined;
  const imageUrl = imageUrlOf(asset) ?? null;
  const number = (r: RegionDraft) => draft.regions.indexOf(r) + 1;
  const shapes: Shape[] = draft.regions
    .filter((r) => r.side === side)
    .map((r) => ({
      id: r.key,
      label: t('exercises.regions.shapeLabel', { n: number(r) }),
      points: r.polygon,
      selected: r.key === selected,
    }));
  const imageLabel = `${t(`taxonomy.side.${side}`)} · ${t(`taxonomy.light.${light}`)}`;

  function startDrawing() {
    setDrawing(true);
    setSelected(null);
    setDrawSession((n) => n + 1);
  }

  return (
    <div className="fl-stack">
      <div className="fl-editor-toolbar">
        <SelectField
          label={t('exercises.regions.side')}
          value={side}
          onChange={(e) => setSide(e.target.value as DocumentSide)}
          options={sides.map((s) => ({ value: s, label: t(`taxonomy.side.${s}`) }))}
          disabled={drawing}
        />
        <SelectField
          label={t('exercises.regions.light')}
          value={light}
          onChange={(e) => setLight(e.target.value as Light)}
          options={lights.map((l) => ({ value: l, label: t(`taxonomy.light.${l}`) }))}
        />
        <div className="fl-editor-toolbar__action">
          {!drawing && (
            <Button icon={<PlusIcon size={18} />} onClick={startDrawing}>
              {t('exercises.regions.add')}
            </Button>
          )}
        </div>
      </div>
      <div className="fl-editor">
        <div className="fl-editor__canvas">
          {!imageUrl && <Banner tone="info">{t('exercises.regions.noImage')}</Banner>}
          <PolygonEditor
            key={drawSession}
            imageUrl={imageUrl}
            width={asset?.urls?.width ?? 1000}
            height={asset?.urls?.height ?? 700}
            shapes={shapes}
            drawing={drawing}
            label={imageLabel}
            onComplete={(polygon) => {
              const { draft: next, key } = addRegion(draft, side, polygon, light);
              onChange(next);
              setSelected(key);
              setDrawing(false);
            }}
            onCancel={() => setDrawing(false)}
          />
        </div>
        <div className="fl-editor__side">
          {draft.regions.length === 0 ? (
            <p className="fl-field__hint">{t('exercises.regions.none')}</p>
          ) : (
            <ol className="fl-region-list" aria-label={t('exercises.regions.title')}>
              {draft.regions.map((r) => (
                <li key={r.key}>
                  <RegionFields
                    region={r}
                    n={number(r)}
                    selected={r.key === selected}
                    onSelect={() => {
                      setSide(r.side);
                      setSelected(r.key);
                    }}
                    onChange={(patch) => onChange(updateRegion(draft, r.key, patch))}
                    onDelete={() => onChange(removeRegion(draft, r.key))}
                  />
                </li>
              ))}
            </ol>
          )}
        </div>
      </div>
    </div>
  );
}

function RegionFields({
  region,
  n,
  selected,
  onSelect,
  onChange,
  onDelete,
}: {
  region: RegionDraft;
  n: number;
  selected: boolean;
  onSelect: () => void;
  onChange: (patch: Partial<Omit<RegionDraft, 'key'>>) => void;
  onDelete: () => void;
}) {
  const { t } = useTranslation();
  const name = t('exercises.regions.regionN', { n });
  return (
    <fieldset className={`fl-fieldset fl-region${selected ? ' fl-region--selected' : ''}`}>
      <legend className="fl-field__label">
        <button type="button" className="fl-link-button" onClick={onSelect}>
          {name}
        </button>{' '}
        · {t(`taxonomy.side.${region.side}`)} · {t('exercises.regions.points', { count: region.polygon.length })}
      </legend>
      <Field label={t('exercises.regions.features')}>
        {(control) => (
          <select
            className="fl-input fl-select"
            value=""
            onChange={(e) => {
              const kind = e.target.value as FeatureKind;
              if (kind && !region.features.includes(kind)) onChange({ features: [...region.features, kind] });
            }}
            {...control}
          >
            <option value="">{t('exercises.regions.addFeature')}</option>
            {FEATURE_CATEGORIES.map((c) => (
              <optgroup key={c} label={t(`taxonomy.category.${c}`)}>
                {FEATURE_TAXONOMY[c].map((k) => (
                  <option key={k} value={k} disabled={region.features.includes(k)}>
                    {t(`taxonomy.feature.${k}`)}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        )}
      </Field>
      {region.features.length > 0 && (
        <ul className="fl-tag-list" aria-label={t('exercises.regions.featuresOf', { name })}>
          {region.features.map((f) => (
            <li key={f} className="fl-tag">
              {t(`taxonomy.feature.${f}`)}
              <button
                type="button"
                className="fl-tag__remove"
                aria-label={t('exercises.regions.removeFeature', { feature: t(`taxonomy.feature.${f}`) })}
                onClick={() => onChange({ features: region.features.filter((x) => x !== f) })}
              >
                <CloseIcon size={14} />
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="fl-field__label">{t('exercises.regions.lights')}</div>
      <div className="fl-check-grid">
        {LIGHTS.map((l) => (
          <Checkbox
            key={l}
            label={t(`taxonomy.light.${l}`)}
            checked={region.lights.includes(l)}
            onChange={() => onChange({ lights: toggleLight(region.lights, l) })}
          />
        ))}
      </div>
      <Field label={t('exercises.regions.note')}>
        {(control) => (
          <textarea
            className="fl-input fl-textarea"
            rows={2}
            maxLength={2000}
            value={region.note}
            onChange={(e) => onChange({ note: e.target.value })}
            {...control}
          />
        )}
      </Field>
      <div className="fl-row-actions">
        <Button
          size="sm"
          variant="ghost"
          icon={<TrashIcon size={16} />}
          onClick={onDelete}
          aria-label={t('exercises.regions.deleteNamed', { name })}
        >
          {t('exercises.regions.delete')}
        </Button>
      </div>
    </fieldset>
  );
}

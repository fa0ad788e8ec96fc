// Forge on a specimen: pick a genuine specimen and a side, draw the region on its photograph (its annotated features
// outlined for orientation), choose what to do there — substitute the portrait, retype a field, remove a feature,
// add a forged stamp — and the server applies it under every light the specimen was photographed in.
import {
  SPECIMEN_FORGE_OPERATIONS,
  type Light,
  type MediaAssetView,
  type SpecimenForgeOperation,
  type SpecimenSummary,
  type SpecimenView,
} from '@firstline/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Banner, Button, Checkbox, SelectField, TextField, type SelectOption } from '@/components/ui';
import { PolygonEditor, type Shape } from '@/components/viewer/polygon-editor';
import { fraudTypeKey } from '@/lib/taxonomy-keys';
import {
  changeSpecimenForge,
  featuresUnder,
  fraudTypesFor,
  lightsOfSide,
  missing,
  sidesWithImages,
  takesText,
  type SpecimenForgeState,
} from '../lib/specimen-forge-state';
import { SubtletySeedFields } from './subtlety-seed-fields';

const imageUrlOf = (asset: MediaAssetView | undefined) => {
  const urls = asset?.status === 'ready' ? asset.urls : null;
  return urls ? (urls.variants['1280.webp'] ?? urls.variants['1280.jpeg'] ?? Object.values(urls.variants)[0]) : null;
};

function boxArea(points: readonly (readonly number[])[]): number {
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  return (Math.max(...xs) - Math.min(...xs)) * (Math.max(...ys) - Math.min(...ys));
}

export function SpecimenForgeForm({
  state,
  onChange,
  specimens,
  specimen,
  units,
  onForge,
  forging,
}: {
  state: SpecimenForgeState;
  onChange: (next: SpecimenForgeState) => void;
  specimens: SpecimenSummary[];
  /** The chosen specimen with its photographs and annotations (undefined while it loads). */
  specimen: SpecimenView | undefined;
  /** For an admin: the units an exercise can belong to (instructors forge into their own). */
  units: SelectOption[] | null;
  onForge: () => void;
  forging: boolean;
}) {
  const { t } = useTranslation();
  const set = (change: Partial<SpecimenForgeState>) => onChange(changeSpecimenForge(state, change));
  const sides = sidesWithImages(specimen);
  const side = state.side || sides[0] || '';
  const lights = lightsOfSide(specimen, side);
  const [chosenLight, setLight] = useState<Light>('visible');
  const light = lights.includes(chosenLight) ? chosenLight : (lights[0] ?? 'visible');
  const [drawing, setDrawing] = useState(false);
  const [drawSession, setDrawSession] = useState(0);
  const [showFeatures, setShowFeatures] = useState(false);

  const image = (specimen?.images ?? [])
    .filter((img) => img.side === side && img.light === light)
    .sort((a, b) => a.frame - b.frame)[0];
  const imageUrl = imageUrlOf(image?.asset);
  // Page-wide features (background print, paper) would cover the whole photograph: only the local ones guide a region.
  const annotated = (specimen?.features ?? []).filter((f) => f.side === side && boxArea(f.region) < 0.4);
  const shapes: Shape[] = [
    ...(showFeatures && !drawing
      ? annotated.map((f) => ({ id: `feature-${f.id}`, label: f.name, points: f.region as [number, number][] }))
      : []),
    ...(state.region && !drawing
      ? [{ id: 'region', label: t('authoring.specimenForge.regionLabel'), points: state.region, selected: true }]
      : []),
  ];
  const fraudTypes = fraudTypesFor(state.operation);
  const under = featuresUnder(specimen, side, state.region);
  const removable = [...new Map(under.map((f) => [f.kind, f])).values()];
  const todo = missing({ ...state, side }, Boolean(units));

  return (
    <form
      className="fl-form fl-card fl-forge-card"
      onSubmit={(e) => {
        e.preventDefault();
        if (!todo.length) onForge();
      }}
    >
      <div className="fl-form__row">
        <SelectField
          label={t('authoring.specimenForge.specimen')}
          value={state.specimenId}
          placeholder={t('authoring.specimenForge.specimenPick')}
          onChange={(e) => set({ specimenId: e.target.value })}
          options={specimens.map((s) => ({ value: s.id, label: s.title }))}
        />
        {specimen && (
          <SelectField
            label={t('authoring.specimenForge.side')}
            value={side}
            onChange={(e) => set({ side: e.target.value as SpecimenForgeState['side'] })}
            options={sides.map((s) => ({ value: s, label: t(`taxonomy.side.${s}`) }))}
            disabled={drawing}
          />
        )}
      </div>
      {specimen && sides.length === 0 && <Banner tone="warning">{t('authoring.specimenForge.noImages')}</Banner>}
      {specimen && side && (
        <div className="fl-stack">
          <div className="fl-editor-toolbar">
            <SelectField
              label={t('authoring.specimenForge.light')}
              value={light}
              onChange={(e) => setLight(e.target.value as Light)}
              options={lights.map((l) => ({ value: l, label: t(`taxonomy.light.${l}`) }))}
            />
            <Checkbox
              label={t('authoring.specimenForge.showFeatures', { count: annotated.length })}
              checked={showFeatures}
              onChange={(e) => setShowFeatures(e.target.checked)}
            />
            <div className="fl-editor-toolbar__action">
              {!drawing && (
                <Button
                  variant={state.region ? 'secondary' : 'primary'}
                  onClick={() => {
                    setDrawing(true);
                    setDrawSession((n) => n + 1);
                  }}
                >
                  {state.region ? t('authoring.specimenForge.redraw') : t('authoring.specimenForge.draw')}
                </Button>
              )}
            </div>
          </div>
          <div className="fl-specimen-forge__canvas">
            {!imageUrl && <Banner tone="info">{t('authoring.specimenForge.notReady')}</Banner>}
            <PolygonEditor
              key={drawSession}
              imageUrl={imageUrl}
              width={image?.asset.urls?.width ?? 1000}
              height={image?.asset.urls?.height ?? 700}
              shapes={shapes}
              drawing={drawing}
              label={`${specimen.title} · ${t(`taxonomy.side.${side}`)} · ${t(`taxonomy.light.${light}`)}`}
              onComplete={(region) => {
                set({ side, region });
                setDrawing(false);
              }}
              onCancel={() => setDrawing(false)}
            />
          </div>
          <p className="fl-field__hint" role="status" aria-live="polite">
            {state.region
              ? t('authoring.specimenForge.regionDrawn', { count: state.region.length })
              : t('authoring.specimenForge.regionHint')}
          </p>
        </div>
      )}
      <div className="fl-form__row">
        <SelectField
          label={t('authoring.specimenForge.operation')}
          hint={t(`authoring.specimenForge.operationHint.${state.operation}`)}
          value={state.operation}
          onChange={(e) => set({ operation: e.target.value as SpecimenForgeOperation })}
          options={SPECIMEN_FORGE_OPERATIONS.map((op) => ({
            value: op,
            label: t(`authoring.specimenForge.op.${op}`),
          }))}
        />
        {fraudTypes.length > 1 && (
          <SelectField
            label={t('authoring.forge.fraudType')}
            value={state.fraudType || fraudTypes[0]}
            onChange={(e) => set({ fraudType: e.target.value as SpecimenForgeState['fraudType'] })}
            options={fraudTypes.map((type) => ({ value: type, label: t(fraudTypeKey(type)) }))}
          />
        )}
      </div>
      {state.operation === 'photo-substitution' && (
        <div className="fl-form__row">
          <SelectField
            label={t('authoring.specimenForge.sex')}
            hint={t('authoring.specimenForge.sexHint')}
            value={state.sex}
            onChange={(e) => set({ sex: e.target.value as SpecimenForgeState['sex'] })}
            options={[
              { value: '', label: t('authoring.specimenForge.sexSeed') },
              { value: 'F', label: t('authoring.specimenForge.sexF') },
              { value: 'M', label: t('authoring.specimenForge.sexM') },
            ]}
          />
        </div>
      )}
      {(takesText(state.operation) || state.operation === 'remove-feature') && (
        <div className="fl-form__row">
          {takesText(state.operation) && (
            <TextField
              label={t(`authoring.specimenForge.text.${state.operation}`)}
              hint={t('authoring.specimenForge.textHint')}
              value={state.text}
              maxLength={40}
              onChange={(e) => set({ text: e.target.value })}
            />
          )}
          {state.operation === 'remove-feature' && (
            <SelectField
              label={t('authoring.specimenForge.feature')}
              hint={state.region && !removable.length ? t('authoring.specimenForge.noFeatureUnder') : undefined}
              value={state.feature}
              placeholder={t('authoring.specimenForge.featureMost')}
              onChange={(e) => set({ feature: e.target.value as SpecimenForgeState['feature'] })}
              options={removable.map((f) => ({
                value: f.kind,
                label: `${f.name} (${t('authoring.specimenForge.featureLights', { lights: f.lights.map((l) => t(`taxonomy.light.${l}`)).join(', ') })})`,
              }))}
            />
          )}
        </div>
      )}
      <SubtletySeedFields
        id="specimen-forge"
        subtlety={state.subtlety}
        seed={state.seed}
        seedHint={t('authoring.specimenForge.seedHint')}
        onChange={set}
      />
      {units && (
        <div className="fl-form__row">
          <SelectField
            label={t('authoring.forge.unit')}
            value={state.unitId}
            required
            placeholder={t('authoring.forge.unitPick')}
            onChange={(e) => set({ unitId: e.target.value })}
            options={units}
          />
        </div>
      )}
      <div className="fl-form__actions">
        {todo.length > 0 && (
          <p className="fl-field__hint" id="specimen-forge-missing">
            {t('authoring.specimenForge.stillNeeded', {
              list: todo.map((key) => t(`authoring.specimenForge.missing.${key}`)).join(', '),
            })}
          </p>
        )}
        <Button
          type="submit"
          isLoading={forging}
          disabled={todo.length > 0 || drawing}
          aria-describedby={todo.length ? 'specimen-forge-missing' : undefined}
        >
          {t('authoring.specimenForge.submit')}
        </Button>
      </div>
    </form>
  );
}

// The annotation editor: pick a side and light, draw each security feature's region, name and classify it, then
// save the whole list at once (PUT /specimens/:id/features). Nothing is sent until "Save features".
import {
  categoryOfFeature,
  FEATURE_CATEGORIES,
  FEATURE_TAXONOMY,
  FeatureAnnotationInput,
  LIGHTS,
  type DocumentSide,
  type FeatureKind,
  type Light,
  type Point,
  type SpecimenView,
} from '@firstline/contracts';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Badge,
  Banner,
  Button,
  Card,
  Checkbox,
  ErrorBanner,
  Field,
  PencilIcon,
  PlusIcon,
  SelectField,
  TextField,
  TrashIcon,
  UnsavedChangesGuard,
} from '@/components/ui';
import { PolygonEditor, type Shape } from '@/components/viewer/polygon-editor';
import type { FieldErrors } from '@/lib/validation';
import { useReplaceFeatures } from '../api/replace-features';
import { sidesOf } from '../lib/document-sides';
import { centroid, fromView, newKey, toInput, type FeatureDraft } from '../lib/feature-drafts';

interface FormState {
  /** The list entry being edited; null for a new feature. */
  key: string | null;
  name: string;
  kind: FeatureKind | '';
  lights: Light[];
  description: string;
  zoom: string;
  region: Point[];
}

export function FeatureEditor({ specimen, canEdit }: { specimen: SpecimenView; canEdit: boolean }) {
  const { t } = useTranslation();
  const save = useReplaceFeatures(specimen.id);
  const sides = sidesOf(specimen.documentType, specimen.images);
  const readySides = sides.filter((s) => specimen.images.some((i) => i.side === s && i.asset.status === 'ready'));
  const [side, setSide] = useState<DocumentSide>(readySides[0] ?? sides[0]);
  const [light, setLight] = useState<Light>('visible');
  const [showFeatures, setShowFeatures] = useState(true);
  const [features, setFeatures] = useState<FeatureDraft[]>(() => fromView(specimen));
  const [form, setForm] = useState<FormState | null>(null);
  const [drawing, setDrawing] = useState(false);
  const [drawSession, setDrawSession] = useState(0);
  const [errors, setErrors] = useState<FieldErrors>({});

  // After a save (or someone else's), start again from what the server has. Adjusted during render rather than
  // in an effect, so the list (and its keys) never changes under a click right after mounting.
  const serverJson = JSON.stringify(toInput(fromView(specimen)));
  const [syncedJson, setSyncedJson] = useState(serverJson);
  if (syncedJson !== serverJson) {
    setSyncedJson(serverJson);
    setFeatures(fromView(specimen));
  }
  const dirty = JSON.stringify(toInput(features)) !== serverJson;

  const image = specimen.images
    .filter((i) => i.side === side && i.light === light)
    .sort((a, b) => a.frame - b.frame)[0];
  const urls = image?.asset.status === 'ready' ? image.asset.urls : null;
  const imageUrl = urls
    ? (urls.variants['1280.webp'] ?? urls.variants['1280.jpeg'] ?? Object.values(urls.variants)[0] ?? null)
    : null;
  const lightsHere = LIGHTS.filter((l) => specimen.images.some((i) => i.side === side && i.light === l));

  const shapes: Shape[] = useMemo(
    () =>
      showFeatures
        ? features
            .filter((f) => f.side === side && f.key !== (drawing ? form?.key : undefined))
            .map((f) => ({ id: f.key, label: f.name, points: f.region, selected: f.key === form?.key }))
        : [],
    [features, side, showFeatures, form?.key, drawing],
  );

  function startNew() {
    setForm({ key: null, name: '', kind: '', lights: [light], description: '', zoom: '', region: [] });
    setErrors({});
    setDrawing(true);
    setDrawSession((n) => n + 1);
  }
  function startEdit(f: FeatureDraft) {
    setSide(f.side);
    setForm({
      key: f.key,
      name: f.name,
      kind: f.kind,
      lights: f.lights,
      description: f.description,
      zoom: f.zoomHint ? String(f.zoomHint.zoom) : '',
      region: f.region,
    });
    setErrors({});
    setDrawing(false);
  }
  function redraw() {
    setDrawing(true);
    setDrawSession((n) => n + 1);
  }

  function commit(e: FormEvent) {
    e.preventDefault();
    if (!form) return;
    const zoom = form.zoom.trim();
    const candidate = {
      name: form.name,
      kind: form.kind || undefined,
      category: form.kind ? categoryOfFeature(form.kind) : undefined,
      side,
      lights: form.lights,
      region: form.region,
      description: form.description,
      zoomHint: zoom === '' ? null : { center: centroid(form.region), zoom: Number(zoom) },
    };
    const parsed = FeatureAnnotationInput.safeParse(candidate);
    if (!parsed.success) {
      const messages: Record<string, string> = {
        name: t('library.editor.errors.name'),
        kind: t('library.editor.errors.kind'),
        category: t('library.editor.errors.kind'),
        lights: t('library.editor.errors.lights'),
        region: t('library.editor.errors.region'),
        description: t('library.editor.errors.description'),
        zoomHint: t('library.editor.errors.zoom'),
      };
      const next: FieldErrors = {};
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0] ?? '_form');
        next[key === 'category' ? 'kind' : key] ??= messages[key] ?? t('errors.checkField');
      }
      return setErrors(next);
    }
    const entry: FeatureDraft = { ...parsed.data, key: form.key ?? newKey() };
    setFeatures((list) => (form.key ? list.map((f) => (f.key === form.key ? entry : f)) : [...list, entry]));
    setForm(null);
    setErrors({});
  }

  const toggleLight = (l: Light) =>
    form &&
    setForm({
      ...form,
      lights: form.lights.includes(l)
        ? form.lights.filter((x) => x !== l)
        : LIGHTS.filter((x) => x === l || form.lights.includes(x)),
    });

  const imageLabel = `${t(`taxonomy.side.${side}`)} · ${t(`taxonomy.light.${light}`)}`;

  return (
    <Card
      title={t('library.editor.title')}
      description={canEdit ? t('library.editor.hint') : t('library.editor.hintReadOnly')}
      actions={
        canEdit && (
          <div className="fl-row-actions">
            {dirty && <Badge tone="amber">{t('library.editor.unsaved')}</Badge>}
            <Button
              onClick={() => save.mutate(toInput(features))}
              isLoading={save.isPending}
              disabled={!dirty || drawing}
            >
              {t('library.editor.save')}
            </Button>
          </div>
        )
      }
    >
      <div className="fl-stack">
        {canEdit && <UnsavedChangesGuard when={dirty} />}
        <ErrorBanner error={save.error} />
        <div className="fl-editor-toolbar">
          <SelectField
            label={t('library.editor.side')}
            value={side}
            onChange={(e) => setSide(e.target.value as DocumentSide)}
            options={sides.map((s) => ({ value: s, label: t(`taxonomy.side.${s}`) }))}
            disabled={drawing}
          />
          <SelectField
            label={t('library.editor.light')}
            value={light}
            onChange={(e) => setLight(e.target.value as Light)}
            options={LIGHTS.map((l) => ({
              value: l,
              label: lightsHere.includes(l)
                ? t(`taxonomy.light.${l}`)
                : t('library.editor.noImageOption', { light: t(`taxonomy.light.${l}`) }),
            }))}
          />
          <Checkbox
            label={t('library.editor.showFeatures')}
            checked={showFeatures}
            onChange={(e) => setShowFeatures(e.target.checked)}
          />
        </div>

        <div className="fl-editor">
          <div className="fl-editor__canvas">
            {!imageUrl && <Banner tone="info">{t('library.editor.noImage')}</Banner>}
            <PolygonEditor
              key={drawSession}
              imageUrl={imageUrl}
              width={urls?.width ?? 1000}
              height={urls?.height ?? 700}
              shapes={shapes}
              drawing={canEdit && drawing}
              initialPoints={form?.region ?? []}
              label={imageLabel}
              onComplete={(region) => {
                setForm((f) => (f ? { ...f, region } : f));
                setErrors(({ region: _r, ...rest }) => rest);
                setDrawing(false);
              }}
              onCancel={() => {
                setDrawing(false);
                if (form && form.region.length === 0) setForm(null);
              }}
            />
          </div>

          <div className="fl-editor__side">
            {canEdit && form && (
              <form
                className="fl-form fl-feature-form"
                onSubmit={commit}
                noValidate
                aria-label={form.key ? t('library.editor.editFeature') : t('library.editor.newFeature')}
              >
                <h3 className="fl-card__title">
                  {form.key ? t('library.editor.editFeature') : t('library.editor.newFeature')}
                </h3>
                <div className="fl-feature-form__region">
                  <span>
                    {form.region.length
                      ? t('library.editor.regionPoints', { count: form.region.length })
                      : t('library.editor.regionNone')}
                  </span>
                  {!drawing && (
                    <Button size="sm" variant="secondary" onClick={redraw}>
                      {form.region.length ? t('library.editor.redraw') : t('library.editor.draw')}
                    </Button>
                  )}
                </div>
                {errors.region && <p className="fl-field__error">{errors.region}</p>}
                <Field label={t('library.editor.kind')} error={errors.kind} required>
                  {(control) => (
                    <select
                      className="fl-input fl-select"
                      value={form.kind}
                      onChange={(e) => setForm({ ...form, kind: e.target.value as FeatureKind })}
                      {...control}
                    >
                      <option value="">{t('common.choose')}</option>
                      {FEATURE_CATEGORIES.map((c) => (
                        <optgroup key={c} label={t(`taxonomy.category.${c}`)}>
                          {FEATURE_TAXONOMY[c].map((k) => (
                            <option key={k} value={k}>
                              {t(`taxonomy.feature.${k}`)}
                            </option>
                          ))}
                        </optgroup>
                      ))}
                    </select>
                  )}
                </Field>
                {form.kind && (
                  <p className="fl-field__hint">
                    {t('library.editor.category', { category: t(`taxonomy.category.${categoryOfFeature(form.kind)}`) })}
                  </p>
                )}
                <TextField
                  label={t('library.editor.name')}
                  value={form.name}
                  onChange={(e) => setForm({ ...form, name: e.target.value })}
                  error={errors.name}
                  required
                  maxLength={120}
                />
                <fieldset className="fl-fieldset">
                  <legend className="fl-field__label">{t('library.editor.lights')}</legend>
                  <div className="fl-check-grid">
                    {LIGHTS.map((l) => (
                      <Checkbox
                        key={l}
                        label={t(`taxonomy.light.${l}`)}
                        checked={form.lights.includes(l)}
                        onChange={() => toggleLight(l)}
                      />
                    ))}
                  </div>
                  {errors.lights && <p className="fl-field__error">{errors.lights}</p>}
                </fieldset>
                <Field label={t('library.editor.description')} error={errors.description}>
                  {(control) => (
                    <textarea
                      className="fl-input fl-textarea"
                      rows={3}
                      value={form.description}
                      onChange={(e) => setForm({ ...form, description: e.target.value })}
                      {...control}
                    />
                  )}
                </Field>
                <TextField
                  label={t('library.editor.zoom')}
                  hint={t('library.editor.zoomHint')}
                  value={form.zoom}
                  onChange={(e) => setForm({ ...form, zoom: e.target.value })}
                  error={errors.zoomHint}
                  inputMode="decimal"
                  dir="ltr"
                />
                <div className="fl-row-actions">
                  <Button type="submit" disabled={drawing}>
                    {form.key ? t('library.editor.update') : t('library.editor.addToList')}
                  </Button>
                  <Button
                    variant="secondary"
                    onClick={() => {
                      setForm(null);
                      setDrawing(false);
                    }}
                  >
                    {t('common.cancel')}
                  </Button>
                </div>
              </form>
            )}
            {canEdit && !form && (
              <Button icon={<PlusIcon size={18} />} onClick={startNew} disabled={!imageUrl}>
                {t('library.editor.addFeature')}
              </Button>
            )}

            <h3 className="fl-card__title">{t('library.editor.listTitle', { count: features.length })}</h3>
            {features.length === 0 ? (
              <p className="fl-muted">{t('library.editor.empty')}</p>
            ) : (
              <ul className="fl-feature-list">
                {features.map((f) => (
                  <li key={f.key} className={`fl-feature${form?.key === f.key ? ' fl-feature--selected' : ''}`}>
                    <div className="fl-feature__text">
                      <span className="fl-feature__name">{f.name}</span>
                      <span className="fl-feature__meta">
                        {t(`taxonomy.feature.${f.kind}`)} · {t(`taxonomy.category.${f.category}`)} ·{' '}
                        {t(`taxonomy.side.${f.side}`)}
                      </span>
                      <span className="fl-feature__meta">
                        {f.lights.map((l) => t(`taxonomy.light.${l}`)).join(', ')}
                      </span>
                    </div>
                    {canEdit && (
                      <div className="fl-row-actions">
                        <Button
                          variant="ghost"
                          size="sm"
                          icon={<PencilIcon size={16} />}
                          onClick={() => startEdit(f)}
                          disabled={drawing}
                          aria-label={t('library.editor.editNamed', { name: f.name })}
                        >
                          {t('common.edit')}
                        </Button>
                        <Button
                          variant="ghost"
                          size="sm"
                          icon={<TrashIcon size={16} />}
                          onClick={() => {
                            setFeatures((list) => list.filter((x) => x.key !== f.key));
                            if (form?.key === f.key) setForm(null);
                          }}
                          disabled={drawing}
                          aria-label={t('library.editor.deleteNamed', { name: f.name })}
                        >
                          {t('common.delete')}
                        </Button>
                      </div>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </div>
        </div>
      </div>
    </Card>
  );
}

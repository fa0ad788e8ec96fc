// The exercise editor: the truth (verdict, fraud type, tampered regions, MRZ checks that fail, explanation), the
// question parts and feature options, the MRZ lines and the desk context; saved with PUT as a new version once the
// exercise has been used. Problems are listed all at once (the editor's own check, then the API's), integrity
// warnings beside them.
import {
  FEATURE_CATEGORIES,
  FEATURE_TAXONOMY,
  FEATURE_KINDS,
  FRAUD_TYPES,
  MRZ_CHECKS,
  VERDICTS,
  type ExerciseView,
} from '@firstline/contracts';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import {
  Badge,
  Banner,
  Button,
  ButtonLink,
  Card,
  Checkbox,
  ConfirmDialog,
  ErrorBanner,
  Field,
  PageHeader,
  SelectField,
  TextField,
  UnsavedChangesGuard,
} from '@/components/ui';
import { DocumentTypeField } from '@/components/ui/document-type-select';
import { PartsFields } from '@/components/ui/parts-fields';
import { paths } from '@/config/paths';
import { describeError } from '@/lib/errors';
import { fraudTypeKey } from '@/lib/taxonomy-keys';
import { useExerciseAction } from '../api/exercise-actions';
import { useImageAssets } from '../api/get-image-urls';
import { usePoolParts } from '../api/get-pool-parts';
import { useSpecimenImages } from '../api/get-specimen-images';
import { useSaveExercise } from '../api/save-exercise';
import {
  fromView,
  integrityWarnings,
  parseDraft,
  setFraudType,
  setVerdict,
  toggle,
  toInput,
  type ExerciseDraft,
  type IntegrityWarning,
} from '../lib/exercise-draft';
import { problemWords } from '../lib/problem-words';
import { ContextEditor } from './context-editor';
import { RegionEditor } from './region-editor';
import { TravellerEditor } from './traveller-editor';

export function ExerciseEditor({ exercise, back }: { exercise: ExerciseView; back?: ReactNode }) {
  const { t } = useTranslation();
  const save = useSaveExercise(exercise.id);
  const action = useExerciseAction();
  const navigate = useNavigate();
  const [retiring, setRetiring] = useState(false);
  const base = useMemo(() => JSON.stringify(toInput(fromView(exercise))), [exercise]);
  const [draft, setDraft] = useState<ExerciseDraft>(() => fromView(exercise));
  const [issues, setIssues] = useState<string[]>([]);
  const [saved, setSaved] = useState<{ version: number; newVersion: boolean } | null>(null);
  const assets = useImageAssets([...new Set(exercise.images.map((i) => i.assetId))]);
  const genuine = useSpecimenImages(exercise.specimenId);
  const pools = usePoolParts(exercise.id);
  const dirty = JSON.stringify(toInput(draft)) !== base;
  const warnings = integrityWarnings(draft, genuine.data?.length ?? null, {
    genuineImages: genuine.data,
    sizes: assets,
    pools: pools.data?.modules,
  });
  const change = (next: ExerciseDraft) => {
    setDraft(next);
    setSaved(null);
  };
  const patch = (p: Partial<ExerciseDraft>) => change({ ...draft, ...p });

  function submit() {
    const parsed = parseDraft(draft);
    if (!parsed.ok) return setIssues(parsed.issues.map((i) => problemWords(t, i)));
    setIssues([]);
    save.mutate(parsed.input, {
      onSuccess: (view) => {
        setSaved({ version: view.version, newVersion: view.version !== exercise.version });
        setDraft(fromView(view));
      },
    });
  }

  return (
    <div className="fl-page">
      {back}
      <UnsavedChangesGuard when={dirty && !save.isPending} />
      <PageHeader
        title={exercise.title}
        eyebrow={
          <span className="fl-row-actions">
            <Badge tone="blue">{t('exercises.versionN', { version: exercise.version })}</Badge>
            {exercise.retiredAt && <Badge tone="amber">{t('exercises.retired')}</Badge>}
            {dirty && <Badge tone="amber">{t('exercises.editor.unsaved')}</Badge>}
          </span>
        }
        description={t('exercises.editor.intro')}
        actions={
          <>
            {/* The saved version, in the trainee's player; nothing answered there is stored. */}
            <ButtonLink to={paths.app.exercisePreview.getHref(exercise.id)} data-testid="preview-as-trainee">
              {t('preview.open')}
            </ButtonLink>
            {/* A copy starts from the saved version, so unsaved changes are saved (or dropped) first. */}
            <Button
              variant="secondary"
              disabled={dirty || action.isPending}
              onClick={() =>
                action.mutate(
                  { id: exercise.id, action: 'duplicate' },
                  { onSuccess: (copy) => navigate(paths.app.exercise.getHref(copy.id)) },
                )
              }
            >
              {t('exercises.duplicate')}
            </Button>
            {exercise.retiredAt ? (
              <Button
                variant="secondary"
                disabled={action.isPending}
                onClick={() => action.mutate({ id: exercise.id, action: 'restore' })}
              >
                {t('exercises.restore')}
              </Button>
            ) : (
              <Button variant="secondary" onClick={() => setRetiring(true)}>
                {t('exercises.retire')}
              </Button>
            )}
            <Button onClick={submit} isLoading={save.isPending} disabled={!dirty}>
              {t('exercises.editor.save')}
            </Button>
          </>
        }
      />
      {!retiring && <ErrorBanner error={action.error} />}
      <ConfirmDialog
        open={retiring}
        title={t('exercises.retireTitle', { title: exercise.title })}
        confirmLabel={t('exercises.retire')}
        isLoading={action.isPending}
        error={retiring && action.error ? describeError(t, action.error) : null}
        onClose={() => {
          setRetiring(false);
          action.reset();
        }}
        onConfirm={() => action.mutate({ id: exercise.id, action: 'retire' }, { onSuccess: () => setRetiring(false) })}
      >
        <p>{t('exercises.retireText')}</p>
      </ConfirmDialog>
      {saved && (
        <Banner tone="success">
          {saved.newVersion
            ? t('exercises.editor.savedNewVersion', { version: saved.version })
            : t('exercises.editor.savedInPlace', { version: saved.version })}
        </Banner>
      )}
      {issues.length > 0 && (
        <Banner tone="danger" title={t('exercises.editor.problemsTitle', { count: issues.length })}>
          <ul className="fl-problems">
            {issues.map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
        </Banner>
      )}
      <ErrorBanner error={save.error} title={t('exercises.editor.serverProblems')} />
      {warnings.length > 0 && (
        <Banner tone="warning" title={t('exercises.editor.warningsTitle')}>
          <ul className="fl-problems">
            {warnings.map((w, i) => (
              <li key={i}>{warningWords(t, w)}</li>
            ))}
          </ul>
        </Banner>
      )}

      <Card title={t('exercises.editor.details')}>
        <div className="fl-editor-grid">
          <TextField
            label={t('exercises.fields.title')}
            value={draft.title}
            maxLength={160}
            dir="auto"
            onChange={(e) => patch({ title: e.target.value })}
            required
          />
          <TextField
            label={t('exercises.fields.issuingState')}
            value={draft.issuingState}
            maxLength={3}
            dir="ltr"
            onChange={(e) => patch({ issuingState: e.target.value.toUpperCase() })}
            required
          />
          <DocumentTypeField
            value={draft.documentType}
            onChange={(e) => patch({ documentType: e.target.value as ExerciseDraft['documentType'] })}
          />
          <SelectField
            label={t('exercises.fields.difficulty')}
            value={String(draft.difficulty)}
            options={[1, 2, 3, 4, 5].map((d) => ({ value: String(d), label: t(`exercises.difficulty.${d}`) }))}
            onChange={(e) => patch({ difficulty: Number(e.target.value) })}
          />
          <TextField
            label={t('exercises.fields.tags')}
            hint={t('exercises.editor.tagsHint')}
            value={draft.tags}
            onChange={(e) => patch({ tags: e.target.value })}
          />
        </div>
      </Card>

      <Card title={t('exercises.editor.truth')} description={t('exercises.editor.truthHint')}>
        <div className="fl-stack">
          <div className="fl-editor-grid">
            <SelectField
              label={t('exercises.fields.verdict')}
              value={draft.verdict}
              options={VERDICTS.map((v) => ({ value: v, label: t(`taxonomy.verdict.${v}`) }))}
              onChange={(e) => change(setVerdict(draft, e.target.value as ExerciseDraft['verdict']))}
            />
            <SelectField
              label={t('exercises.fields.fraudType')}
              value={draft.fraudType}
              options={FRAUD_TYPES.map((f) => ({ value: f, label: t(fraudTypeKey(f)) }))}
              onChange={(e) => change(setFraudType(draft, e.target.value as ExerciseDraft['fraudType']))}
            />
          </div>
          <Field label={t('exercises.fields.explanation')} hint={t('exercises.editor.explanationHint')} required>
            {(control) => (
              <textarea
                className="fl-input fl-textarea"
                rows={4}
                maxLength={8000}
                dir="auto"
                value={draft.explanation}
                onChange={(e) => patch({ explanation: e.target.value })}
                {...control}
              />
            )}
          </Field>
          <fieldset className="fl-fieldset">
            <legend className="fl-field__label">{t('exercises.editor.mrzFailing')}</legend>
            <div className="fl-check-grid">
              {MRZ_CHECKS.map((c) => (
                <Checkbox
                  key={c}
                  label={t(`taxonomy.mrzCheck.${c}`)}
                  checked={draft.mrzFailedChecks.includes(c)}
                  onChange={() => patch({ mrzFailedChecks: toggle(draft.mrzFailedChecks, c, MRZ_CHECKS) })}
                />
              ))}
            </div>
          </fieldset>
        </div>
      </Card>

      <Card title={t('exercises.regions.title')} description={t('exercises.regions.hint')}>
        <RegionEditor draft={draft} onChange={change} assets={assets} />
      </Card>

      <Card title={t('exercises.editor.parts')} description={t('exercises.editor.partsHint')}>
        <div className="fl-stack">
          <PartsFields parts={draft.parts} onChange={(parts) => patch({ parts })} />
          <Field label={t('exercises.fields.mrz')} hint={t('exercises.editor.mrzHint')}>
            {(control) => (
              <textarea
                className="fl-input fl-textarea fl-mono"
                rows={3}
                dir="ltr"
                spellCheck={false}
                value={draft.mrz}
                onChange={(e) => patch({ mrz: e.target.value.toUpperCase() })}
                {...control}
              />
            )}
          </Field>
          <fieldset className="fl-fieldset">
            <legend className="fl-field__label">{t('exercises.editor.featureOptions')}</legend>
            <p className="fl-field__hint">{t('exercises.editor.featureOptionsHint')}</p>
            {FEATURE_CATEGORIES.map((c) => (
              <div key={c} className="fl-feature-category">
                <p className="fl-field__label">{t(`taxonomy.category.${c}`)}</p>
                <div className="fl-check-grid">
                  {FEATURE_TAXONOMY[c].map((k) => (
                    <Checkbox
                      key={k}
                      label={t(`taxonomy.feature.${k}`)}
                      checked={draft.featureOptions.includes(k)}
                      onChange={() => patch({ featureOptions: toggle(draft.featureOptions, k, FEATURE_KINDS) })}
                    />
                  ))}
                </div>
              </div>
            ))}
          </fieldset>
        </div>
      </Card>

      <Card title={t('exercises.context.title')} description={t('exercises.context.hint')}>
        <ContextEditor
          context={draft.context}
          onChange={(context) => patch({ context })}
          issuingState={draft.issuingState}
          documentType={draft.documentType}
        />
      </Card>

      <Card title={t('exercises.traveller.title')} description={t('exercises.traveller.hint')}>
        <TravellerEditor
          assetId={draft.travellerAssetId}
          onChange={(travellerAssetId) => patch({ travellerAssetId })}
        />
      </Card>

      <Card title={t('exercises.editor.inModules')}>
        {exercise.modules.length === 0 ? (
          <p className="fl-field__hint">{t('exercises.editor.inNoModule')}</p>
        ) : (
          <ul className="fl-problems">
            {exercise.modules.map((m) => (
              <li key={m.id}>
                <Link to={paths.app.module.getHref(m.id)} dir="auto">
                  {m.title}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}

function warningWords(t: ReturnType<typeof useTranslation>['t'], w: IntegrityWarning): string {
  switch (w.kind) {
    case 'noExplanation':
      return t('exercises.warnings.noExplanation');
    case 'imageCount':
      return t('exercises.warnings.imageCount', { count: w.count, genuine: w.genuine });
    case 'fraudulentWithoutRegions':
      return t('exercises.warnings.noRegions');
    case 'regionWithoutFeatures':
      return t('exercises.warnings.regionWithoutFeatures', { n: w.n });
    case 'imageSize':
      return t('exercises.warnings.imageSize', {
        side: t(`taxonomy.side.${w.side}`),
        light: t(`taxonomy.light.${w.light}`),
        size: w.size,
        genuine: w.genuine,
      });
    case 'poolParts':
      return t('exercises.warnings.poolParts', {
        module: w.module,
        others: w.others,
        sharedBy: w.sharedBy,
        common: partsWords(t, w.common),
        mine: partsWords(t, w.mine),
      });
  }
}

/** "locate (up to 3 points), fraud type, features": the parts asked besides the decision. */
function partsWords(t: ReturnType<typeof useTranslation>['t'], p: ExerciseView['parts']): string {
  const words = [
    p.locate ? t('exercises.warnings.partLocate', { n: p.locate.maxPoints }) : null,
    p.fraudType ? t('exercises.warnings.partFraudType') : null,
    p.features ? t('exercises.warnings.partFeatures') : null,
    p.mrz ? t('exercises.warnings.partMrz') : null,
  ].filter((w): w is string => w !== null);
  return words.length ? words.join(', ') : t('exercises.warnings.partsNone');
}

// "Upload your own": photographs of a seized document, side × desk light, made into an exercise whose tampered
// regions the instructor then draws in the editor.
import { FRAUD_TYPES, TRAINING_STATE_CODES, VERDICTS, type DocumentType } from '@firstline/contracts';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Banner, Button, Card, Checkbox, ErrorBanner, Field, SelectField, TextField } from '@/components/ui';
import { DocumentTypeField } from '@/components/ui/document-type-select';
import { paths } from '@/config/paths';
import { fraudTypeKey } from '@/lib/taxonomy-keys';
import { useCreateExercise } from '../api/create-exercise';
import {
  cellKey,
  changePlan,
  DESK_LIGHTS,
  initialUploadPlan,
  SIDES_BY_TYPE,
  uploadedExerciseInput,
  uploadProblems,
  type UploadedCell,
  type UploadPlan,
  type UploadProblem,
} from '../lib/upload-plan';
import { UploadCell } from './upload-cell';

/** A fresh group per visit: the API keeps the lights of one side of this session the same size. */
const newGroup = () => Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16)).join('');

export function ExerciseUpload({ units }: { units: Array<{ value: string; label: string }> | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [plan, setPlan] = useState<UploadPlan>(initialUploadPlan);
  const [cells, setCells] = useState<ReadonlyMap<string, UploadedCell>>(new Map());
  const [tried, setTried] = useState(false);
  const group = useMemo(newGroup, []);
  const create = useCreateExercise();
  const set = (change: Partial<UploadPlan>) => setPlan((p) => changePlan(p, change));
  const problems = uploadProblems(plan, cells, { needsUnit: units !== null });
  const marked =
    plan.fraudType === 'counterfeit' || plan.fraudType === 'pseudo' || plan.fraudType.startsWith('forged:');

  const setCell = (key: string, cell: UploadedCell | null) =>
    setCells((prev) => {
      const same = prev.get(key);
      if (cell && same && same.assetId === cell.assetId && same.status === cell.status) return prev;
      if (!cell && !same) return prev;
      const next = new Map(prev);
      if (cell) next.set(key, cell);
      else next.delete(key);
      return next;
    });

  function submit() {
    setTried(true);
    if (problems.length) return;
    create.mutate(uploadedExerciseInput(plan, cells), {
      onSuccess: (view) => navigate(paths.app.exercise.getHref(view.id)),
    });
  }

  return (
    <div className="fl-stack">
      <Card title={t('exercises.upload.documentTitle')}>
        <div className="fl-stack">
          <div className="fl-editor-grid">
            <TextField
              label={t('exercises.fields.title')}
              value={plan.title}
              maxLength={160}
              dir="auto"
              onChange={(e) => set({ title: e.target.value })}
              required
            />
            <SelectField
              label={t('authoring.forge.state')}
              value={plan.issuingState}
              onChange={(e) => set({ issuingState: e.target.value })}
              options={TRAINING_STATE_CODES.map((code) => ({ value: code, label: t(`taxonomy.state.${code}`) }))}
            />
            <DocumentTypeField
              value={plan.documentType}
              onChange={(e) => set({ documentType: e.target.value as DocumentType })}
            />
            <SelectField
              label={t('exercises.fields.verdict')}
              value={plan.verdict}
              options={VERDICTS.map((v) => ({ value: v, label: t(`taxonomy.verdict.${v}`) }))}
              onChange={(e) => set({ verdict: e.target.value as UploadPlan['verdict'] })}
            />
            <SelectField
              label={t('exercises.fields.fraudType')}
              value={plan.fraudType}
              options={FRAUD_TYPES.map((f) => ({ value: f, label: t(fraudTypeKey(f)) }))}
              onChange={(e) => set({ fraudType: e.target.value as UploadPlan['fraudType'] })}
            />
            {units && (
              <SelectField
                label={t('authoring.forge.unit')}
                value={plan.unitId}
                onChange={(e) => set({ unitId: e.target.value })}
                options={[{ value: '', label: t('authoring.forge.unitPick') }, ...units]}
              />
            )}
          </div>
          <fieldset className="fl-fieldset">
            <legend className="fl-field__label">{t('exercises.upload.sides')}</legend>
            <div className="fl-check-grid">
              {SIDES_BY_TYPE[plan.documentType].map((side) => (
                <Checkbox
                  key={side}
                  label={t(`taxonomy.side.${side}`)}
                  checked={plan.sides.includes(side)}
                  onChange={(e) =>
                    set({
                      sides: SIDES_BY_TYPE[plan.documentType].filter((s) =>
                        s === side ? e.target.checked : plan.sides.includes(s),
                      ),
                    })
                  }
                />
              ))}
            </div>
          </fieldset>
          <Field label={t('exercises.fields.explanation')} hint={t('exercises.upload.explanationHint')} required>
            {(control) => (
              <textarea
                className="fl-input fl-textarea"
                rows={3}
                maxLength={8000}
                dir="auto"
                value={plan.explanation}
                onChange={(e) => set({ explanation: e.target.value })}
                {...control}
              />
            )}
          </Field>
        </div>
      </Card>

      <Card title={t('exercises.upload.photosTitle')} description={t('exercises.upload.photosHint')}>
        <div className="fl-stack">
          {plan.sides.map((side) => (
            <section key={side} className="fl-side" aria-labelledby={`upload-side-${side}`}>
              <h3 id={`upload-side-${side}`} className="fl-side__title">
                {t(`taxonomy.side.${side}`)}
              </h3>
              <div className="fl-slots fl-slots--top">
                {DESK_LIGHTS.map((light) => (
                  <UploadCell
                    key={light}
                    side={side}
                    light={light}
                    group={group}
                    label={`${t(`taxonomy.side.${side}`)} · ${t(`taxonomy.light.${light}`)}`}
                    onChange={(cell) => setCell(cellKey(side, light), cell)}
                  />
                ))}
              </div>
            </section>
          ))}
        </div>
      </Card>

      {marked && <Banner tone="info">{t('exercises.upload.regionsLater')}</Banner>}
      {tried && problems.length > 0 && (
        <Banner tone="danger" title={t('exercises.editor.problemsTitle', { count: problems.length })}>
          <ul className="fl-problems">
            {problems.map((p, i) => (
              <li key={i}>{problemText(t, p)}</li>
            ))}
          </ul>
        </Banner>
      )}
      <ErrorBanner error={create.error} title={t('exercises.editor.serverProblems')} />
      <div className="fl-row-actions">
        <Button onClick={submit} isLoading={create.isPending}>
          {t('exercises.upload.continue')}
        </Button>
      </div>
    </div>
  );
}

function problemText(t: ReturnType<typeof useTranslation>['t'], p: UploadProblem): string {
  switch (p.kind) {
    case 'noImages':
      return t('exercises.upload.problems.noImages');
    case 'noVisible':
      return t('exercises.upload.problems.noVisible', { side: t(`taxonomy.side.${p.side}`) });
    case 'notReady':
      return t('exercises.upload.problems.notReady', { count: p.count });
    case 'failed':
      return t('exercises.upload.problems.failed', { count: p.count });
    case 'noTitle':
      return t('exercises.upload.problems.noTitle');
    case 'noExplanation':
      return t('exercises.upload.problems.noExplanation');
    case 'noUnit':
      return t('exercises.upload.problems.noUnit');
  }
}

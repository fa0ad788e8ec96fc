// Create or edit a training module: what it teaches (lesson specimens), what it asks (the exercise pool and, in an
// assessment, item models) and how it runs (mode, feedback, timing, draw, pass mark). Builds a ModuleInput checked
// with the API's own schema.
import {
  DRILL_SECONDS,
  FRAUD_TYPES,
  ModuleInput,
  type DocumentType,
  type ExerciseSummary,
  type FeedbackPolicy,
  type FraudType,
  type ModuleMode,
  type ModuleView,
  type SpecimenSummary,
} from '@firstline/contracts';
import { useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Badge,
  Button,
  Card,
  Checkbox,
  type Column,
  ErrorBanner,
  Field,
  FilterSelect,
  SearchInput,
  SelectField,
  Table,
  TextField,
  UnsavedChangesGuard,
} from '@/components/ui';
import { DocumentTypeFilter } from '@/components/ui/document-type-select';
import { fraudTypeKey } from '@/lib/taxonomy-keys';
import type { FieldErrors } from '@/lib/validation';
import {
  feedbackOptionsFor,
  initialModuleState,
  poolSize,
  practiceWithItemModels,
  toModuleInput,
  type ModuleFormState,
} from '../lib/module-form-state';
import { ItemModelsEditor } from './item-models-editor';

export function ModuleForm({
  module,
  exercises,
  specimens,
  onSubmit,
  isSaving,
  error,
  submitLabel,
  extraActions,
}: {
  module?: ModuleView | null;
  exercises: ExerciseSummary[];
  specimens: SpecimenSummary[];
  onSubmit: (input: ModuleInput) => void;
  isSaving?: boolean;
  error?: unknown;
  submitLabel: string;
  extraActions?: ReactNode;
}) {
  const { t } = useTranslation();
  const [state, setState] = useState(() => initialModuleState(module));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [q, setQ] = useState('');
  const [fraudFilter, setFraudFilter] = useState<FraudType | ''>('');
  const [typeFilter, setTypeFilter] = useState<DocumentType | ''>('');
  const dirty = JSON.stringify(state) !== JSON.stringify(initialModuleState(module));

  const set = <K extends keyof ModuleFormState>(key: K, value: ModuleFormState[K]) => {
    setState((s) => ({ ...s, [key]: value }));
    setErrors(({ [key]: _e, ...rest }) => rest);
  };
  const setMode = (mode: ModuleMode) =>
    setState((s) => ({
      ...s,
      mode,
      feedback: feedbackOptionsFor(mode).includes(s.feedback) ? s.feedback : feedbackOptionsFor(mode)[0],
    }));

  const byId = useMemo(() => new Map(exercises.map((e) => [e.id, e])), [exercises]);
  const selected = new Set(state.exerciseIds);
  const pool = state.exerciseIds.map((id) => byId.get(id)).filter((e): e is ExerciseSummary => Boolean(e));
  const models = state.itemModels;
  // Item models draw documents too: they count in the balance and in what a draw can take.
  const genuine =
    pool.filter((e) => e.verdict === 'genuine').length + models.filter((m) => m.fraudType === 'genuine').length;
  const fraudulent = pool.length + models.length - genuine;
  const drawable = pool.length + models.length;
  const modelsRefused = practiceWithItemModels(state);
  const needle = q.trim().toLowerCase();
  // A retired exercise is offered no more; one the draft still holds stays listed (marked) so it can be taken out.
  const shown = exercises.filter(
    (e) =>
      (!e.retiredAt || selected.has(e.id)) &&
      (!fraudFilter || e.fraudType === fraudFilter) &&
      (!typeFilter || e.documentType === typeFilter) &&
      (!needle || e.title.toLowerCase().includes(needle) || e.tags.some((tag) => tag.toLowerCase().includes(needle))),
  );
  const toggleExercise = (id: string) =>
    set('exerciseIds', selected.has(id) ? state.exerciseIds.filter((x) => x !== id) : [...state.exerciseIds, id]);
  const toggleSpecimen = (id: string) =>
    set(
      'lessonSpecimenIds',
      state.lessonSpecimenIds.includes(id)
        ? state.lessonSpecimenIds.filter((x) => x !== id)
        : [...state.lessonSpecimenIds, id],
    );

  function submit(e: FormEvent) {
    e.preventDefault();
    // The Mode field already says why (the API would refuse item models in practice).
    if (modelsRefused) return;
    const parsed = ModuleInput.safeParse(toModuleInput(state));
    if (!parsed.success) {
      const messages: Record<string, string> = {
        title: t('modules.errors.title'),
        description: t('modules.errors.description'),
        exerciseIds: t(state.mode === 'assessment' ? 'modules.errors.exercisesOrModels' : 'modules.errors.exercises'),
        itemModels: t('modules.errors.itemModels'),
        lessonSpecimenIds: t('modules.errors.specimens'),
        feedback: t('modules.errors.feedback'),
        timePerItemSeconds: t('modules.errors.timePerItem'),
        moduleTimeSeconds: t('modules.errors.moduleTime'),
        drawCount: t('modules.errors.drawCount'),
        minGenuineShare: t('modules.errors.minGenuine'),
        passMark: t('modules.errors.passMark'),
        attemptsAllowed: t('modules.errors.attempts'),
      };
      const next: FieldErrors = {};
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0] === 'settings' ? issue.path[1] : issue.path[0]);
        next[key] ??= messages[key] ?? t('errors.checkField');
      }
      return setErrors(next);
    }
    const drawCount = parsed.data.settings.drawCount;
    const size = poolSize(parsed.data);
    if (drawCount !== null && drawCount > size)
      return setErrors({
        drawCount: parsed.data.itemModels.length
          ? t('modules.errors.drawTooManyItems', { count: size })
          : t('modules.errors.drawTooMany', { count: size }),
      });
    setErrors({});
    onSubmit(parsed.data);
  }

  const columns: Column<ExerciseSummary>[] = [
    {
      key: 'pick',
      header: <span className="fl-visually-hidden">{t('modules.pool.inPool')}</span>,
      width: '3rem',
      cell: (e) => (
        <input
          type="checkbox"
          className="fl-checkbox__input"
          checked={selected.has(e.id)}
          onChange={() => toggleExercise(e.id)}
          aria-label={t('modules.pool.pick', { title: e.title })}
        />
      ),
    },
    {
      key: 'title',
      header: t('modules.pool.exercise'),
      cell: (e) => (
        <span className="fl-table__primary" dir="auto">
          {e.title}
          {e.retiredAt && (
            <>
              {' '}
              <Badge tone="amber">{t('exercises.retired')}</Badge>
            </>
          )}
        </span>
      ),
    },
    {
      key: 'doc',
      header: t('library.fields.documentType'),
      cell: (e) => (
        <span dir="ltr">
          {e.issuingState} · {e.documentType}
        </span>
      ),
    },
    {
      key: 'fraud',
      header: t('modules.pool.fraudType'),
      cell: (e) => <Badge tone={e.verdict === 'genuine' ? 'green' : 'red'}>{t(fraudTypeKey(e.fraudType))}</Badge>,
    },
    {
      key: 'difficulty',
      header: t('modules.pool.difficulty'),
      align: 'end',
      cell: (e) => <span className="fl-num">{e.difficulty}</span>,
    },
  ];

  const feedbackOptions = feedbackOptionsFor(state.mode);

  return (
    <form className="fl-stack" onSubmit={submit} noValidate aria-label={submitLabel}>
      {/* A new module navigates away once created, so only edits of an existing one are guarded. */}
      {module && <UnsavedChangesGuard when={dirty} />}
      <ErrorBanner error={error} />
      <Card title={t('modules.sections.about')}>
        <div className="fl-form">
          <TextField
            label={t('modules.fields.title')}
            value={state.title}
            onChange={(e) => set('title', e.target.value)}
            error={errors.title}
            required
            maxLength={160}
          />
          <Field label={t('modules.fields.description')} error={errors.description}>
            {(control) => (
              <textarea
                className="fl-input fl-textarea"
                rows={3}
                value={state.description}
                onChange={(e) => set('description', e.target.value)}
                {...control}
              />
            )}
          </Field>
          <fieldset className="fl-fieldset">
            <legend className="fl-field__label">{t('modules.fields.lessonSpecimens')}</legend>
            <p className="fl-field__hint">
              {t('modules.fields.lessonSpecimensHint', { count: state.lessonSpecimenIds.length })}
            </p>
            {specimens.length === 0 ? (
              <p className="fl-muted">{t('modules.noSpecimens')}</p>
            ) : (
              <div className="fl-pick-grid">
                {specimens.map((s) => (
                  <Checkbox
                    key={s.id}
                    label={`${s.title} (${s.issuingState} · ${s.documentType})`}
                    checked={state.lessonSpecimenIds.includes(s.id)}
                    onChange={() => toggleSpecimen(s.id)}
                  />
                ))}
              </div>
            )}
            {errors.lessonSpecimenIds && <p className="fl-field__error">{errors.lessonSpecimenIds}</p>}
          </fieldset>
        </div>
      </Card>

      <Card title={t('modules.sections.pool')} description={t('modules.pool.hint')}>
        <div className="fl-pool">
          <div className="fl-pool__counts" role="status" aria-live="polite">
            <Badge tone="blue">{t('modules.pool.selected', { count: pool.length })}</Badge>
            {models.length > 0 && <Badge tone="violet">{t('modules.pool.itemModels', { count: models.length })}</Badge>}
            <Badge tone="green">{t('modules.pool.genuine', { count: genuine })}</Badge>
            <Badge tone="red">{t('modules.pool.fraudulent', { count: fraudulent })}</Badge>
          </div>
          <div className="fl-pool__filters" role="search">
            <SearchInput
              label={t('modules.pool.search')}
              placeholder={t('modules.pool.searchPlaceholder')}
              value={q}
              onValueChange={setQ}
            />
            <FilterSelect
              label={t('modules.pool.fraudType')}
              allLabel={t('modules.pool.allFraudTypes')}
              value={fraudFilter}
              options={FRAUD_TYPES.map((fraudType) => ({ value: fraudType, label: t(fraudTypeKey(fraudType)) }))}
              onChange={setFraudFilter}
            />
            <DocumentTypeFilter value={typeFilter} onChange={setTypeFilter} />
          </div>
          <div className="fl-row-actions">
            <Button
              size="sm"
              variant="secondary"
              onClick={() =>
                set('exerciseIds', [...state.exerciseIds, ...shown.map((e) => e.id).filter((id) => !selected.has(id))])
              }
              disabled={shown.length === 0}
            >
              {t('modules.pool.addShown', { count: shown.length })}
            </Button>
            <Button size="sm" variant="ghost" onClick={() => set('exerciseIds', [])} disabled={pool.length === 0}>
              {t('modules.pool.clear')}
            </Button>
          </div>
          {shown.length === 0 ? (
            <p className="fl-muted">{t('modules.pool.none')}</p>
          ) : (
            <div className="fl-pool__list">
              <Table
                className="fl-table-wrap--compact"
                columns={columns}
                rows={shown}
                rowKey={(e) => e.id}
                caption={t('modules.sections.pool')}
                rowClassName={(e) => (selected.has(e.id) ? 'fl-row--selected' : undefined)}
              />
            </div>
          )}
          {errors.exerciseIds && (
            <p className="fl-field__error" role="alert">
              {errors.exerciseIds}
            </p>
          )}
        </div>
      </Card>

      {(state.mode === 'assessment' || models.length > 0) && (
        <ItemModelsEditor
          models={models}
          onChange={(next) => {
            set('itemModels', next);
            setErrors(({ exerciseIds: _e, ...rest }) => rest);
          }}
          practice={state.mode === 'practice'}
          error={errors.itemModels}
        />
      )}

      <Card title={t('modules.sections.settings')}>
        <div className="fl-form">
          <div className="fl-form__row">
            <SelectField
              label={t('modules.fields.mode')}
              hint={t('modules.fields.modeHint')}
              value={state.mode}
              onChange={(e) => setMode(e.target.value as ModuleMode)}
              options={(['practice', 'assessment'] as const).map((m) => ({ value: m, label: t(`modules.mode.${m}`) }))}
              error={modelsRefused ? t('modules.itemModels.practiceRefused') : undefined}
            />
            <SelectField
              label={t('modules.fields.feedback')}
              hint={
                state.mode === 'practice'
                  ? t('modules.fields.feedbackPractice')
                  : t('modules.fields.feedbackAssessment')
              }
              value={state.feedback}
              onChange={(e) => set('feedback', e.target.value as FeedbackPolicy)}
              options={feedbackOptions.map((f) => ({ value: f, label: t(`modules.feedback.${f}`) }))}
              disabled={feedbackOptions.length === 1}
              error={errors.feedback}
            />
          </div>
          <div className="fl-form__row">
            <div className="fl-input-with-action">
              <TextField
                label={t('modules.fields.timePerItem')}
                hint={t('modules.fields.timePerItemHint')}
                value={state.timePerItemSeconds}
                onChange={(e) => set('timePerItemSeconds', e.target.value)}
                error={errors.timePerItemSeconds}
                inputMode="numeric"
                dir="ltr"
              />
              <Button variant="secondary" onClick={() => set('timePerItemSeconds', String(DRILL_SECONDS))}>
                {t('modules.fields.drillPreset', { seconds: DRILL_SECONDS })}
              </Button>
            </div>
            <TextField
              label={t('modules.fields.moduleTime')}
              hint={t('modules.fields.moduleTimeHint')}
              value={state.moduleTimeMinutes}
              onChange={(e) => set('moduleTimeMinutes', e.target.value)}
              error={errors.moduleTimeSeconds}
              inputMode="decimal"
              dir="ltr"
            />
          </div>
          <div className="fl-form__row">
            <TextField
              label={t('modules.fields.drawCount')}
              hint={
                models.length
                  ? t('modules.fields.drawCountHintItems', { count: drawable })
                  : t('modules.fields.drawCountHint', { count: drawable })
              }
              value={state.drawCount}
              onChange={(e) => set('drawCount', e.target.value)}
              error={errors.drawCount}
              inputMode="numeric"
              dir="ltr"
            />
            <TextField
              label={t('modules.fields.minGenuine')}
              hint={t('modules.fields.minGenuineHint')}
              value={state.minGenuinePercent}
              onChange={(e) => set('minGenuinePercent', e.target.value)}
              error={errors.minGenuineShare}
              inputMode="decimal"
              dir="ltr"
            />
          </div>
          <div className="fl-form__row">
            <TextField
              label={t('modules.fields.passMark')}
              hint={t('modules.fields.passMarkHint')}
              value={state.passMark}
              onChange={(e) => set('passMark', e.target.value)}
              error={errors.passMark}
              inputMode="decimal"
              dir="ltr"
            />
            <TextField
              label={t('modules.fields.attempts')}
              hint={t('modules.fields.attemptsHint')}
              value={state.attemptsAllowed}
              onChange={(e) => set('attemptsAllowed', e.target.value)}
              error={errors.attemptsAllowed}
              inputMode="numeric"
              dir="ltr"
            />
          </div>
        </div>
      </Card>

      <div className="fl-form__actions">
        <Button type="submit" isLoading={isSaving} disabled={module ? !dirty : false}>
          {submitLabel}
        </Button>
        {dirty && module && <Badge tone="amber">{t('library.editor.unsaved')}</Badge>}
        {extraActions}
      </div>
    </form>
  );
}

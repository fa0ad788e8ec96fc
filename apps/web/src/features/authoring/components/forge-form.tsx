// The forge form: state, document type, fraud type and the forgery operation that produces it, the field it changes,
// subtlety and seed. Preview draws it; Forge makes the exercise in the background.
import { FRAUD_TYPES, TRAINING_STATE_CODES, type FraudType } from '@firstline/contracts';
import { useTranslation } from 'react-i18next';
import { Button, SelectField, type SelectOption } from '@/components/ui';
import { fitsDocumentType, operationsFor, targetsFor } from '@/lib/forge-choice';
import { fraudTypeKey } from '@/lib/taxonomy-keys';
import { changeForgeForm, type ForgeFormState } from '../lib/forge-form-state';
import { SubtletySeedFields } from './subtlety-seed-fields';

export function ForgeForm({
  state,
  onChange,
  units,
  onPreview,
  onForge,
  previewing,
  forging,
}: {
  state: ForgeFormState;
  onChange: (next: ForgeFormState) => void;
  /** For an admin: the units an exercise can belong to (instructors forge into their own). */
  units: SelectOption[] | null;
  onPreview: () => void;
  onForge: () => void;
  previewing: boolean;
  forging: boolean;
}) {
  const { t } = useTranslation();
  const set = (change: Partial<ForgeFormState>) => onChange(changeForgeForm(state, change));
  const operations = operationsFor(state.fraudType);
  const operation = state.operation || operations[0] || '';
  const targets = targetsFor(operation);
  return (
    <form
      className="fl-form fl-card fl-forge-card"
      onSubmit={(e) => {
        e.preventDefault();
        onForge();
      }}
    >
      <div className="fl-form__row">
        <SelectField
          label={t('authoring.forge.state')}
          value={state.issuingState}
          onChange={(e) => set({ issuingState: e.target.value })}
          options={TRAINING_STATE_CODES.map((code) => ({ value: code, label: t(`taxonomy.state.${code}`) }))}
        />
        <SelectField
          label={t('authoring.forge.documentType')}
          value={state.documentType}
          onChange={(e) => set({ documentType: e.target.value as 'TD1' | 'TD3' })}
          options={(['TD3', 'TD1'] as const)
            .filter((type) => fitsDocumentType(state.fraudType, type))
            .map((type) => ({ value: type, label: t(`taxonomy.documentType.${type}`) }))}
        />
      </div>
      <div className="fl-form__row">
        <SelectField
          label={t('authoring.forge.fraudType')}
          value={state.fraudType}
          onChange={(e) => set({ fraudType: e.target.value as FraudType })}
          options={FRAUD_TYPES.map((type) => ({ value: type, label: t(fraudTypeKey(type)) }))}
        />
        {operations.length > 0 ? (
          <SelectField
            label={t('authoring.forge.operation')}
            hint={operations.length === 1 ? t('authoring.forge.onlyOperation') : undefined}
            value={operation}
            onChange={(e) => set({ operation: e.target.value as ForgeFormState['operation'] })}
            options={operations.map((op) => ({ value: op, label: t(`authoring.operation.${op}`) }))}
          />
        ) : (
          <p className="fl-field__hint fl-forge-form__note">{t('authoring.forge.genuineNote')}</p>
        )}
      </div>
      <div className="fl-form__row">
        {targets.length > 0 && (
          <SelectField
            label={t('authoring.forge.target')}
            value={state.target}
            placeholder={t('authoring.forge.targetAny')}
            onChange={(e) => set({ target: e.target.value })}
            options={targets.map((field) => ({ value: field, label: t(`authoring.field.${field}`) }))}
          />
        )}
        {units && (
          <SelectField
            label={t('authoring.forge.unit')}
            value={state.unitId}
            required
            placeholder={t('authoring.forge.unitPick')}
            onChange={(e) => set({ unitId: e.target.value })}
            options={units}
          />
        )}
      </div>
      <SubtletySeedFields
        id="forge"
        subtlety={state.subtlety}
        seed={state.seed}
        seedHint={t('authoring.forge.seedHint')}
        onChange={set}
      />
      <div className="fl-form__actions">
        <Button variant="secondary" onClick={onPreview} isLoading={previewing}>
          {t('authoring.forge.preview')}
        </Button>
        <Button type="submit" isLoading={forging} disabled={Boolean(units) && !state.unitId}>
          {t('authoring.forge.submit')}
        </Button>
      </div>
    </form>
  );
}

// The item models of an assessment's pool in the module form: the list (with remove) and the form that adds one —
// state, document type, fraud type and the operation that produces it, the field it changes, subtlety, and the
// questions asked (the forged exercises' usual ones unless chosen).
import { FRAUD_TYPES, TRAINING_STATE_CODES, type FraudType, type ItemModelSpec } from '@firstline/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Badge,
  Banner,
  Button,
  Card,
  Checkbox,
  type Column,
  PlusIcon,
  SelectField,
  Table,
  TrashIcon,
} from '@/components/ui';
import { PartsFields } from '@/components/ui/parts-fields';
import { fitsDocumentType, operationOf, operationsFor, targetsFor } from '@/lib/forge-choice';
import { formatNumber } from '@/lib/format';
import { isLanguage } from '@/lib/i18n';
import { fraudTypeKey } from '@/lib/taxonomy-keys';
import {
  changeItemModelDraft,
  FORGED_EXERCISE_PARTS,
  initialItemModelDraft,
  itemModelName,
  itemModelSpec,
  partsWords,
  type ItemModelDraft,
} from '../lib/item-model-draft';

interface Row {
  model: ItemModelSpec;
  index: number;
}

function AddItemModel({ onAdd }: { onAdd: (model: ItemModelSpec) => void }) {
  const { t, i18n } = useTranslation();
  const lng = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en';
  const [draft, setDraft] = useState(initialItemModelDraft);
  const set = (change: Partial<ItemModelDraft>) => setDraft((d) => changeItemModelDraft(d, change));
  const operations = operationsFor(draft.fraudType);
  const operation = operationOf(draft);
  const targets = targetsFor(operation);
  const parts = draft.parts;
  const subtlety = t('authoring.forge.subtletyValue', { value: formatNumber(Math.round(draft.subtlety * 100), lng) });
  return (
    <fieldset className="fl-fieldset fl-item-models__add">
      <legend className="fl-item-models__legend">{t('modules.itemModels.addTitle')}</legend>
      <div className="fl-form__row fl-form__row--3">
        <SelectField
          label={t('authoring.forge.state')}
          value={draft.issuingState}
          onChange={(e) => set({ issuingState: e.target.value })}
          options={TRAINING_STATE_CODES.map((code) => ({ value: code, label: t(`taxonomy.state.${code}`) }))}
        />
        <SelectField
          label={t('authoring.forge.documentType')}
          value={draft.documentType}
          onChange={(e) => set({ documentType: e.target.value as ItemModelDraft['documentType'] })}
          options={(['TD3', 'TD1'] as const)
            .filter((type) => fitsDocumentType(draft.fraudType, type))
            .map((type) => ({ value: type, label: t(`taxonomy.documentType.${type}`) }))}
        />
        <SelectField
          label={t('authoring.forge.fraudType')}
          value={draft.fraudType}
          onChange={(e) => set({ fraudType: e.target.value as FraudType })}
          options={FRAUD_TYPES.map((type) => ({ value: type, label: t(fraudTypeKey(type)) }))}
        />
      </div>
      <div className="fl-form__row fl-form__row--3">
        {operations.length > 0 ? (
          <SelectField
            label={t('authoring.forge.operation')}
            hint={operations.length === 1 ? t('authoring.forge.onlyOperation') : undefined}
            value={operation}
            onChange={(e) => set({ operation: e.target.value as ItemModelDraft['operation'] })}
            options={operations.map((op) => ({ value: op, label: t(`authoring.operation.${op}`) }))}
          />
        ) : (
          <p className="fl-field__hint fl-item-models__note">{t('authoring.forge.genuineNote')}</p>
        )}
        {targets.length > 0 ? (
          <SelectField
            label={t('authoring.forge.target')}
            value={draft.target}
            placeholder={t('modules.itemModels.anyField')}
            onChange={(e) => set({ target: e.target.value })}
            options={targets.map((field) => ({ value: field, label: t(`authoring.field.${field}`) }))}
          />
        ) : (
          <span />
        )}
        <div className="fl-field">
          <label className="fl-field__label" htmlFor="item-model-subtlety">
            {t('authoring.forge.subtlety')}
          </label>
          <div className="fl-range">
            <span aria-hidden="true">{t('authoring.forge.crude')}</span>
            <input
              id="item-model-subtlety"
              type="range"
              min={0}
              max={1}
              step={0.05}
              value={draft.subtlety}
              aria-valuetext={subtlety}
              onChange={(e) => set({ subtlety: Number(e.target.value) })}
            />
            <span aria-hidden="true">{t('authoring.forge.careful')}</span>
          </div>
          <p className="fl-field__hint" aria-hidden="true">
            {subtlety}
          </p>
        </div>
      </div>
      <Checkbox
        label={t('modules.itemModels.ownParts')}
        hint={t('modules.itemModels.ownPartsHint')}
        checked={parts !== null}
        onChange={(e) => set({ parts: e.target.checked ? FORGED_EXERCISE_PARTS : null })}
      />
      {parts && (
        <div className="fl-item-models__parts">
          <PartsFields parts={parts} onChange={(next) => set({ parts: next })} />
        </div>
      )}
      <div className="fl-row-actions">
        <Button variant="secondary" icon={<PlusIcon size={16} />} onClick={() => onAdd(itemModelSpec(draft))}>
          {t('modules.itemModels.add')}
        </Button>
      </div>
    </fieldset>
  );
}

export function ItemModelsEditor({
  models,
  onChange,
  practice,
  error,
}: {
  models: ItemModelSpec[];
  onChange: (models: ItemModelSpec[]) => void;
  /** The module is a practice one: the API would refuse its item models. */
  practice: boolean;
  error?: string;
}) {
  const { t, i18n } = useTranslation();
  const lng = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en';
  const n = (value: number) => formatNumber(value, lng);
  const rows: Row[] = models.map((model, index) => ({ model, index }));
  const columns: Column<Row>[] = [
    {
      key: 'position',
      header: '#',
      width: '2.5rem',
      align: 'end',
      cell: (r) => <span className="fl-num">{n(r.index + 1)}</span>,
    },
    {
      key: 'document',
      header: t('modules.itemModels.column.document'),
      cell: (r) => (
        <span className="fl-table__primary">
          {t(`taxonomy.state.${r.model.issuingState}`, { defaultValue: r.model.issuingState })} ·{' '}
          {t(`taxonomy.documentType.${r.model.documentType}`)}
        </span>
      ),
    },
    {
      key: 'fraud',
      header: t('modules.pool.fraudType'),
      cell: ({ model }) => (
        <span className="fl-item-models__fraud">
          <Badge tone={model.fraudType === 'genuine' ? 'green' : 'red'}>{t(fraudTypeKey(model.fraudType))}</Badge>
          {model.operation && <span className="fl-muted">{t(`authoring.operation.${model.operation}`)}</span>}
        </span>
      ),
    },
    {
      key: 'target',
      header: t('authoring.forge.target'),
      cell: ({ model }) =>
        model.target
          ? t(`authoring.field.${model.target}`, { defaultValue: model.target })
          : targetsFor(operationOf({ fraudType: model.fraudType, operation: model.operation ?? '' })).length
            ? t('modules.itemModels.anyField')
            : '—',
    },
    {
      key: 'subtlety',
      header: t('authoring.forge.subtlety'),
      cell: ({ model }) => t('authoring.forge.subtletyValue', { value: n(Math.round((model.subtlety ?? 0.5) * 100)) }),
    },
    { key: 'parts', header: t('modules.itemModels.column.parts'), cell: ({ model }) => partsWords(t, model.parts) },
    {
      key: 'remove',
      header: <span className="fl-visually-hidden">{t('modules.itemModels.remove')}</span>,
      align: 'end',
      cell: (r) => (
        <Button
          size="sm"
          variant="ghost"
          icon={<TrashIcon size={16} />}
          aria-label={t('modules.itemModels.removeNamed', { n: n(r.index + 1), name: itemModelName(t, r.model) })}
          onClick={() => onChange(models.filter((_, i) => i !== r.index))}
        />
      ),
    },
  ];
  return (
    <Card title={t('modules.itemModels.title')} description={t('modules.itemModels.hint')}>
      <div className="fl-item-models" data-testid="item-models-editor">
        {practice && (
          <Banner tone="warning" title={t('modules.itemModels.practiceTitle')}>
            {t('modules.itemModels.practiceText', { count: models.length, n: n(models.length) })}
          </Banner>
        )}
        {models.length === 0 ? (
          <p className="fl-muted">{t('modules.itemModels.none')}</p>
        ) : (
          <Table
            className="fl-table-wrap--compact"
            columns={columns}
            rows={rows}
            rowKey={(r) => r.model.id ?? `new-${r.index}`}
            caption={t('modules.itemModels.caption')}
          />
        )}
        {error && (
          <p className="fl-field__error" role="alert">
            {error}
          </p>
        )}
        {!practice && <AddItemModel onAdd={(model) => onChange([...models, model])} />}
      </div>
    </Card>
  );
}

// Desk context: what the officer knows besides the document — today's date, the stolen-blank alert list and the
// database checks. Stolen blanks and fraudulently obtained documents can only be caught with it.
import type { CheckContext } from '@firstline/contracts';
import { useTranslation } from 'react-i18next';
import { Button, Checkbox, PlusIcon, SelectField, TextField, TrashIcon } from '@/components/ui';

const RESULTS = ['no-hit', 'match', 'hit', 'discrepancy'] as const;
type Series = CheckContext['stolenBlankSeries'][number];
type DeskRecord = CheckContext['records'][number];

const today = () => new Date().toISOString().slice(0, 10);

export function ContextEditor({
  context,
  onChange,
  issuingState,
  documentType,
}: {
  context: CheckContext | null;
  onChange: (next: CheckContext | null) => void;
  issuingState: string;
  documentType: string;
}) {
  const { t } = useTranslation();
  if (!context) {
    return (
      <Checkbox
        label={t('exercises.context.enable')}
        checked={false}
        onChange={() => onChange({ referenceDate: today(), stolenBlankSeries: [], records: [] })}
      />
    );
  }
  const setSeries = (i: number, patch: Partial<Series>) =>
    onChange({
      ...context,
      stolenBlankSeries: context.stolenBlankSeries.map((s, j) => (j === i ? { ...s, ...patch } : s)),
    });
  const setRecord = (i: number, patch: Partial<DeskRecord>) =>
    onChange({ ...context, records: context.records.map((r, j) => (j === i ? { ...r, ...patch } : r)) });

  return (
    <div className="fl-stack">
      <Checkbox label={t('exercises.context.enable')} checked onChange={() => onChange(null)} />
      <TextField
        label={t('exercises.context.referenceDate')}
        type="date"
        value={context.referenceDate}
        onChange={(e) => onChange({ ...context, referenceDate: e.target.value })}
        dir="ltr"
      />
      <fieldset className="fl-fieldset">
        <legend className="fl-field__label">{t('exercises.context.alerts')}</legend>
        {context.stolenBlankSeries.map((s, i) => (
          <div className="fl-context-row" key={i}>
            <TextField
              label={t('exercises.context.state')}
              value={s.state}
              maxLength={3}
              dir="ltr"
              onChange={(e) => setSeries(i, { state: e.target.value.toUpperCase() })}
            />
            <TextField
              label={t('exercises.context.documentType')}
              value={s.documentType}
              maxLength={8}
              dir="ltr"
              onChange={(e) => setSeries(i, { documentType: e.target.value })}
            />
            <TextField
              label={t('exercises.context.from')}
              value={s.from}
              maxLength={20}
              dir="ltr"
              onChange={(e) => setSeries(i, { from: e.target.value })}
            />
            <TextField
              label={t('exercises.context.to')}
              value={s.to}
              maxLength={20}
              dir="ltr"
              onChange={(e) => setSeries(i, { to: e.target.value })}
            />
            <TextField
              label={t('exercises.context.reportedOn')}
              type="date"
              value={s.reportedOn}
              dir="ltr"
              onChange={(e) => setSeries(i, { reportedOn: e.target.value })}
            />
            <Button
              size="sm"
              variant="ghost"
              icon={<TrashIcon size={16} />}
              onClick={() =>
                onChange({ ...context, stolenBlankSeries: context.stolenBlankSeries.filter((_, j) => j !== i) })
              }
            >
              {t('exercises.context.remove')}
            </Button>
          </div>
        ))}
        <Button
          size="sm"
          variant="secondary"
          icon={<PlusIcon size={16} />}
          onClick={() =>
            onChange({
              ...context,
              stolenBlankSeries: [
                ...context.stolenBlankSeries,
                { state: issuingState, documentType, from: '', to: '', reportedOn: context.referenceDate },
              ],
            })
          }
        >
          {t('exercises.context.addAlert')}
        </Button>
      </fieldset>
      <fieldset className="fl-fieldset">
        <legend className="fl-field__label">{t('exercises.context.records')}</legend>
        {context.records.map((r, i) => (
          <div className="fl-context-row" key={i}>
            <TextField
              label={t('exercises.context.source')}
              value={r.source}
              maxLength={120}
              onChange={(e) => setRecord(i, { source: e.target.value })}
            />
            <SelectField
              label={t('exercises.context.result')}
              value={r.result}
              options={RESULTS.map((v) => ({ value: v, label: t(`desk.result.${v}`) }))}
              onChange={(e) => setRecord(i, { result: e.target.value as DeskRecord['result'] })}
            />
            <TextField
              label={t('exercises.context.note')}
              value={r.note}
              maxLength={1000}
              onChange={(e) => setRecord(i, { note: e.target.value })}
            />
            <Button
              size="sm"
              variant="ghost"
              icon={<TrashIcon size={16} />}
              onClick={() => onChange({ ...context, records: context.records.filter((_, j) => j !== i) })}
            >
              {t('exercises.context.remove')}
            </Button>
          </div>
        ))}
        <Button
          size="sm"
          variant="secondary"
          icon={<PlusIcon size={16} />}
          onClick={() =>
            onChange({ ...context, records: [...context.records, { source: '', result: 'no-hit', note: '' }] })
          }
        >
          {t('exercises.context.addRecord')}
        </Button>
      </fieldset>
    </div>
  );
}

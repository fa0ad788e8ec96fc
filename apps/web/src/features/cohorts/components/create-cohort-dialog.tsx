import { CreateCohortRequest, type CohortView, type UnitView } from '@firstline/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Banner, SelectField, TextField } from '@/components/ui';
import { FormDialog } from '@/components/ui/form-dialog';
import { useResetOnOpen } from '@/hooks/use-reset-on-open';
import { describeError } from '@/lib/errors';
import { blankToNull, validate, type FieldErrors } from '@/lib/validation';
import { useCreateCohort } from '../api/create-cohort';

export function CreateCohortDialog({
  open,
  onClose,
  units,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  /** Units the user may create a cohort in (an instructor has one). */
  units: UnitView[];
  onCreated?: (cohort: CohortView) => void;
}) {
  const { t } = useTranslation();
  const create = useCreateCohort();
  const [name, setName] = useState('');
  const [unitId, setUnitId] = useState('');
  const [startsOn, setStartsOn] = useState('');
  const [endsOn, setEndsOn] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const clearError = (key: string) => setErrors(({ [key]: _edited, ...rest }) => rest);

  useResetOnOpen(open, () => {
    setName('');
    setUnitId(units.length === 1 ? units[0].id : '');
    setStartsOn('');
    setEndsOn('');
    setErrors({});
    create.reset();
  });

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    const result = validate(
      CreateCohortRequest,
      { name, unitId, startsOn: blankToNull(startsOn), endsOn: blankToNull(endsOn) },
      {
        name: t('cohorts.errors.name'),
        unitId: t('cohorts.errors.unit'),
        startsOn: t('cohorts.errors.date'),
        endsOn: t('cohorts.errors.date'),
      },
      t('errors.checkField'),
    );
    if (result.errors) return setErrors(result.errors);
    if (result.data.startsOn && result.data.endsOn && result.data.endsOn < result.data.startsOn) {
      return setErrors({ endsOn: t('cohorts.errors.endBeforeStart') });
    }
    setErrors({});
    create.mutate(result.data, {
      onSuccess: (cohort) => {
        onCreated?.(cohort);
        onClose();
      },
    });
  }

  return (
    <FormDialog
      open={open}
      onClose={onClose}
      title={t('cohorts.createTitle')}
      description={t('cohorts.createHint')}
      formId="create-cohort-form"
      onSubmit={onSubmit}
      submitLabel={t('cohorts.create')}
      isSubmitting={create.isPending}
      banner={create.error && <Banner tone="danger">{describeError(t, create.error)}</Banner>}
    >
      <TextField
        label={t('cohorts.name')}
        hint={t('cohorts.nameHint')}
        value={name}
        onChange={(e) => {
          setName(e.target.value);
          clearError('name');
        }}
        error={errors.name}
        required
        data-autofocus
      />
      <SelectField
        label={t('units.unit')}
        value={unitId}
        onChange={(e) => {
          setUnitId(e.target.value);
          clearError('unitId');
        }}
        options={units.map((u) => ({ value: u.id, label: `${u.name} (${u.code})` }))}
        placeholder={units.length === 1 ? undefined : t('common.choose')}
        error={errors.unitId}
        required
      />
      <div className="fl-form__row">
        <TextField
          type="date"
          label={t('cohorts.startsOn')}
          value={startsOn}
          onChange={(e) => {
            setStartsOn(e.target.value);
            clearError('startsOn');
          }}
          error={errors.startsOn}
        />
        <TextField
          type="date"
          label={t('cohorts.endsOn')}
          value={endsOn}
          onChange={(e) => {
            setEndsOn(e.target.value);
            clearError('endsOn');
          }}
          error={errors.endsOn}
        />
      </div>
    </FormDialog>
  );
}

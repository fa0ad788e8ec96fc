import { CreateUnitRequest, type UnitView } from '@firstline/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Banner, TextField } from '@/components/ui';
import { FormDialog } from '@/components/ui/form-dialog';
import { useResetOnOpen } from '@/hooks/use-reset-on-open';
import { describeError } from '@/lib/errors';
import { validate, type FieldErrors } from '@/lib/validation';
import { useCreateUnit } from '../api/create-unit';
import { useUpdateUnit } from '../api/update-unit';

export function UnitFormDialog({
  open,
  onClose,
  unit,
}: {
  open: boolean;
  onClose: () => void;
  unit?: UnitView | null;
}) {
  const { t } = useTranslation();
  const create = useCreateUnit();
  const update = useUpdateUnit();
  const mutation = unit ? update : create;
  const [name, setName] = useState('');
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const clearError = (key: string) => setErrors(({ [key]: _edited, ...rest }) => rest);

  useResetOnOpen(
    open,
    () => {
      setName(unit?.name ?? '');
      setCode(unit?.code ?? '');
      setErrors({});
      create.reset();
      update.reset();
    },
    unit?.id,
  );

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    const result = validate(
      CreateUnitRequest,
      { name, code: code.trim().toUpperCase() },
      { name: t('units.errors.name'), code: t('units.errors.code') },
      t('errors.checkField'),
    );
    if (result.errors) return setErrors(result.errors);
    setErrors({});
    if (unit) update.mutate({ id: unit.id, ...result.data }, { onSuccess: onClose });
    else create.mutate(result.data, { onSuccess: onClose });
  }

  return (
    <FormDialog
      open={open}
      onClose={onClose}
      title={unit ? t('units.editTitle', { name: unit.name }) : t('units.createTitle')}
      description={t('units.formHint')}
      formId="unit-form"
      onSubmit={onSubmit}
      submitLabel={unit ? t('common.save') : t('units.create')}
      isSubmitting={mutation.isPending}
      banner={
        mutation.error && (
          <Banner tone="danger">{describeError(t, mutation.error, { 409: t('units.errors.taken') })}</Banner>
        )
      }
    >
      <TextField
        label={t('units.name')}
        hint={t('units.nameHint')}
        value={name}
        onChange={(e) => {
          setName(e.target.value);
          clearError('name');
        }}
        error={errors.name}
        required
        data-autofocus
      />
      <TextField
        label={t('units.code')}
        hint={t('units.codeHint')}
        value={code}
        onChange={(e) => {
          setCode(e.target.value.toUpperCase());
          clearError('code');
        }}
        error={errors.code}
        dir="ltr"
        autoCapitalize="characters"
        spellCheck={false}
        maxLength={16}
        required
      />
    </FormDialog>
  );
}

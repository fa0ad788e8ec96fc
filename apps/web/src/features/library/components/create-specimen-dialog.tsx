import type { SpecimenView } from '@firstline/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBanner } from '@/components/ui';
import { FormDialog } from '@/components/ui/form-dialog';
import { useResetOnOpen } from '@/hooks/use-reset-on-open';
import type { FieldErrors } from '@/lib/validation';
import { useCreateSpecimen } from '../api/create-specimen';
import { emptySpecimenDraft, validateSpecimen, type SpecimenDraft } from '../lib/specimen-draft';
import { SpecimenFormFields } from './specimen-form-fields';

export function CreateSpecimenDialog({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated?: (s: SpecimenView) => void;
}) {
  const { t } = useTranslation();
  const create = useCreateSpecimen();
  const [draft, setDraft] = useState<SpecimenDraft>(emptySpecimenDraft);
  const [errors, setErrors] = useState<FieldErrors>({});

  useResetOnOpen(open, () => {
    setDraft(emptySpecimenDraft);
    setErrors({});
    create.reset();
  });

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    const result = validateSpecimen(t, draft);
    if (result.errors) return setErrors(result.errors);
    setErrors({});
    create.mutate(result.data, {
      onSuccess: (specimen) => {
        onCreated?.(specimen);
        onClose();
      },
    });
  }

  return (
    <FormDialog
      open={open}
      onClose={onClose}
      size="lg"
      title={t('library.createTitle')}
      description={t('library.createHint')}
      formId="create-specimen-form"
      onSubmit={onSubmit}
      submitLabel={t('library.create')}
      isSubmitting={create.isPending}
      banner={<ErrorBanner error={create.error} />}
    >
      <SpecimenFormFields
        draft={draft}
        onChange={(next) => {
          setDraft(next);
          setErrors({});
        }}
        errors={errors}
        autoFocus
      />
    </FormDialog>
  );
}

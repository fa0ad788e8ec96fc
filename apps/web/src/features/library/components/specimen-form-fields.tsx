// The document-model fields of a specimen, shared by the "New specimen" dialog and the detail page's edit form.
import { useTranslation } from 'react-i18next';
import { Field, TextField } from '@/components/ui';
import { DocumentTypeField } from '@/components/ui/document-type-select';
import type { FieldErrors } from '@/lib/validation';
import type { SpecimenDraft } from '../lib/specimen-draft';

export function SpecimenFormFields({
  draft,
  onChange,
  errors,
  autoFocus,
}: {
  draft: SpecimenDraft;
  onChange: (draft: SpecimenDraft) => void;
  errors: FieldErrors;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  const set = (key: keyof SpecimenDraft) => (e: { target: { value: string } }) =>
    onChange({ ...draft, [key]: e.target.value });
  return (
    <>
      <TextField
        label={t('library.fields.title')}
        hint={t('library.fields.titleHint')}
        value={draft.title}
        onChange={set('title')}
        error={errors.title}
        required
        maxLength={160}
        data-autofocus={autoFocus || undefined}
      />
      <div className="fl-form__row">
        <TextField
          label={t('library.fields.issuingState')}
          hint={t('library.fields.issuingStateHint')}
          value={draft.issuingState}
          onChange={(e) => onChange({ ...draft, issuingState: e.target.value.toUpperCase() })}
          error={errors.issuingState}
          required
          maxLength={3}
          dir="ltr"
          autoCapitalize="characters"
          spellCheck={false}
        />
        <DocumentTypeField value={draft.documentType} onChange={set('documentType')} error={errors.documentType} />
      </div>
      <div className="fl-form__row">
        <TextField
          label={t('library.fields.series')}
          hint={t('library.fields.seriesHint')}
          value={draft.series}
          onChange={set('series')}
          error={errors.series}
          maxLength={60}
        />
        <TextField
          label={t('library.fields.year')}
          value={draft.year}
          onChange={set('year')}
          error={errors.year}
          inputMode="numeric"
          dir="ltr"
          maxLength={4}
        />
      </div>
      <Field label={t('library.fields.description')} error={errors.description}>
        {(control) => (
          <textarea
            className="fl-input fl-textarea"
            rows={4}
            value={draft.description}
            onChange={set('description')}
            maxLength={8000}
            {...control}
          />
        )}
      </Field>
    </>
  );
}

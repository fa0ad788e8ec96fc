// Edit a specimen's document-model details (PATCH sends only what changed).
import type { SpecimenView, UpdateSpecimenRequest } from '@firstline/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge, Button, ErrorBanner } from '@/components/ui';
import type { FieldErrors } from '@/lib/validation';
import { useUpdateSpecimen } from '../api/update-specimen';
import { specimenDraftOf, validateSpecimen } from '../lib/specimen-draft';
import { SpecimenFormFields } from './specimen-form-fields';

export function SpecimenDetailsForm({ specimen }: { specimen: SpecimenView }) {
  const { t } = useTranslation();
  const update = useUpdateSpecimen(specimen.id);
  const [draft, setDraft] = useState(() => specimenDraftOf(specimen));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [savedAt, setSavedAt] = useState<number | null>(null);
  // A newer version from the server (after saving) becomes the new starting point.
  const [syncedVersion, setSyncedVersion] = useState(specimen.updatedAt);
  if (syncedVersion !== specimen.updatedAt) {
    setSyncedVersion(specimen.updatedAt);
    setDraft(specimenDraftOf(specimen));
  }

  const original = specimenDraftOf(specimen);
  const dirty = JSON.stringify(draft) !== JSON.stringify(original);

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    const result = validateSpecimen(t, draft);
    if (result.errors) return setErrors(result.errors);
    setErrors({});
    const base = validateSpecimen(t, original).data;
    const changes: UpdateSpecimenRequest = {};
    for (const [key, value] of Object.entries(result.data) as [keyof UpdateSpecimenRequest, unknown][]) {
      if (!base || JSON.stringify(base[key]) !== JSON.stringify(value))
        (changes as Record<string, unknown>)[key] = value;
    }
    update.mutate(changes, { onSuccess: () => setSavedAt(Date.now()) });
  }

  return (
    <form className="fl-form" onSubmit={onSubmit} noValidate aria-label={t('library.detailsTitle')}>
      <ErrorBanner error={update.error} />
      <SpecimenFormFields
        draft={draft}
        onChange={(next) => {
          setDraft(next);
          setErrors({});
          setSavedAt(null);
        }}
        errors={errors}
      />
      <div className="fl-form__actions">
        <Button type="submit" isLoading={update.isPending} disabled={!dirty}>
          {t('common.save')}
        </Button>
        {dirty ? (
          <Badge tone="amber">{t('library.editor.unsaved')}</Badge>
        ) : savedAt ? (
          <Badge tone="green">{t('library.saved')}</Badge>
        ) : null}
      </div>
    </form>
  );
}

// A specimen's document-model details as typed in the form (shared by the "New specimen" dialog and the detail
// page's edit form), and their check against the API's own schema.
import { CreateSpecimenRequest, type DocumentType, type SpecimenView } from '@firstline/contracts';
import type { TFunction } from 'i18next';
import { validate } from '@/lib/validation';

export interface SpecimenDraft {
  title: string;
  issuingState: string;
  documentType: DocumentType | '';
  series: string;
  year: string;
  description: string;
}

export const emptySpecimenDraft: SpecimenDraft = {
  title: '',
  issuingState: '',
  documentType: '',
  series: '',
  year: '',
  description: '',
};

/** Checks the draft with the API's own schema; errors are one translated sentence per field. */
export function validateSpecimen(t: TFunction, draft: SpecimenDraft) {
  const year = draft.year.trim();
  return validate(
    CreateSpecimenRequest,
    {
      title: draft.title,
      issuingState: draft.issuingState,
      documentType: draft.documentType || undefined,
      series: draft.series,
      year: year === '' ? null : /^\d+$/.test(year) ? Number(year) : Number.NaN,
      description: draft.description,
    },
    {
      title: t('library.errors.title'),
      issuingState: t('library.errors.issuingState'),
      documentType: t('library.errors.documentType'),
      series: t('library.errors.series'),
      year: t('library.errors.year'),
      description: t('library.errors.description'),
    },
    t('errors.checkField'),
  );
}

/** A saved specimen as the form shows it. */
export const specimenDraftOf = (specimen: SpecimenView): SpecimenDraft => ({
  title: specimen.title,
  issuingState: specimen.issuingState,
  documentType: specimen.documentType,
  series: specimen.series,
  year: specimen.year === null ? '' : String(specimen.year),
  description: specimen.description,
});

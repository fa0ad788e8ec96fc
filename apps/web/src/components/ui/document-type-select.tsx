// The document type picker (TD1 … MRV-B), one list for every screen: as a filter bar's select ("All types") or as
// a form field.
import { DOCUMENT_TYPES, type DocumentType } from '@firstline/contracts/vocabulary';
import type { ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from './field';
import { FilterSelect } from './filter-select';

export function DocumentTypeFilter({
  value,
  onChange,
}: {
  value: DocumentType | '';
  onChange: (value: DocumentType | '') => void;
}) {
  const { t } = useTranslation();
  return (
    <FilterSelect
      label={t('library.fields.documentType')}
      allLabel={t('library.allTypes')}
      value={value}
      options={DOCUMENT_TYPES.map((type) => ({ value: type, label: t(`taxonomy.documentType.${type}`) }))}
      onChange={onChange}
    />
  );
}

export function DocumentTypeField({
  value,
  onChange,
  error,
}: {
  value: DocumentType | '';
  onChange: (e: ChangeEvent<HTMLSelectElement>) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  return (
    <SelectField
      label={t('library.fields.documentType')}
      value={value}
      onChange={onChange}
      options={DOCUMENT_TYPES.map((d) => ({ value: d, label: t(`taxonomy.documentType.${d}`) }))}
      placeholder={t('common.choose')}
      error={error}
      required
    />
  );
}

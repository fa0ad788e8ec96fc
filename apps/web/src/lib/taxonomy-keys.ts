// Message keys for the field's taxonomy. Fraud types such as `forged:photo-substitution` contain i18next's
// namespace separator, so their keys nest the method instead (taxonomy.fraudType.forged.photo-substitution).
import type { HeatmapDimension } from '@firstline/contracts';
import type { TFunction } from 'i18next';

export const fraudTypeKey = (fraudType: string) => `taxonomy.fraudType.${fraudType.replace(':', '.')}`;

/** The message key of one value of a report dimension (a feature category, fraud type, light, state, type). */
export function dimensionValueKey(by: HeatmapDimension, key: string): string {
  switch (by) {
    case 'featureCategory':
      return `taxonomy.category.${key}`;
    case 'fraudType':
      return fraudTypeKey(key);
    case 'light':
      return `taxonomy.light.${key}`;
    case 'issuingState':
      return `taxonomy.state.${key}`;
    case 'documentType':
      return `taxonomy.documentType.${key}`;
  }
}

/**
 * The localized label of a dimension value; a value with no message (a real state's ICAO code, a key added to
 * the taxonomy after this catalogue) shows as it is.
 */
export function dimensionValueLabel(t: TFunction, by: HeatmapDimension, key: string): string {
  return t(dimensionValueKey(by, key), { defaultValue: key });
}

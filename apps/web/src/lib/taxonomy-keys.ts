// Message keys for the field's taxonomy. Fraud types such as `forged:photo-substitution` contain i18next's
// namespace separator, so their keys nest the method instead (taxonomy.fraudType.forged.photo-substitution).
export const fraudTypeKey = (fraudType: string) => `taxonomy.fraudType.${fraudType.replace(':', '.')}`;

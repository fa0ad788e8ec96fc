// FirstLine's fictional training states. Real ICAO codes come from the `mrz` package; these are the states the
// specimen generator draws and the MRZ check accepts in addition. Anything in neither list is unknown (a pseudo tell).
export interface TrainingState {
  code: string;
  name: string;
  /** Second language printed in bilingual labels. */
  secondLanguage: string;
}

export const TRAINING_STATES: readonly TrainingState[] = [
  { code: 'UTO', name: 'Utopia', secondLanguage: 'Utopian' },
  { code: 'ARC', name: 'Republic of Arcadia', secondLanguage: 'Arcadian' },
  { code: 'BRG', name: 'Kingdom of Borgundia', secondLanguage: 'Borgundian' },
];

export const TRAINING_STATE_CODES: readonly string[] = TRAINING_STATES.map((s) => s.code);

export function isTrainingState(code: string): boolean {
  return TRAINING_STATE_CODES.includes(code);
}

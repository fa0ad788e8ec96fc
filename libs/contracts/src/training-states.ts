// FirstLine's fictional training states. Real ICAO codes come from the `mrz` package; these are the states the
// specimen generator draws and the MRZ check accepts in addition. Anything in neither list is unknown (a pseudo tell),
// as the pseudo states of fantasy documents are: the generator draws them too, and reports name them.
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

/**
 * The fantasy "states" the generator issues pseudo documents of (Westmarch, Hyperborea, Lemuria): in neither ICAO's
 * list nor the training states. The generator has a design for exactly these (a forge spec checks so), and every
 * language's catalogue names each as no such state (a web test checks so).
 */
export const PSEUDO_STATE_CODES: readonly string[] = ['WMR', 'HYP', 'LMU'];

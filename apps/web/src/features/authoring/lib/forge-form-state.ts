// The forge form's state and what it sends: the operations and target fields that fit the chosen fraud type.
import type { ForgeExerciseRequest } from '@firstline/contracts';
import { changeForgeChoice, INITIAL_FORGE_CHOICE, type ForgeChoice } from '@/lib/forge-choice';

export interface ForgeFormState extends ForgeChoice {
  issuingState: string;
  subtlety: number;
  seed: number;
  unitId: string;
}

export const newSeed = () => Math.floor(Math.random() * 1_000_000);

export const initialForgeForm = (seed = newSeed()): ForgeFormState => ({ ...INITIAL_FORGE_CHOICE, seed, unitId: '' });

/** A change of one field, with the fields that depend on it kept consistent. */
export const changeForgeForm = (state: ForgeFormState, change: Partial<ForgeFormState>): ForgeFormState =>
  changeForgeChoice(state, change);

/** The request the form sends (the defaults left to the server). */
export function forgeRequest(state: ForgeFormState): ForgeExerciseRequest {
  return {
    issuingState: state.issuingState,
    documentType: state.documentType,
    fraudType: state.fraudType,
    ...(state.operation ? { operation: state.operation } : {}),
    ...(state.target ? { target: state.target } : {}),
    subtlety: state.subtlety,
    seed: state.seed,
    ...(state.unitId ? { unitId: state.unitId } : {}),
  };
}

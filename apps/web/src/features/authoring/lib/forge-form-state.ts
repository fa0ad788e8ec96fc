// The forge form's state and what it sends: the operations and target fields that fit the chosen fraud type.
import {
  ALTERABLE_FIELDS,
  FORGE_OPERATIONS_BY_FRAUD_TYPE,
  MRZ_TAMPER_FIELDS,
  type ForgeExerciseRequest,
  type ForgeOperation,
  type FraudType,
} from '@firstline/contracts';

export interface ForgeFormState {
  issuingState: string;
  documentType: 'TD1' | 'TD3';
  fraudType: FraudType;
  operation: ForgeOperation | '';
  target: string;
  subtlety: number;
  seed: number;
  unitId: string;
}

const PASSPORT_ONLY: ForgeOperation[] = ['page-substitution', 'forge-stamp'];

export const newSeed = () => Math.floor(Math.random() * 1_000_000);

export const initialForgeForm = (seed = newSeed()): ForgeFormState => ({
  issuingState: 'UTO',
  documentType: 'TD3',
  fraudType: 'forged:photo-substitution',
  operation: '',
  target: '',
  subtlety: 0.5,
  seed,
  unitId: '',
});

/** The operations that produce the fraud type (none for a genuine document). */
export function operationsFor(fraudType: FraudType): readonly ForgeOperation[] {
  return fraudType === 'genuine' ? [] : FORGE_OPERATIONS_BY_FRAUD_TYPE[fraudType];
}

/** The fields an operation changes, if it changes one. */
export function targetsFor(operation: ForgeOperation | ''): readonly string[] {
  if (operation === 'tamper-mrz') return MRZ_TAMPER_FIELDS;
  if (operation === 'alter-data' || operation === 'scrub-data') return ALTERABLE_FIELDS;
  return [];
}

/** Whether the fraud type can be forged on the document type (page and stamp forgeries need a passport). */
export function fitsDocumentType(fraudType: FraudType, documentType: 'TD1' | 'TD3'): boolean {
  return documentType === 'TD3' || !operationsFor(fraudType).every((op) => PASSPORT_ONLY.includes(op));
}

/** A change of one field, with the fields that depend on it kept consistent. */
export function changeForgeForm(state: ForgeFormState, change: Partial<ForgeFormState>): ForgeFormState {
  const next = { ...state, ...change };
  if (change.fraudType !== undefined && change.fraudType !== state.fraudType && change.operation === undefined)
    next.operation = '';
  if (next.operation && !operationsFor(next.fraudType).includes(next.operation)) next.operation = '';
  const operation = next.operation || operationsFor(next.fraudType)[0] || '';
  if (!targetsFor(operation).includes(next.target)) next.target = '';
  if (!fitsDocumentType(next.fraudType, next.documentType)) next.documentType = 'TD3';
  return next;
}

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

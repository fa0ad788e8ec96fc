// The forge's choices that depend on one another — the operations that produce a fraud type, the field an operation
// changes, the document types a fraud type can be forged on — shared by the forge form and the module form's item
// models (both staff screens: this imports the contracts' values).
import {
  ALTERABLE_FIELDS,
  FORGE_OPERATIONS_BY_FRAUD_TYPE,
  MRZ_TAMPER_FIELDS,
  type ForgeOperation,
  type FraudType,
} from '@firstline/contracts';

/** What a forgery is drawn as; `operation` and `target` are '' when left to the server (or not taken). */
export interface ForgeChoice {
  documentType: 'TD1' | 'TD3';
  fraudType: FraudType;
  operation: ForgeOperation | '';
  target: string;
}

/** Where both forms start: a Utopian passport with its portrait substituted, of middling subtlety. */
export const INITIAL_FORGE_CHOICE: ForgeChoice & { issuingState: string; subtlety: number } = {
  issuingState: 'UTO',
  documentType: 'TD3',
  fraudType: 'forged:photo-substitution',
  operation: '',
  target: '',
  subtlety: 0.5,
};

const PASSPORT_ONLY: ForgeOperation[] = ['page-substitution', 'forge-stamp'];

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

/** The operation the forge uses: the one chosen, else the first that produces the fraud type ('' for genuine). */
export const operationOf = (choice: Pick<ForgeChoice, 'fraudType' | 'operation'>): ForgeOperation | '' =>
  choice.operation || operationsFor(choice.fraudType)[0] || '';

/** A change of one choice, with the choices that depend on it kept consistent. */
export function changeForgeChoice<T extends ForgeChoice>(state: T, change: Partial<T>): T {
  const next = { ...state, ...change };
  if (change.fraudType !== undefined && change.fraudType !== state.fraudType && change.operation === undefined)
    next.operation = '';
  if (next.operation && !operationsFor(next.fraudType).includes(next.operation)) next.operation = '';
  if (!targetsFor(operationOf(next)).includes(next.target)) next.target = '';
  if (!fitsDocumentType(next.fraudType, next.documentType)) next.documentType = 'TD3';
  return next;
}

// From a forge request to the forged document's description and exact truth (cheap: no pixels yet), or a 400 in
// words before any job starts: an unknown state, an operation that does not produce the fraud type, a target the
// operation does not take, a document type the operation cannot forge.
import {
  ALTERABLE_FIELDS,
  FORGE_OPERATIONS_BY_FRAUD_TYPE,
  MRZ_TAMPER_FIELDS,
  TRAINING_STATE_CODES,
  type ForgeExerciseRequest,
  type ForgeOperation,
  type FraudType,
  type ItemModelSpec,
} from '@firstline/contracts';
import type { ForgeryName, ForgeryOptions, VizFieldKey } from '@firstline/forge';
import { DomainError } from '../common/errors/domain-error';
import type { ForgedDocument } from './forged-exercise-input';

type Forge = typeof import('@firstline/forge');

/** The forge's own name of each operation. */
export const FORGERY_OF: Record<ForgeOperation, ForgeryName> = {
  'photo-substitution': 'photoSubstitution',
  'alter-data': 'alterData',
  'scrub-data': 'scrubData',
  'tamper-mrz': 'tamperMrz',
  counterfeit: 'counterfeit',
  'page-substitution': 'pageSubstitution',
  impostor: 'impostor',
  pseudo: 'pseudo',
  'stolen-blank': 'stolenBlank',
  'fraudulently-obtained': 'fraudulentlyObtained',
  'forge-stamp': 'forgeStamp',
};

const TD3_ONLY: ForgeOperation[] = ['page-substitution', 'forge-stamp'];

/** A forge request with its defaults filled in: the operation and the seed. */
export interface ForgePlanInput extends ForgeExerciseRequest {
  seed: number;
}

function fraudTypeOf(op: ForgeOperation): FraudType {
  const found = Object.entries(FORGE_OPERATIONS_BY_FRAUD_TYPE).find(([, ops]) => ops.includes(op));
  return found![0] as FraudType;
}

/** The request's operation (or the fraud type's default), checked against the fraud type and the document type. */
export function checkedOperation(req: ForgeExerciseRequest): ForgeOperation | null {
  if (!TRAINING_STATE_CODES.includes(req.issuingState))
    throw new DomainError(
      'invalid',
      `Unknown issuing state "${req.issuingState}": the forge draws ${TRAINING_STATE_CODES.join(', ')}`,
    );
  if (req.fraudType === 'genuine') {
    if (req.operation) throw new DomainError('invalid', 'A genuine document takes no forgery operation');
    if (req.target) throw new DomainError('invalid', 'A genuine document takes no target field');
    return null;
  }
  const ops = FORGE_OPERATIONS_BY_FRAUD_TYPE[req.fraudType];
  const op = req.operation ?? ops[0]!;
  if (!ops.includes(op))
    throw new DomainError(
      'invalid',
      `The operation ${op} produces ${fraudTypeOf(op)}, not ${req.fraudType} (which takes: ${ops.join(', ')})`,
    );
  if (TD3_ONLY.includes(op) && req.documentType !== 'TD3')
    throw new DomainError('invalid', `The operation ${op} needs a passport (TD3), not a ${req.documentType} card`);
  if (req.target !== undefined) {
    const targets: readonly string[] =
      op === 'tamper-mrz' ? MRZ_TAMPER_FIELDS : op === 'alter-data' || op === 'scrub-data' ? ALTERABLE_FIELDS : [];
    if (!targets.length) throw new DomainError('invalid', `The operation ${op} takes no target field`);
    if (!targets.includes(req.target))
      throw new DomainError(
        'invalid',
        `The operation ${op} cannot change "${req.target}"; it changes one of: ${targets.join(', ')}`,
      );
  }
  return op;
}

/** The forged document (description and exact truth), deterministic for a request and seed. */
export function planForgery(forge: Forge, req: ForgePlanInput, dpi: number): ForgedDocument {
  const op = checkedOperation(req);
  const base = forge.renderGenuine({
    state: req.issuingState,
    type: req.documentType,
    seed: `forge-${req.seed}`,
    dpi,
    withVisaPage: op === 'forge-stamp',
  });
  if (!op) return { instance: base, truth: forge.genuineTruth(base) };
  const opts: ForgeryOptions & { field?: VizFieldKey } = { subtlety: req.subtlety ?? 0.5, seed: req.seed };
  if (req.target) opts.field = req.target as VizFieldKey;
  try {
    return forge.FORGERIES[FORGERY_OF[op]](base, opts);
  } catch (err) {
    if (err instanceof forge.ForgeError) throw new DomainError('invalid', `The forge cannot do this: ${err.message}`);
    throw err;
  }
}

/** An item model's forge request checked as a forge request is (400 in words): the state, fraud type, operation. */
export function checkItemModel(spec: ItemModelSpec): void {
  checkedOperation(spec);
}

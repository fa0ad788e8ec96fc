// Seeded batches of exercises: a fixed share of genuine documents, every requested fraud type covered as evenly
// as the count allows, states and document types spread across the batch.
import { FRAUD_TYPES, type FraudType } from '@firstline/contracts';
import { FORGERIES, genuineTruth, OPERATIONS_BY_FRAUD_TYPE, ForgeError } from './forgery';
import type { DocumentFormat } from './identity';
import { renderGenuine } from './instance';
import { Rng } from './prng';
import { TRAINING_STATE_CODES_FORGE } from './states';
import type { DocumentInstance, ForgeryResult } from './types';

export interface BatchOptions {
  count: number;
  seed: number | string;
  /** Share of genuine items, 0–1 (default 0.5). */
  genuineRatio?: number;
  /** Fraud types to draw the forged items from (default: all but 'genuine'). */
  fraudTypes?: readonly FraudType[];
  states?: readonly string[];
  types?: readonly DocumentFormat[];
  dpi?: number;
  /** Share of TD3 items that also carry a visa page (stamp forgeries always do). Default 0.3. */
  visaPageRatio?: number;
}

export interface BatchItem extends ForgeryResult {
  index: number;
}

const NEEDS_TD3: FraudType[] = ['forged:page-substitution', 'forged:visa-or-stamp'];

export function validateBatchOptions(o: BatchOptions): Required<Omit<BatchOptions, 'dpi'>> & { dpi?: number } {
  if (!Number.isInteger(o.count) || o.count < 1)
    throw new ForgeError('bad-parameter', `count must be a positive integer, got ${o.count}`);
  const genuineRatio = o.genuineRatio ?? 0.5;
  if (!(genuineRatio >= 0 && genuineRatio <= 1))
    throw new ForgeError('bad-parameter', `genuineRatio must be between 0 and 1, got ${o.genuineRatio}`);
  const types = o.types ?? (['TD3', 'TD1'] as DocumentFormat[]);
  for (const t of types)
    if (t !== 'TD1' && t !== 'TD3') throw new ForgeError('bad-parameter', `unknown document type ${t}`);
  // Page substitution and stamp forgeries exist only for passports: left out of the default mix without TD3.
  const defaults = FRAUD_TYPES.filter((t) => t !== 'genuine' && (types.includes('TD3') || !NEEDS_TD3.includes(t)));
  const fraudTypes = (o.fraudTypes ?? defaults).filter((t) => t !== 'genuine');
  for (const t of fraudTypes)
    if (!FRAUD_TYPES.includes(t)) throw new ForgeError('bad-parameter', `unknown fraud type ${t}`);
  if (!types.includes('TD3')) {
    const td3Only = fraudTypes.filter((t) => NEEDS_TD3.includes(t));
    if (td3Only.length) throw new ForgeError('bad-parameter', `${td3Only.join(', ')} need TD3 documents`);
  }
  if (fraudTypes.length === 0 && genuineRatio < 1)
    throw new ForgeError('bad-parameter', 'no fraud types to draw forged items from');
  const states = o.states ?? TRAINING_STATE_CODES_FORGE;
  for (const s of states)
    if (!TRAINING_STATE_CODES_FORGE.includes(s))
      throw new ForgeError('bad-parameter', `unknown state ${s}: expected ${TRAINING_STATE_CODES_FORGE.join(', ')}`);
  if (types.length === 0 || states.length === 0)
    throw new ForgeError('bad-parameter', 'need at least one state and one document type');
  return {
    count: o.count,
    seed: o.seed,
    genuineRatio,
    fraudTypes,
    states,
    types,
    dpi: o.dpi,
    visaPageRatio: o.visaPageRatio ?? 0.3,
  };
}

/** Plan of a batch: which fraud type, state and document type each item gets (cheap; no rendering). */
export function planBatch(
  opts: BatchOptions,
): { fraudType: FraudType; state: string; type: DocumentFormat; visaPage: boolean }[] {
  const options = validateBatchOptions(opts);
  const rng = new Rng(`batch:${options.seed}`);
  const nGenuine = Math.round(options.count * options.genuineRatio);
  const kinds: FraudType[] = [];
  for (let i = 0; i < nGenuine; i++) kinds.push('genuine');
  // Forged items cycle through the (shuffled) fraud types so each appears as evenly as the count allows.
  const order = rng.fork('types').shuffle(options.fraudTypes);
  for (let i = 0; kinds.length < options.count; i++) kinds.push(order[i % order.length]);
  const shuffled = rng.fork('order').shuffle(kinds);
  const placeRng = rng.fork('place');
  return shuffled.map((fraudType, i) => {
    const state = options.states[i % options.states.length];
    let type = options.types[Math.floor(i / options.states.length) % options.types.length];
    if (NEEDS_TD3.includes(fraudType) && options.types.includes('TD3')) type = 'TD3';
    const visaPage = type === 'TD3' && (fraudType === 'forged:visa-or-stamp' || placeRng.bool(options.visaPageRatio));
    return { fraudType, state, type, visaPage };
  });
}

/** Generate one item of a batch (deterministic for a given batch seed and index). */
export function batchItem(opts: BatchOptions, index: number, plan = planBatch(opts)[index]): BatchItem {
  const rng = new Rng(`batch:${opts.seed}:item:${index}`);
  const base: DocumentInstance = renderGenuine({
    state: plan.state,
    type: plan.type,
    seed: `${opts.seed}-${index}`,
    dpi: opts.dpi,
    withVisaPage: plan.visaPage,
  });
  if (plan.fraudType === 'genuine') return { index, instance: base, truth: genuineTruth(base) };
  const op = rng.pick(OPERATIONS_BY_FRAUD_TYPE[plan.fraudType]);
  const result = FORGERIES[op](base, { subtlety: Math.round(rng.range(0.1, 0.9) * 100) / 100, seed: index });
  return { index, ...result };
}

/** A batch of genuine and forged items with ground truth. */
export function generateBatch(opts: BatchOptions): BatchItem[] {
  const plan = planBatch(opts);
  return plan.map((p, i) => batchItem(opts, i, p));
}

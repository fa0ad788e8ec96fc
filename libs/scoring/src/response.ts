// Scores one trainee response to one exercise item: decision, locate, fraud type, features, MRZ.
import { scoreLocate, type LocateOptions, type LocateRegion, type Point } from './locate';
import { classifyDecision, type DecisionOutcome, type FirstLineDecision, type Verdict } from './signal-detection';

export const SCORED_PARTS = ['decision', 'locate', 'fraudType', 'features', 'mrz'] as const;
export type ScoredPart = (typeof SCORED_PARTS)[number];

/** The answer key of an item (never sent to a trainee before the response is locked). */
export interface ItemTruth {
  verdict: Verdict;
  /** Taxonomy string, e.g. 'forged:photo-substitution'. Absent/null: the fraud-type part does not apply. */
  fraudType?: string | null;
  /** Tampered regions. Absent/empty: the locate part does not apply (nothing to find). */
  regions?: readonly LocateRegion[];
  /** Features that give the forgery away. Absent: the feature part does not apply; [] means "none". */
  features?: readonly string[];
  /** MRZ checks that fail ('documentNumber', 'birthDate', 'expiryDate', 'optional', 'composite').
   *  Absent: the MRZ part does not apply; [] means "all checks pass". */
  mrzFailedChecks?: readonly string[];
}

export interface ItemResponse {
  decision: FirstLineDecision;
  points?: readonly Point[];
  fraudType?: string | null;
  features?: readonly string[];
  mrzFailedChecks?: readonly string[];
}

/**
 * Weight of each part the exercise asks. A part is enabled when its key is present; `decision` is always
 * enabled (weight 1 when not given). Weights must be finite and ≥ 0; the decision weight must be > 0.
 */
export type PartWeights = Partial<Record<ScoredPart, number>>;

/** Suggested weights when every part is asked: the decision dominates, each diagnostic part adds half as much. */
export const DEFAULT_PART_WEIGHTS: Readonly<Required<PartWeights>> = Object.freeze({
  decision: 1,
  locate: 0.5,
  fraudType: 0.5,
  features: 0.5,
  mrz: 0.5,
});

/**
 * Partial credit for a multi-select answer, given the set of correct options T and the selection R:
 * - `right-minus-wrong`: (|R ∩ T| − |R \ T|) / |T| clamped to [0, 1] (each wrong pick cancels a right one);
 * - `jaccard`: |R ∩ T| / |R ∪ T|;
 * - `exact`: 1 when R = T, else 0.
 * Duplicates in either list count once. When T is empty the only right answer is an empty selection (1, else 0).
 */
export type SelectionRule = 'right-minus-wrong' | 'jaccard' | 'exact';

export interface ScoreResponseOptions {
  /** Passed to scoreLocate. Defaults: tolerance 0, wrongClickPenalty 0. */
  locate?: LocateOptions;
  /** Default 'right-minus-wrong'. */
  featureRule?: SelectionRule;
  /** Default 'right-minus-wrong'. */
  mrzRule?: SelectionRule;
  /**
   * Credit for naming the right fraud family with the wrong method, e.g. 'forged:data-alteration' for
   * 'forged:photo-substitution'. Default 0.5; set 0 for exact-match only.
   */
  fraudFamilyCredit?: number;
}

export type PartStatus =
  /** Scored normally. */
  | 'scored'
  /** Part does not apply to this item (genuine item, or no key for it): excluded from the item score. */
  | 'not-applicable'
  /** A forgery was accepted: the part scores 0 whatever was answered. */
  | 'forfeited';

export interface PartResult {
  /** In [0, 1]; null when not applicable. */
  score: number | null;
  /** Weight this part carried in the item score (0 when not applicable). */
  weight: number;
  status: PartStatus;
}

export interface ResponseScore {
  /** Weighted mean of the counted parts, in [0, 1]. */
  score: number;
  /** Signal-detection class of the decision, for countOutcomes/signalDetection. */
  outcome: DecisionOutcome;
  /** One entry per enabled part; `decision` is always there. */
  parts: { decision: PartResult } & Partial<Record<Exclude<ScoredPart, 'decision'>, PartResult>>;
}

function assertWeight(part: string, weight: number): void {
  if (typeof weight !== 'number' || !Number.isFinite(weight) || weight < 0) {
    throw new RangeError(`weight of ${part} must be a finite number ≥ 0, got ${String(weight)}`);
  }
}

/** Partial credit for a multi-select answer; see SelectionRule. */
export function scoreSelection(
  truth: readonly string[],
  response: readonly string[],
  rule: SelectionRule = 'right-minus-wrong',
): number {
  const t = new Set(truth);
  const r = new Set(response);
  let right = 0;
  for (const option of r) if (t.has(option)) right++;
  const wrong = r.size - right;
  if (t.size === 0) return r.size === 0 ? 1 : 0;
  switch (rule) {
    case 'right-minus-wrong':
      return Math.max(0, Math.min(1, (right - wrong) / t.size));
    case 'jaccard':
      return right / (t.size + wrong);
    case 'exact':
      return right === t.size && wrong === 0 ? 1 : 0;
    default:
      throw new RangeError(`unknown selection rule ${String(rule)}`);
  }
}

/**
 * Fraud-type credit: 1 for the exact taxonomy string; `familyCredit` when both are `family:method` with the same
 * family (e.g. both 'forged:…'); else 0. No answer scores 0.
 */
export function scoreFraudType(truth: string, response: string | null | undefined, familyCredit = 0.5): number {
  if (response === undefined || response === null) return 0;
  if (response === truth) return 1;
  const truthFamily = truth.includes(':') ? truth.slice(0, truth.indexOf(':')) : null;
  const responseFamily = response.includes(':') ? response.slice(0, response.indexOf(':')) : null;
  return truthFamily !== null && truthFamily === responseFamily ? familyCredit : 0;
}

/**
 * Score a response against the item's truth.
 * - Genuine item: only the decision counts (accept = 1, refer = 0); every other enabled part is not applicable.
 * - Fraudulent item, accepted: the whole item scores 0 (a missed forgery earns no locate/type credit); the
 *   other enabled parts are reported as forfeited with score 0.
 * - Fraudulent item, referred: decision = 1 and each enabled part that has a key is scored; parts without a
 *   key (e.g. no tampered regions) are not applicable.
 * Item score = Σ weight·score / Σ weight over the counted parts.
 */
export function scoreResponse(
  truth: ItemTruth,
  response: ItemResponse,
  weights: PartWeights = { decision: DEFAULT_PART_WEIGHTS.decision },
  options: ScoreResponseOptions = {},
): ResponseScore {
  const decisionWeight = weights.decision ?? DEFAULT_PART_WEIGHTS.decision;
  assertWeight('decision', decisionWeight);
  if (decisionWeight === 0) throw new RangeError('weight of decision must be > 0');
  const familyCredit = options.fraudFamilyCredit ?? 0.5;
  if (!(familyCredit >= 0 && familyCredit <= 1)) {
    throw new RangeError(`fraudFamilyCredit must be in [0, 1], got ${String(familyCredit)}`);
  }

  const outcome = classifyDecision(truth.verdict, response.decision);
  const decisionScore = outcome === 'hit' || outcome === 'correctRejection' ? 1 : 0;
  const parts: ResponseScore['parts'] = {
    decision: { score: decisionScore, weight: decisionWeight, status: 'scored' },
  };

  for (const part of SCORED_PARTS) {
    if (part === 'decision') continue;
    const weight = weights[part];
    if (weight === undefined) continue;
    assertWeight(part, weight);
    const score = truth.verdict === 'fraudulent' ? partScore(part, truth, response, options, familyCredit) : null;
    if (score === null) parts[part] = { score: null, weight: 0, status: 'not-applicable' };
    else if (outcome === 'miss') parts[part] = { score: 0, weight, status: 'forfeited' };
    else parts[part] = { score, weight, status: 'scored' };
  }

  let weighted = 0;
  let total = 0;
  for (const result of Object.values(parts) as PartResult[]) {
    if (result.score === null) continue;
    weighted += result.weight * result.score;
    total += result.weight;
  }
  const score = Math.min(1, Math.max(0, weighted / total));
  return { score, outcome, parts };
}

/** A part's score on a fraudulent item, or null when the item has no key for it. */
function partScore(
  part: Exclude<ScoredPart, 'decision'>,
  truth: ItemTruth,
  response: ItemResponse,
  options: ScoreResponseOptions,
  familyCredit: number,
): number | null {
  switch (part) {
    case 'locate':
      if (!truth.regions || truth.regions.length === 0) return null;
      return scoreLocate(response.points ?? [], truth.regions, options.locate);
    case 'fraudType':
      if (truth.fraudType === undefined || truth.fraudType === null) return null;
      return scoreFraudType(truth.fraudType, response.fraudType, familyCredit);
    case 'features':
      if (!truth.features) return null;
      return scoreSelection(truth.features, response.features ?? [], options.featureRule);
    case 'mrz':
      if (!truth.mrzFailedChecks) return null;
      return scoreSelection(truth.mrzFailedChecks, response.mrzFailedChecks ?? [], options.mrzRule);
  }
}

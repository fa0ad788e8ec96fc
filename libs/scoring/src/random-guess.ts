// The random-guess score of an item (Moodle's "random guess score"): what an officer earns by guessing.
import { scoreResponse, type ItemTruth, type PartWeights, type ScoreResponseOptions } from './response';
import type { FirstLineDecision } from './signal-detection';

const DECISIONS: readonly FirstLineDecision[] = ['accept', 'refer'];

/**
 * The expected item score (0–1) of an officer who picks the decision uniformly at random, picks the fraud type (when
 * `weights.fraudType` asks for it) uniformly at random among `fraudTypeOptions`, and marks nothing else (no point, no
 * feature, no MRZ check). Exact: every combination is scored with `scoreResponse` and averaged.
 */
export function randomGuessScore(
  truth: ItemTruth,
  fraudTypeOptions: readonly string[],
  weights: PartWeights,
  options: ScoreResponseOptions = {},
): number {
  const fraudTypes: readonly (string | null)[] =
    weights.fraudType !== undefined && fraudTypeOptions.length > 0 ? fraudTypeOptions : [null];
  let sum = 0;
  for (const decision of DECISIONS)
    for (const fraudType of fraudTypes) sum += scoreResponse(truth, { decision, fraudType }, weights, options).score;
  return sum / (DECISIONS.length * fraudTypes.length);
}

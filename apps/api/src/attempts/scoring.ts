// The bridge between stored exercise truth and @firstline/scoring: which parts count, how clicked points on
// several sides are scored, and an attempt's results breakdown. Pure functions, no I/O.
import {
  categoryOfFeature,
  DOCUMENT_SIDES,
  type AttemptResults,
  type DocumentSide,
  type ExerciseParts,
  type ExerciseTruth,
  type FeatureKind,
  type ItemAnswer,
  type ItemFeedback,
} from '@firstline/contracts';
import {
  DEFAULT_PART_WEIGHTS,
  randomGuessScore,
  scoreResponse,
  type ItemTruth,
  type PartWeights,
  type ScoreResponseOptions,
} from '@firstline/scoring';
import type { ExerciseVersionRecord } from '../exercises';
import { FRAUD_TYPE_OPTIONS } from './presentation.mapper';

/** A click within this distance (in side widths) of a region still finds it. */
export const LOCATE_TOLERANCE = 0.01;

/**
 * Points and regions live on separate sides. Laying the sides side by side on one virtual sheet
 * (side i of S occupies x ∈ [i/S, (i+1)/S]) is an affine map, so inside/outside is preserved and
 * scoreLocate's region semantics apply unchanged across sides.
 */
function toSheet(side: DocumentSide, x: number, y: number, sides: DocumentSide[]): [number, number] {
  const i = Math.max(0, sides.indexOf(side));
  return [(i + x) / sides.length, y];
}

export function sidesOf(images: Array<{ side: DocumentSide }>): DocumentSide[] {
  const present = new Set(images.map((i) => i.side));
  return DOCUMENT_SIDES.filter((s) => present.has(s));
}

export interface ScoredAnswer {
  score: number;
  outcome: string;
  parts: Array<{ part: 'decision' | 'locate' | 'fraudType' | 'features' | 'mrz'; score: number; weight: number }>;
}

/** The answer key and part weights the item is scored with (which parts count, regions laid on one sheet). */
function scoringKey(
  truth: ExerciseTruth,
  parts: ExerciseParts,
  sides: DocumentSide[],
): { itemTruth: ItemTruth; weights: PartWeights; options: ScoreResponseOptions } {
  const weights: PartWeights = { decision: DEFAULT_PART_WEIGHTS.decision };
  const itemTruth: ItemTruth = { verdict: truth.verdict };
  const regions = truth.regions.filter((r) => sides.includes(r.side));
  if (parts.locate) {
    weights.locate = DEFAULT_PART_WEIGHTS.locate;
    itemTruth.regions = regions.map((r) => ({ polygon: r.polygon.map(([x, y]) => toSheet(r.side, x, y, sides)) }));
  }
  if (parts.fraudType) {
    weights.fraudType = DEFAULT_PART_WEIGHTS.fraudType;
    itemTruth.fraudType = truth.verdict === 'fraudulent' ? truth.fraudType : null;
  }
  if (parts.features) {
    weights.features = DEFAULT_PART_WEIGHTS.features;
    itemTruth.features = revealingFeatures(truth);
  }
  if (parts.mrz) {
    weights.mrz = DEFAULT_PART_WEIGHTS.mrz;
    itemTruth.mrzFailedChecks = truth.mrzFailedChecks ?? [];
  }
  return { itemTruth, weights, options: { locate: { tolerance: LOCATE_TOLERANCE / sides.length } } };
}

/**
 * Moodle's random-guess score of an exercise (0–1): the expected score of an officer who picks the decision and (when
 * asked) the fraud type at random among the options the player offers, and marks nothing else.
 */
export function randomGuessOf(exercise: Pick<ExerciseVersionRecord, 'truth' | 'parts' | 'images'>): number {
  const { itemTruth, weights, options } = scoringKey(exercise.truth, exercise.parts, sidesOf(exercise.images));
  return randomGuessScore(itemTruth, FRAUD_TYPE_OPTIONS, weights, options);
}

export function scoreAnswer(
  truth: ExerciseTruth,
  parts: ExerciseParts,
  sides: DocumentSide[],
  answer: ItemAnswer,
): ScoredAnswer {
  const { itemTruth, weights, options } = scoringKey(truth, parts, sides);
  const result = scoreResponse(
    itemTruth,
    {
      decision: answer.decision ?? 'accept',
      points: answer.points.filter((p) => sides.includes(p.side)).map((p) => toSheet(p.side, p.x, p.y, sides)),
      fraudType: answer.fraudType,
      features: answer.features,
      mrzFailedChecks: answer.mrzFailedChecks,
    },
    weights,
    options,
  );
  const out: ScoredAnswer['parts'] = [];
  for (const [part, r] of Object.entries(result.parts)) {
    if (r && r.status !== 'not-applicable')
      out.push({ part: part as ScoredAnswer['parts'][number]['part'], score: r.score ?? 0, weight: r.weight });
  }
  return { score: result.score, outcome: result.outcome, parts: out };
}

export function revealingFeatures(truth: ExerciseTruth): FeatureKind[] {
  return [...new Set(truth.regions.flatMap((r) => r.features))];
}

export function feedbackOf(
  truth: ExerciseTruth,
  scored: { score: number; parts: ScoredAnswer['parts'] },
): ItemFeedback {
  return {
    verdict: truth.verdict,
    fraudType: truth.fraudType,
    regions: truth.regions,
    explanation: truth.explanation,
    mrzFailedChecks: truth.mrzFailedChecks ?? [],
    score: scored.score,
    parts: scored.parts,
    correctDecision: truth.verdict === 'genuine' ? 'accept' : 'refer',
  };
}

export interface ResultItem {
  truth: ExerciseTruth;
  answer: ItemAnswer | null;
  /** 0–1; 0 when unanswered. */
  score: number;
  late: boolean;
  responseTimeMs: number | null;
}

/**
 * Results of a finished attempt: score in percent, decision outcomes, and breakdowns by feature category and fraud
 * type.
 */
export function attemptResults(items: ResultItem[], passMark: number): AttemptResults {
  const n = items.length;
  const score = n ? round1((items.reduce((s, i) => s + i.score, 0) / n) * 100) : 0;
  const outcomes = { hits: 0, misses: 0, falseAlarms: 0, correctRejections: 0 };
  const byCategory = new Map<string, { correct: number; total: number; sum: number }>();
  const byType = new Map<string, { correct: number; total: number; sum: number }>();
  const bump = (
    m: Map<string, { correct: number; total: number; sum: number }>,
    key: string,
    correct: boolean,
    s: number,
  ) => {
    const e = m.get(key) ?? { correct: 0, total: 0, sum: 0 };
    e.total++;
    e.sum += s;
    if (correct) e.correct++;
    m.set(key, e);
  };
  const times: number[] = [];
  for (const item of items) {
    const fraudulent = item.truth.verdict === 'fraudulent';
    // An unanswered fraudulent item let the document through; an unanswered genuine one held the traveller up.
    const decision = item.answer?.decision ?? null;
    const referred = decision === 'refer';
    const correct = decision !== null && referred === fraudulent;
    if (fraudulent) {
      if (referred) outcomes.hits++;
      else outcomes.misses++;
    } else if (decision === 'accept') outcomes.correctRejections++;
    else outcomes.falseAlarms++;
    bump(byType, item.truth.fraudType, correct, item.score);
    const categories = new Set(revealingFeatures(item.truth).map((f) => categoryOfFeature(f)));
    for (const c of categories) bump(byCategory, c, correct, item.score);
    if (item.responseTimeMs !== null) times.push(item.responseTimeMs);
  }
  const list = (m: Map<string, { correct: number; total: number; sum: number }>) =>
    [...m.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, e]) => ({ key, correct: e.correct, total: e.total, score: round1((e.sum / e.total) * 100) }));
  return {
    score,
    passed: score >= passMark,
    passMark,
    answered: items.filter((i) => i.answer?.decision).length,
    late: items.filter((i) => i.late).length,
    outcomes,
    missedForgeries: outcomes.misses,
    needlessReferrals: outcomes.falseAlarms,
    byFeatureCategory: list(byCategory),
    byFraudType: list(byType),
    meanResponseMs: times.length ? Math.round(times.reduce((a, b) => a + b, 0) / times.length) : null,
  };
}

/**
 * To one decimal, half up, from the value's 15 significant digits (as PostgreSQL turns a double into a numeric): the
 * mean of 0.9 and 0.375 is 63.75, which the division leaves as 63.74999999999999.
 */
const round1 = (x: number) => Math.round(Number(x.toPrecision(15)) * 10) / 10;

/**
 * The server's draw: `count` items from the pool with at least ceil(minGenuineShare × count) genuine ones, in random
 * order. `random` returns [0, 1) (crypto-backed in the API, seeded in tests). `maxGenuine` caps the genuine items
 * drawn (exposure control keeps enough unseen genuine documents for the attempts still allowed); the rest are
 * drawn at random from the others as far as the cap allows.
 */
export function drawItems<T extends { id: string; genuine: boolean }>(
  pool: T[],
  count: number,
  minGenuineShare: number,
  random: () => number,
  maxGenuine = Infinity,
): T[] {
  if (count > pool.length) throw new RangeError(`cannot draw ${count} items from a pool of ${pool.length}`);
  const need = Math.ceil(minGenuineShare * count - 1e-9);
  const genuine = shuffle(
    pool.filter((p) => p.genuine),
    random,
  );
  if (genuine.length < need)
    throw new RangeError(`the pool has ${genuine.length} genuine items; the draw needs ${need}`);
  if (maxGenuine < need)
    throw new RangeError(`the draw needs ${need} genuine items; at most ${maxGenuine} may be drawn`);
  const chosen = genuine.slice(0, need);
  let genuineLeft = maxGenuine - need;
  const rest: T[] = [];
  for (const p of shuffle(
    pool.filter((p) => !chosen.includes(p)),
    random,
  )) {
    if (rest.length === count - need) break;
    if (p.genuine && genuineLeft <= 0) continue;
    if (p.genuine) genuineLeft--;
    rest.push(p);
  }
  if (rest.length < count - need)
    throw new RangeError(`cannot draw ${count} items with at most ${maxGenuine} genuine from this pool`);
  return shuffle([...chosen, ...rest], random);
}

function shuffle<T>(xs: T[], random: () => number): T[] {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

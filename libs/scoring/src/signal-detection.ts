// Signal-detection measures of first-line decisions. Signal = a fraudulent document; "yes" = refer.
import { inverseNormalCdf } from './normal';

export type Verdict = 'genuine' | 'fraudulent';
export type FirstLineDecision = 'accept' | 'refer';
export type DecisionOutcome = 'hit' | 'miss' | 'falseAlarm' | 'correctRejection';

export interface OutcomeCounts {
  /** Fraudulent documents referred. */
  hits: number;
  /** Fraudulent documents accepted. */
  misses: number;
  /** Genuine documents referred. */
  falseAlarms: number;
  /** Genuine documents accepted. */
  correctRejections: number;
}

/**
 * How rates of 0 or 1 are kept away from z = ±∞:
 * - `log-linear` (Hautus 1995): add 0.5 to every cell, always: H = (hits + .5)/(signal trials + 1).
 * - `1/2N` (Macmillan & Kaplan 1985): only an extreme rate is replaced — 0 by 1/(2N), 1 by 1 − 1/(2N).
 * - `none`: raw proportions; extreme rates give non-finite d′, c, β.
 */
export type RateCorrection = 'log-linear' | '1/2N' | 'none';

export interface SignalDetectionOptions {
  correction: RateCorrection;
}

export interface SignalDetectionResult {
  /** Hit rate the measures were computed from (after the correction). NaN with no fraudulent documents. */
  hitRate: number;
  /** False-alarm rate the measures were computed from (after the correction). NaN with no genuine documents. */
  falseAlarmRate: number;
  /** Raw proportions, hits / (hits + misses) and falseAlarms / (falseAlarms + correctRejections). */
  observedHitRate: number;
  observedFalseAlarmRate: number;
  /** d′ = z(H) − z(F). */
  dPrime: number;
  /** c = −(z(H) + z(F)) / 2. Positive = conservative (accepts too readily), negative = refers too readily. */
  criterion: number;
  /** β = φ(z(H)) / φ(z(F)) = exp(d′·c). */
  beta: number;
  /** ln β = (z(F)² − z(H)²) / 2. */
  logBeta: number;
  /**
   * Non-parametric A′ (Pollack & Norman 1964; Grier 1971), in the form of Stanislaw & Todorov (1999) eq. 3 that also
   * covers F > H.
   */
  aPrime: number;
}

/** Where a single first-line decision falls in the signal-detection table. */
export function classifyDecision(verdict: Verdict, decision: FirstLineDecision): DecisionOutcome {
  if (decision !== 'accept' && decision !== 'refer') throw new RangeError(`unknown decision ${String(decision)}`);
  if (verdict === 'fraudulent') return decision === 'refer' ? 'hit' : 'miss';
  if (verdict === 'genuine') return decision === 'refer' ? 'falseAlarm' : 'correctRejection';
  throw new RangeError(`unknown verdict ${String(verdict)}`);
}

/** Tally outcomes (or verdict/decision pairs) into the counts `signalDetection` takes. */
export function countOutcomes(
  list: Iterable<DecisionOutcome | { verdict: Verdict; decision: FirstLineDecision }>,
): OutcomeCounts {
  const counts: OutcomeCounts = { hits: 0, misses: 0, falseAlarms: 0, correctRejections: 0 };
  for (const entry of list) {
    const outcome = typeof entry === 'string' ? entry : classifyDecision(entry.verdict, entry.decision);
    switch (outcome) {
      case 'hit':
        counts.hits++;
        break;
      case 'miss':
        counts.misses++;
        break;
      case 'falseAlarm':
        counts.falseAlarms++;
        break;
      case 'correctRejection':
        counts.correctRejections++;
        break;
      default:
        throw new RangeError(`unknown outcome ${String(outcome)}`);
    }
  }
  return counts;
}

function correctedRate(yes: number, no: number, correction: RateCorrection): number {
  const n = yes + no;
  if (n === 0) return NaN; // no trials of this kind: nothing to estimate, whatever the correction
  switch (correction) {
    case 'log-linear':
      return (yes + 0.5) / (n + 1);
    case '1/2N': {
      const rate = yes / n;
      if (rate === 0) return 1 / (2 * n);
      if (rate === 1) return 1 - 1 / (2 * n);
      return rate;
    }
    case 'none':
      return yes / n;
    default:
      throw new RangeError(`unknown correction ${String(correction)}`);
  }
}

/**
 * A′ per Stanislaw & Todorov (1999), eq. 3:
 * A′ = ½ + sign(H − F)·((H − F)² + |H − F|) / (4·max(H, F) − 4·H·F), and ½ when H = F.
 * For H ≥ F this is Grier's ½ + (H − F)(1 + H − F) / (4H(1 − F)); for F > H the mirrored form.
 */
export function aPrime(hitRate: number, falseAlarmRate: number): number {
  const h = hitRate;
  const f = falseAlarmRate;
  if (Number.isNaN(h) || Number.isNaN(f)) return NaN;
  if (h === f) return 0.5;
  const diff = h - f;
  return 0.5 + (Math.sign(diff) * (diff * diff + Math.abs(diff))) / (4 * Math.max(h, f) - 4 * h * f);
}

function assertCount(name: string, value: number): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new RangeError(`${name} must be a finite number ≥ 0, got ${String(value)}`);
  }
}

/**
 * d′, c, β and A′ for one trainee (or cohort) from the four decision counts.
 * Sources: Macmillan & Creelman, Detection Theory: A User's Guide (2005); Stanislaw & Todorov (1999),
 * Behavior Research Methods, Instruments & Computers 31:137–149; Hautus (1995) BRMIC 27:46–51;
 * Macmillan & Kaplan (1985) Psychological Bulletin 98:185–199.
 */
export function signalDetection(
  counts: OutcomeCounts,
  options: SignalDetectionOptions = { correction: 'log-linear' },
): SignalDetectionResult {
  const { hits, misses, falseAlarms, correctRejections } = counts;
  assertCount('hits', hits);
  assertCount('misses', misses);
  assertCount('falseAlarms', falseAlarms);
  assertCount('correctRejections', correctRejections);
  const correction = options.correction;

  const hitRate = correctedRate(hits, misses, correction);
  const falseAlarmRate = correctedRate(falseAlarms, correctRejections, correction);
  const zH = inverseNormalCdf(hitRate);
  const zF = inverseNormalCdf(falseAlarmRate);
  const logBeta = (zF * zF - zH * zH) / 2;

  return {
    hitRate,
    falseAlarmRate,
    observedHitRate: hits + misses === 0 ? NaN : hits / (hits + misses),
    observedFalseAlarmRate:
      falseAlarms + correctRejections === 0 ? NaN : falseAlarms / (falseAlarms + correctRejections),
    dPrime: zH - zF,
    criterion: -(zH + zF) / 2,
    beta: Math.exp(logBeta),
    logBeta,
    aPrime: aPrime(hitRate, falseAlarmRate),
  };
}

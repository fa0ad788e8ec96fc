// Aggregated counts (summed in PostgreSQL) → the figures a report shows: plain proportions, and d′ and c from
// libs/scoring's signalDetection with the log-linear correction (Hautus 1995). Pure, no I/O.
import {
  HEATMAP_DIMENSIONS,
  REPORT_PLACES,
  roundTo,
  type DecisionFigures,
  type HeatmapCell,
  type HeatmapDimension,
  type ModuleStanding,
  type TrendPoint,
  type WeakSpot,
} from '@firstline/contracts';
import { signalDetection } from '@firstline/scoring';

/** What the grouped SQL sums up for a set of decisions. */
export interface DecisionCounts {
  decisions: number;
  hits: number;
  misses: number;
  falseAlarms: number;
  correctRejections: number;
  meanDecisionMs: number | null;
  medianDecisionMs: number | null;
  /** Sum and number of locate-part scores of decided items that asked to locate; the same for the fraud type. */
  locateSum: number;
  locateCount: number;
  fraudTypeSum: number;
  fraudTypeCount: number;
}

export const NO_DECISIONS: DecisionCounts = {
  decisions: 0,
  hits: 0,
  misses: 0,
  falseAlarms: 0,
  correctRejections: 0,
  meanDecisionMs: null,
  medianDecisionMs: null,
  locateSum: 0,
  locateCount: 0,
  fraudTypeSum: 0,
  fraudTypeCount: 0,
};

const ratio = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

/** d′ and c (log-linear corrected); null unless both fraudulent and genuine documents were decided. */
export function sensitivity(c: Pick<DecisionCounts, 'hits' | 'misses' | 'falseAlarms' | 'correctRejections'>): {
  dPrime: number | null;
  criterion: number | null;
} {
  if (c.hits + c.misses === 0 || c.falseAlarms + c.correctRejections === 0) return { dPrime: null, criterion: null };
  const sdt = signalDetection(c, { correction: 'log-linear' });
  return { dPrime: sdt.dPrime, criterion: sdt.criterion };
}

/** How figures are given: `exact` (as computed) or rounded to REPORT_PLACES. */
type Round = (value: number | null, places: number) => number | null;
const exact: Round = (value) => value;

function figures(c: DecisionCounts, round: Round): DecisionFigures {
  const fraudulent = c.hits + c.misses;
  const genuine = c.falseAlarms + c.correctRejections;
  const proportion = (part: number, whole: number) => round(ratio(part, whole), REPORT_PLACES.proportion);
  const { dPrime, criterion } = sensitivity(c);
  return {
    decisions: c.decisions,
    hits: c.hits,
    misses: c.misses,
    falseAlarms: c.falseAlarms,
    correctRejections: c.correctRejections,
    hitRate: proportion(c.hits, fraudulent),
    falseAlarmRate: proportion(c.falseAlarms, genuine),
    missedForgeryRate: proportion(c.misses, fraudulent),
    needlessReferralRate: proportion(c.falseAlarms, genuine),
    dPrime: round(dPrime, REPORT_PLACES.sensitivity),
    criterion: round(criterion, REPORT_PLACES.sensitivity),
    accuracy: proportion(c.hits + c.correctRejections, c.decisions),
    meanDecisionMs: round(c.meanDecisionMs, REPORT_PLACES.milliseconds),
    medianDecisionMs: round(c.medianDecisionMs, REPORT_PLACES.milliseconds),
    locateAccuracy: proportion(c.locateSum, c.locateCount),
    fraudTypeAccuracy: proportion(c.fraudTypeSum, c.fraudTypeCount),
  };
}

/** The figures at full precision, as libs/scoring computes them (checked against published worked examples). */
export const exactFigures = (c: DecisionCounts): DecisionFigures => figures(c, exact);

/** The figures as every report gives them: rounded to REPORT_PLACES. */
export const decisionFigures = (c: DecisionCounts): DecisionFigures => figures(c, roundTo);

/** A score (percent) as reports give it. */
export const reportedScore = (score: number | null | undefined): number | null =>
  roundTo(score ?? null, REPORT_PLACES.score);

export function heatmapCell(key: string, items: number, correct: number): HeatmapCell {
  return { key, items, correct, proportion: roundTo(ratio(correct, items), REPORT_PLACES.proportion) };
}

/** A week of decisions as the SQL groups it. */
export interface WeekCounts {
  weekStart: string;
  decisions: number;
  hits: number;
  misses: number;
  falseAlarms: number;
  correctRejections: number;
  meanDecisionMs: number | null;
}

export function trendPoint(w: WeekCounts): TrendPoint {
  return {
    weekStart: w.weekStart,
    decisions: w.decisions,
    accuracy: roundTo(ratio(w.hits + w.correctRejections, w.decisions), REPORT_PLACES.proportion),
    dPrime: roundTo(sensitivity(w).dPrime, REPORT_PLACES.sensitivity),
    meanDecisionMs: roundTo(w.meanDecisionMs, REPORT_PLACES.milliseconds),
  };
}

/** Cells with fewer decided items behind them are too thin to call a weak spot. */
export const WEAK_SPOT_MIN_ITEMS = 5;
const WEAK_SPOTS_SHOWN = 5;

/** The weakest cells (lowest proportion correct, below 1) with enough items behind them, weakest first. */
export function weakSpots(breakdown: Array<{ by: HeatmapDimension; cells: HeatmapCell[] }>): WeakSpot[] {
  const order = (by: HeatmapDimension) => HEATMAP_DIMENSIONS.indexOf(by);
  return breakdown
    .flatMap(({ by, cells }) => cells.map((cell) => ({ by, cell })))
    .filter(({ cell }) => cell.items >= WEAK_SPOT_MIN_ITEMS && cell.proportion !== null && cell.proportion < 1)
    .sort(
      (a, b) =>
        a.cell.proportion! - b.cell.proportion! ||
        b.cell.items - a.cell.items ||
        order(a.by) - order(b.by) ||
        a.cell.key.localeCompare(b.cell.key),
    )
    .slice(0, WEAK_SPOTS_SHOWN);
}

/** An officer's attempts at one assignment, as the SQL tallies them. */
export interface AttemptTally {
  attempts: number;
  finished: number;
  passed: boolean;
  inProgress: boolean;
  bestScore: number | null;
}

/**
 * Where an officer stands in an assigned module: passed (any finished attempt passed), in progress, failed (finished
 * attempts, none passed), overdue (closed with no finished attempt), or not started.
 */
export function moduleStanding(tally: AttemptTally | undefined, closesAt: Date | null, now: number): ModuleStanding {
  if (tally?.passed) return 'passed';
  if (tally?.inProgress) return 'in-progress';
  if (tally && tally.finished > 0) return 'failed';
  if (closesAt && closesAt.getTime() <= now) return 'overdue';
  return 'not-started';
}

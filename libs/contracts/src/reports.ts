// Competence reports: what supervisors (their units), instructors (the cohorts they run) and admins see of officers'
// first-line decisions. Words from DESIGN.md "Measuring competence": a hit is a fraudulent document referred, a miss
// a fraudulent document accepted, a false alarm a genuine document referred, a correct rejection a genuine document
// accepted. Late or unanswered items are not decisions. Rates are proportions 0–1; scores are percent.
import { z } from 'zod';
import { ModuleMode } from './exercises';
import { Language } from './taxonomy';

/** Officers with fewer decisions than this are shown but not judged (REPORT_MIN_DECISIONS overrides it). */
export const DEFAULT_MIN_DECISIONS = 20;

/**
 * Decimal places of the figures a report gives (screens, CSV and PDF alike): proportions — rates, accuracies, heatmap
 * cells — to 0.0001 (a hundredth of a percentage point), d′ and c to 0.001, decision times to the millisecond, scores
 * (percent) to 0.01. The digits beyond are noise at any cohort's size, and were a quarter of a cohort report's bytes.
 */
export const REPORT_PLACES = { proportion: 4, sensitivity: 3, milliseconds: 0, score: 2 } as const;

/** `value` rounded to `places` decimals (halves up); null stays null. */
export function roundTo(value: number, places: number): number;
export function roundTo(value: number | null, places: number): number | null;
export function roundTo(value: number | null, places: number): number | null {
  if (value === null) return null;
  const scale = 10 ** places;
  return Math.round(value * scale) / scale + 0; // + 0: no -0 (a criterion of -0.0001 rounds to 0)
}

export const HEATMAP_DIMENSIONS = ['featureCategory', 'fraudType', 'light', 'issuingState', 'documentType'] as const;
export const HeatmapDimension = z.enum(HEATMAP_DIMENSIONS);
export type HeatmapDimension = z.infer<typeof HeatmapDimension>;

const isoDate = z
  .string()
  .max(40)
  .regex(/^\d{4}-\d{2}-\d{2}(T[0-9:.]+(Z|[+-]\d{2}:?\d{2})?)?$/, 'must be an ISO date, e.g. 2026-11-30');

/** Every report can be narrowed to a date range (inclusive days) and one module. */
export const ReportQuery = z.strictObject({
  from: isoDate.optional(),
  to: isoDate.optional(),
  moduleId: z.uuid({ message: 'moduleId must be a UUID' }).optional(),
});
export type ReportQuery = z.infer<typeof ReportQuery>;

/** Unit and officer reports can also be narrowed to one cohort. */
export const ScopedReportQuery = ReportQuery.extend({
  cohortId: z.uuid({ message: 'cohortId must be a UUID' }).optional(),
});
export type ScopedReportQuery = z.infer<typeof ScopedReportQuery>;

export const HeatmapQuery = ReportQuery.extend({ by: HeatmapDimension.default('featureCategory') });
export type HeatmapQuery = z.infer<typeof HeatmapQuery>;

export const HeatmapItemsQuery = ReportQuery.extend({
  by: HeatmapDimension,
  key: z.string().min(1).max(100),
  userId: z.uuid({ message: 'userId must be a UUID' }).optional(),
});
export type HeatmapItemsQuery = z.infer<typeof HeatmapItemsQuery>;

export const TrendsQuery = ReportQuery.extend({ userId: z.uuid({ message: 'userId must be a UUID' }).optional() });
export type TrendsQuery = z.infer<typeof TrendsQuery>;

/** The filters a report was computed with, echoed back (dates as ISO instants). */
export const AppliedFilters = z.object({
  from: z.string().nullable(),
  to: z.string().nullable(),
  moduleId: z.string().nullable(),
  cohortId: z.string().nullable(),
});
export type AppliedFilters = z.infer<typeof AppliedFilters>;

/** Signal-detection figures of a set of decisions. */
export const DecisionFigures = z.object({
  decisions: z.number().int(),
  hits: z.number().int(),
  misses: z.number().int(),
  falseAlarms: z.number().int(),
  correctRejections: z.number().int(),
  /** hits / (hits + misses); null with no fraudulent documents decided. */
  hitRate: z.number().nullable(),
  /** falseAlarms / (falseAlarms + correctRejections); null with no genuine documents decided. */
  falseAlarmRate: z.number().nullable(),
  /** misses / fraudulent documents decided (= 1 − hitRate). */
  missedForgeryRate: z.number().nullable(),
  /** falseAlarms / genuine documents decided (= falseAlarmRate). */
  needlessReferralRate: z.number().nullable(),
  /** Log-linear corrected (Hautus 1995); null unless both kinds of document were decided. */
  dPrime: z.number().nullable(),
  /** Log-linear corrected; negative = refers too readily, positive = accepts too readily. */
  criterion: z.number().nullable(),
  /** (hits + correctRejections) / decisions. */
  accuracy: z.number().nullable(),
  meanDecisionMs: z.number().nullable(),
  medianDecisionMs: z.number().nullable(),
  /** Mean locate-part score (0–1) over decided items that asked to locate. */
  locateAccuracy: z.number().nullable(),
  /** Mean fraud-type-part score (0–1) over decided items that asked for the fraud type. */
  fraudTypeAccuracy: z.number().nullable(),
});
export type DecisionFigures = z.infer<typeof DecisionFigures>;

export const ModuleStanding = z.enum(['passed', 'failed', 'in-progress', 'not-started', 'overdue']);
export type ModuleStanding = z.infer<typeof ModuleStanding>;

/** An officer's standing in one module assigned to their cohort. */
export const ModuleProgress = z.object({
  assignmentId: z.uuid(),
  moduleId: z.uuid(),
  title: z.string(),
  mode: ModuleMode,
  closesAt: z.string().nullable(),
  standing: ModuleStanding,
  attempts: z.number().int(),
  bestScore: z.number().nullable(),
});
export type ModuleProgress = z.infer<typeof ModuleProgress>;

export const OfficerCompetence = DecisionFigures.extend({
  userId: z.uuid(),
  username: z.string(),
  name: z.string(),
  attempts: z.number().int(),
  bestScore: z.number().nullable(),
  latestScore: z.number().nullable(),
  lastActivityAt: z.string().nullable(),
  /** Fewer decisions than `minDecisions`: shown, but not to be judged or ranked. */
  tooFewDecisions: z.boolean(),
  modules: z.array(ModuleProgress),
  notStarted: z.number().int(),
  overdue: z.number().int(),
});
export type OfficerCompetence = z.infer<typeof OfficerCompetence>;

export const CohortRef = z.object({ id: z.uuid(), name: z.string(), unitId: z.uuid(), unitName: z.string() });
export type CohortRef = z.infer<typeof CohortRef>;

export const CohortOfficersReport = z.object({
  cohort: CohortRef,
  filters: AppliedFilters,
  minDecisions: z.number().int(),
  /** The cohort's decisions pooled. */
  cohortFigures: DecisionFigures,
  officers: z.array(OfficerCompetence),
});
export type CohortOfficersReport = z.infer<typeof CohortOfficersReport>;

export const HeatmapCell = z.object({
  key: z.string(),
  /** Decided items behind the cell. */
  items: z.number().int(),
  correct: z.number().int(),
  /** correct / items; null for an empty cell. */
  proportion: z.number().nullable(),
});
export type HeatmapCell = z.infer<typeof HeatmapCell>;

export const HeatmapReport = z.object({
  cohort: CohortRef,
  filters: AppliedFilters,
  by: HeatmapDimension,
  /** Column keys (taxonomy keys, state codes …) in display order. */
  columns: z.array(z.string()),
  rows: z.array(z.object({ userId: z.uuid(), username: z.string(), name: z.string(), cells: z.array(HeatmapCell) })),
  /** The cohort's column totals. */
  totals: z.array(HeatmapCell),
});
export type HeatmapReport = z.infer<typeof HeatmapReport>;

/** One decided item behind a heatmap cell; `attemptId` opens the attempt's review. */
export const HeatmapItem = z.object({
  attemptId: z.uuid(),
  n: z.number().int(),
  userId: z.uuid(),
  name: z.string(),
  exerciseId: z.uuid(),
  title: z.string(),
  answeredAt: z.string(),
  verdict: z.enum(['genuine', 'fraudulent']),
  decision: z.enum(['accept', 'refer']),
  correct: z.boolean(),
  responseTimeMs: z.number().int().nullable(),
});
export const HeatmapItems = z.object({ items: z.array(HeatmapItem) });
export type HeatmapItems = z.infer<typeof HeatmapItems>;

export const TrendPoint = z.object({
  /** Monday of the ISO week, YYYY-MM-DD (UTC). */
  weekStart: z.string(),
  decisions: z.number().int(),
  accuracy: z.number().nullable(),
  dPrime: z.number().nullable(),
  meanDecisionMs: z.number().nullable(),
});
export type TrendPoint = z.infer<typeof TrendPoint>;

export const TrendsReport = z.object({
  cohort: CohortRef,
  filters: AppliedFilters,
  cohortWeeks: z.array(TrendPoint),
  officer: z.object({ userId: z.uuid(), name: z.string(), weeks: z.array(TrendPoint) }).nullable(),
});
export type TrendsReport = z.infer<typeof TrendsReport>;

/** One officer of a readiness list; the list's cohortId says whose cohort (a unit's list can hold 10,000). */
export const ReadinessEntry = z.object({
  userId: z.uuid(),
  username: z.string(),
  name: z.string(),
  standing: ModuleStanding,
  bestScore: z.number().nullable(),
});

export const UnitReport = z.object({
  unit: z.object({ id: z.uuid(), name: z.string() }),
  filters: AppliedFilters,
  /**
   * Each cohort's pooled figures, summed from the daily roll-up. `medianDecisionMs` is always null here: a median
   * cannot be summed from daily totals (the cohort dashboard's `cohortFigures` has it); `meanDecisionMs` is exact.
   */
  cohorts: z.array(
    DecisionFigures.extend({
      id: z.uuid(),
      name: z.string(),
      officers: z.number().int(),
      passedLatestAssessment: z.number().int(),
      notStarted: z.number().int(),
      overdue: z.number().int(),
    }),
  ),
  /** The unit's officers against each cohort's latest assessment (null when none is assigned). */
  readiness: z.array(
    z.object({
      cohortId: z.uuid(),
      assessment: z.object({ assignmentId: z.uuid(), moduleId: z.uuid(), title: z.string() }).nullable(),
      officers: z.array(ReadinessEntry),
    }),
  ),
});
export type UnitReport = z.infer<typeof UnitReport>;

export const OfficerAttempt = z.object({
  attemptId: z.uuid(),
  moduleId: z.uuid(),
  moduleTitle: z.string(),
  mode: ModuleMode,
  status: z.enum(['in-progress', 'finished']),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  score: z.number().nullable(),
  passed: z.boolean().nullable(),
});
export type OfficerAttempt = z.infer<typeof OfficerAttempt>;

export const WeakSpot = z.object({ by: HeatmapDimension, cell: HeatmapCell });
export type WeakSpot = z.infer<typeof WeakSpot>;

export const OfficerReport = z.object({
  officer: z.object({ userId: z.uuid(), username: z.string(), name: z.string() }),
  filters: AppliedFilters,
  minDecisions: z.number().int(),
  competence: OfficerCompetence,
  /** Proportion correct per value of each heatmap dimension. */
  breakdown: z.array(z.object({ by: HeatmapDimension, cells: z.array(HeatmapCell) })),
  /** The weakest cells with enough items behind them, weakest first. */
  weakSpots: z.array(WeakSpot),
  weeks: z.array(TrendPoint),
  attempts: z.array(OfficerAttempt),
});
export type OfficerReport = z.infer<typeof OfficerReport>;

/** What a trainee sees of their own decisions on My progress. */
export const MyCompetence = z.object({
  figures: DecisionFigures,
  minDecisions: z.number().int(),
  weakSpots: z.array(WeakSpot),
});
export type MyCompetence = z.infer<typeof MyCompetence>;

/** The PDF cohort report: the cohort dashboard's filters and the language it is written in. */
export const CohortReportPdfQuery = ReportQuery.extend({ lang: Language.default('en') });
export type CohortReportPdfQuery = z.infer<typeof CohortReportPdfQuery>;

/** The PDF officer transcript: the officer report's filters and the language it is written in. */
export const TranscriptPdfQuery = ScopedReportQuery.extend({ lang: Language.default('en') });
export type TranscriptPdfQuery = z.infer<typeof TranscriptPdfQuery>;

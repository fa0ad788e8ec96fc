// The SQL pieces every report query shares: which facts (or roll-up days) a report covers (its WHERE clause, with
// numbered parameters) and the grouped decision counts. Used only by the reports' repositories.
import type { HeatmapDimension } from '@firstline/contracts';
import { utcDay } from './officer-days';
import type { DateRange } from './report-filters';

const DAY_MS = 86_400_000;

/** Which facts a report covers. */
export interface FactFilter {
  /** Only facts recorded in these cohorts; null: every cohort (an admin's view). */
  cohortIds: string[] | null;
  /** Only these officers' facts; null or absent: every officer's. */
  userIds?: string[] | null;
  range: DateRange;
  moduleId: string | null;
}

/** A WHERE clause built up with numbered parameters. */
export class Where {
  private readonly clauses: string[] = [];

  /** `params`: another Where's, for a second WHERE clause in the same statement. */
  constructor(readonly params: unknown[] = []) {}

  /** Adds `clause`, called with the placeholder (`$3`) of `value`. */
  add(clause: (placeholder: string) => string, value: unknown): this {
    this.params.push(value);
    this.clauses.push(clause(`$${this.params.length}`));
    return this;
  }

  also(clause: string): this {
    this.clauses.push(clause);
    return this;
  }

  /** The placeholder of one more parameter, for use outside the WHERE clause (a LIMIT, a key). */
  param(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  toString(): string {
    return this.clauses.length ? `WHERE ${this.clauses.join(' AND ')}` : '';
  }
}

/**
 * `column` is one of `ids`: `= $n` for one id, so an index gives its rows in order (PostgreSQL 15 sorts again after
 * `= ANY(…)`, even of one element), else `= ANY($n)`.
 */
function anyOf(column: string, ids: string[]): [(placeholder: string) => string, unknown] {
  return ids.length === 1 ? [(p) => `${column} = ${p}::uuid`, ids[0]] : [(p) => `${column} = ANY(${p}::uuid[])`, ids];
}

/** The WHERE clause of a filter on a fact table whose date is `dateColumn`. */
export function factWhere(filter: FactFilter, dateColumn: 'answered_at' | 'started_at'): Where {
  const where = new Where();
  if (filter.cohortIds) where.add(...anyOf('cohort_id', filter.cohortIds));
  if (filter.userIds) where.add(...anyOf('user_id', filter.userIds));
  if (filter.range.from) where.add((p) => `${dateColumn} >= ${p}`, filter.range.from);
  if (filter.range.to) where.add((p) => `${dateColumn} <= ${p}`, filter.range.to);
  if (filter.moduleId) where.add((p) => `module_id = ${p}`, filter.moduleId);
  return where;
}

/** The UTC days of a range whose ends fall on day boundaries (a plain-date filter), or null when one does not. */
export function wholeDays(range: DateRange): { from: string | null; to: string | null } | null {
  const startsDay = (t: Date) => t.getTime() % DAY_MS === 0;
  const endsDay = (t: Date) => (t.getTime() + 1) % DAY_MS === 0;
  if ((range.from && !startsDay(range.from)) || (range.to && !endsDay(range.to))) return null;
  return { from: range.from && utcDay(range.from), to: range.to && utcDay(range.to) };
}

/** The WHERE clause of a filter on the daily roll-up (report_officer_days), over whole days. */
export function rollupWhere(
  filter: FactFilter,
  days: { from: string | null; to: string | null },
  where: Where = new Where(),
): Where {
  if (filter.cohortIds) where.add(...anyOf('cohort_id', filter.cohortIds));
  if (filter.userIds) where.add(...anyOf('user_id', filter.userIds));
  if (days.from) where.add((p) => `day >= ${p}::date`, days.from);
  if (days.to) where.add((p) => `day <= ${p}::date`, days.to);
  if (filter.moduleId) where.add((p) => `module_id = ${p}`, filter.moduleId);
  return where;
}

/** A decided item: answered in time. Unanswered and late items are not decisions (their outcome is null). */
export const DECIDED = 'outcome IS NOT NULL';
export const CORRECT = `outcome IN ('hit', 'correctRejection')`;

/**
 * The timestamptz `expr` as the text JavaScript's toISOString gives (2026-12-05T17:20:56.123Z), for instants a report
 * only shows: the driver then parses no Date that the mapper would format again (a thousand per cohort report), and
 * such texts order as the instants do.
 */
export const isoInstant = (expr: string) => `to_char((${expr}) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** The decision counts of a group of item facts (columns of DecisionCounts), with or without the median time. */
export const decisionCounts = (median: boolean) => `
  count(*) FILTER (WHERE ${DECIDED})::int AS decisions,
  count(*) FILTER (WHERE outcome = 'hit')::int AS hits,
  count(*) FILTER (WHERE outcome = 'miss')::int AS misses,
  count(*) FILTER (WHERE outcome = 'falseAlarm')::int AS "falseAlarms",
  count(*) FILTER (WHERE outcome = 'correctRejection')::int AS "correctRejections",
  (avg(response_time_ms) FILTER (WHERE ${DECIDED}))::float8 AS "meanDecisionMs",
  ${median ? `(percentile_cont(0.5) WITHIN GROUP (ORDER BY response_time_ms) FILTER (WHERE ${DECIDED}))::float8` : 'NULL::float8'} AS "medianDecisionMs",
  coalesce(sum(locate_score) FILTER (WHERE ${DECIDED}), 0)::float8 AS "locateSum",
  count(locate_score) FILTER (WHERE ${DECIDED})::int AS "locateCount",
  coalesce(sum(fraud_type_score) FILTER (WHERE ${DECIDED}), 0)::float8 AS "fraudTypeSum",
  count(fraud_type_score) FILTER (WHERE ${DECIDED})::int AS "fraudTypeCount"`;
export const DECISION_COUNTS = decisionCounts(true);

/** The same counts summed from roll-up days; a median cannot be summed (null). */
export const ROLLUP_COUNTS = `
  coalesce(sum(decisions), 0)::int AS decisions,
  coalesce(sum(hits), 0)::int AS hits,
  coalesce(sum(misses), 0)::int AS misses,
  coalesce(sum(false_alarms), 0)::int AS "falseAlarms",
  coalesce(sum(correct_rejections), 0)::int AS "correctRejections",
  (sum(decision_ms_sum)::float8 / nullif(sum(decision_ms_n), 0)) AS "meanDecisionMs",
  NULL::float8 AS "medianDecisionMs",
  coalesce(sum(locate_sum), 0)::float8 AS "locateSum",
  coalesce(sum(locate_n), 0)::int AS "locateCount",
  coalesce(sum(fraud_type_sum), 0)::float8 AS "fraudTypeSum",
  coalesce(sum(fraud_type_n), 0)::int AS "fraudTypeCount"`;

/** Each heatmap dimension's values of an item fact, as an array (a feature category or light per element). */
export const DIMENSION_VALUES: Record<HeatmapDimension, string> = {
  featureCategory: 'f.feature_categories',
  light: 'f.lights',
  fraudType: 'ARRAY[f.fraud_type]',
  issuingState: 'ARRAY[f.issuing_state]',
  documentType: 'ARRAY[f.document_type]',
};

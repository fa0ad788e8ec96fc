// The SQL pieces every report query shares: which facts a report covers (its WHERE clause, with numbered
// parameters) and the grouped decision counts. Used only by the reports' repositories.
import type { HeatmapDimension } from '@firstline/contracts';
import type { DateRange } from './report-filters';

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
  readonly params: unknown[] = [];
  private readonly clauses: string[] = [];

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

/** The WHERE clause of a filter on a fact table whose date is `dateColumn`. */
export function factWhere(filter: FactFilter, dateColumn: 'answered_at' | 'started_at'): Where {
  const where = new Where();
  if (filter.cohortIds) where.add((p) => `cohort_id = ANY(${p}::uuid[])`, filter.cohortIds);
  if (filter.userIds) where.add((p) => `user_id = ANY(${p}::uuid[])`, filter.userIds);
  if (filter.range.from) where.add((p) => `${dateColumn} >= ${p}`, filter.range.from);
  if (filter.range.to) where.add((p) => `${dateColumn} <= ${p}`, filter.range.to);
  if (filter.moduleId) where.add((p) => `module_id = ${p}`, filter.moduleId);
  return where;
}

/** A decided item: answered in time. Unanswered and late items are not decisions (their outcome is null). */
export const DECIDED = 'outcome IS NOT NULL';
export const CORRECT = `outcome IN ('hit', 'correctRejection')`;

/** The decision counts of a group of item facts (columns of DecisionCounts). */
export const DECISION_COUNTS = `
  count(*) FILTER (WHERE ${DECIDED})::int AS decisions,
  count(*) FILTER (WHERE outcome = 'hit')::int AS hits,
  count(*) FILTER (WHERE outcome = 'miss')::int AS misses,
  count(*) FILTER (WHERE outcome = 'falseAlarm')::int AS "falseAlarms",
  count(*) FILTER (WHERE outcome = 'correctRejection')::int AS "correctRejections",
  (avg(response_time_ms) FILTER (WHERE ${DECIDED}))::float8 AS "meanDecisionMs",
  (percentile_cont(0.5) WITHIN GROUP (ORDER BY response_time_ms) FILTER (WHERE ${DECIDED}))::float8 AS "medianDecisionMs",
  coalesce(sum(locate_score) FILTER (WHERE ${DECIDED}), 0)::float8 AS "locateSum",
  count(locate_score) FILTER (WHERE ${DECIDED})::int AS "locateCount",
  coalesce(sum(fraud_type_score) FILTER (WHERE ${DECIDED}), 0)::float8 AS "fraudTypeSum",
  count(fraud_type_score) FILTER (WHERE ${DECIDED})::int AS "fraudTypeCount"`;

/** Each heatmap dimension's values of an item fact, as an array (a feature category or light per element). */
export const DIMENSION_VALUES: Record<HeatmapDimension, string> = {
  featureCategory: 'f.feature_categories',
  light: 'f.lights',
  fraudType: 'ARRAY[f.fraud_type]',
  issuingState: 'ARRAY[f.issuing_state]',
  documentType: 'ARRAY[f.document_type]',
};

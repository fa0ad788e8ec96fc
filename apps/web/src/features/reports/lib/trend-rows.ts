// Weekly points of the cohort and of one officer, merged into one row per week (the charts' and tables' data).
import type { TrendPoint } from '@firstline/contracts';

export interface TrendValues {
  decisions: number;
  accuracy: number | null;
  dPrime: number | null;
  /** Mean decision time in seconds. */
  seconds: number | null;
}

export interface TrendRow {
  /** Monday of the ISO week, YYYY-MM-DD. */
  weekStart: string;
  cohort: TrendValues | null;
  officer: TrendValues | null;
}

const values = (p: TrendPoint): TrendValues => ({
  decisions: p.decisions,
  accuracy: p.accuracy,
  dPrime: p.dPrime,
  seconds: p.meanDecisionMs === null ? null : p.meanDecisionMs / 1000,
});

export function trendRows(cohortWeeks: readonly TrendPoint[], officerWeeks: readonly TrendPoint[] = []): TrendRow[] {
  const rows = new Map<string, TrendRow>();
  const row = (week: string) => {
    let r = rows.get(week);
    if (!r) rows.set(week, (r = { weekStart: week, cohort: null, officer: null }));
    return r;
  };
  for (const p of cohortWeeks) row(p.weekStart).cohort = values(p);
  for (const p of officerWeeks) row(p.weekStart).officer = values(p);
  return [...rows.values()].sort((a, b) => a.weekStart.localeCompare(b.weekStart));
}

// The daily roll-up's share of one item fact, and what to add to the roll-up when a fact is written (or written again
// by a repeated event). Pure, no I/O: ReportFactsRepository applies the result with upserts.
import type { DecisionOutcome } from './report-facts.entity';

/** The fields of an item fact that the roll-up sums. */
export interface FactShareSource {
  userId: string;
  cohortId: string;
  moduleId: string;
  answeredAt: Date;
  decision: string | null;
  outcome: DecisionOutcome | null;
  responseTimeMs: number | null;
  locateScore: number | null;
  fraudTypeScore: number | null;
}

/** What to add to one roll-up row (user, cohort, module, UTC day); last_at becomes the later of the two. */
export interface DayDelta {
  userId: string;
  cohortId: string;
  moduleId: string;
  day: string;
  decisions: number;
  hits: number;
  misses: number;
  falseAlarms: number;
  correctRejections: number;
  msSum: number;
  msN: number;
  locateSum: number;
  locateN: number;
  fraudTypeSum: number;
  fraudTypeN: number;
  lastAt: Date;
}

const SUMMED = [
  'decisions',
  'hits',
  'misses',
  'falseAlarms',
  'correctRejections',
  'msSum',
  'msN',
  'locateSum',
  'locateN',
  'fraudTypeSum',
  'fraudTypeN',
] as const;

/** The UTC day of an instant, YYYY-MM-DD (as `(t AT TIME ZONE 'UTC')::date`). */
export const utcDay = (t: Date): string => t.toISOString().slice(0, 10);

/** A fact's share of its roll-up row, times `sign`; null for an unanswered item (no row, no activity). */
function share(f: FactShareSource, sign: 1 | -1): DayDelta | null {
  if (f.decision === null) return null;
  const decided = f.outcome !== null;
  const one = (yes: boolean) => (yes ? sign : 0);
  return {
    userId: f.userId,
    cohortId: f.cohortId,
    moduleId: f.moduleId,
    day: utcDay(f.answeredAt),
    decisions: one(decided),
    hits: one(f.outcome === 'hit'),
    misses: one(f.outcome === 'miss'),
    falseAlarms: one(f.outcome === 'falseAlarm'),
    correctRejections: one(f.outcome === 'correctRejection'),
    msSum: decided && f.responseTimeMs !== null ? sign * f.responseTimeMs : 0,
    msN: one(decided && f.responseTimeMs !== null),
    locateSum: decided && f.locateScore !== null ? sign * f.locateScore : 0,
    locateN: one(decided && f.locateScore !== null),
    fraudTypeSum: decided && f.fraudTypeScore !== null ? sign * f.fraudTypeScore : 0,
    fraudTypeN: one(decided && f.fraudTypeScore !== null),
    lastAt: f.answeredAt,
  };
}

const keyOf = (d: DayDelta) => `${d.userId}/${d.cohortId}/${d.moduleId}/${d.day}`;

/**
 * What the roll-up gains when a fact that was `before` (null: not yet recorded) is written as `after`: the old share
 * taken away, the new one added, merged per row; a row whose sums do not change and whose last answer is no later is
 * left out, so a repeated event writes nothing.
 */
export function dayDeltas(before: FactShareSource | null, after: FactShareSource): DayDelta[] {
  const old = before ? share(before, -1) : null;
  const added = share(after, 1);
  if (!old) return added ? [added] : [];
  if (!added) return changes(old) ? [old] : [];
  if (keyOf(old) !== keyOf(added)) return changes(old) ? [old, added] : [added];
  const merged = { ...added };
  for (const k of SUMMED) merged[k] += old[k];
  return changes(merged) || added.lastAt.getTime() > old.lastAt.getTime() ? [merged] : [];
}

const changes = (d: DayDelta) => SUMMED.some((k) => d[k] !== 0);

// Rows from the competence queries → the contract's officer views: figures, attempts, module standings. Pure.
import type { AssignmentView, ModuleProgress, OfficerCompetence } from '@firstline/contracts';
import type { UserName } from '../users';
import type { OfficerAttemptSummary, OfficerCounts } from './competence.repository';
import { decisionFigures, moduleStanding, NO_DECISIONS, reportedScore, type AttemptTally } from './report-figures';

/**
 * Tallies by assignment, then by officer: a cohort has a few assignments and many officers, so a unit's 10,000
 * officers make a handful of maps (not one per officer); each row is kept as it came, not copied.
 */
export type TalliesByAssignment = Map<string, Map<string, AttemptTally>>;

export function talliesByAssignment(
  rows: Array<AttemptTally & { userId: string; assignmentId: string }>,
): TalliesByAssignment {
  const out: TalliesByAssignment = new Map();
  for (const row of rows) {
    let ofAssignment = out.get(row.assignmentId);
    if (!ofAssignment) out.set(row.assignmentId, (ofAssignment = new Map()));
    ofAssignment.set(row.userId, row);
  }
  return out;
}

/** The officer's standing in one assignment. */
export const standingIn = (a: AssignmentView, tallies: TalliesByAssignment, userId: string, now: number) =>
  moduleStanding(tallies.get(a.id)?.get(userId), a.closesAt ? new Date(a.closesAt) : null, now);

/** Where the officer stands in each assignment (of their cohort: the caller passes only those). */
export function moduleProgress(
  assignments: AssignmentView[],
  tallies: TalliesByAssignment,
  userId: string,
  now: number,
): ModuleProgress[] {
  return assignments.map((a) => {
    const tally = tallies.get(a.id)?.get(userId);
    return {
      assignmentId: a.id,
      moduleId: a.module.id,
      title: a.module.title,
      mode: a.module.mode,
      closesAt: a.closesAt,
      standing: standingIn(a, tallies, userId, now),
      attempts: tally?.attempts ?? 0,
      bestScore: reportedScore(tally?.bestScore),
    };
  });
}

/** The later of two instants given as ISO text in UTC (isoInstant), which orders as text. */
const later = (a: string | null | undefined, b: string | null | undefined): string | null =>
  (a ?? '') > (b ?? '') ? a! : (b ?? null);

export function officerCompetence(
  user: UserName,
  counts: OfficerCounts | undefined,
  attempts: OfficerAttemptSummary | undefined,
  modules: ModuleProgress[],
  minDecisions: number,
): OfficerCompetence {
  const figures = decisionFigures(counts ?? NO_DECISIONS);
  return {
    userId: user.id,
    username: user.username,
    name: user.displayName,
    ...figures,
    attempts: attempts?.attempts ?? 0,
    bestScore: reportedScore(attempts?.bestScore),
    latestScore: reportedScore(attempts?.latestScore),
    lastActivityAt: later(counts?.lastAnsweredAt, attempts?.lastStartedAt),
    tooFewDecisions: figures.decisions < minDecisions,
    modules,
    notStarted: modules.filter((m) => m.standing === 'not-started').length,
    overdue: modules.filter((m) => m.standing === 'overdue').length,
  };
}

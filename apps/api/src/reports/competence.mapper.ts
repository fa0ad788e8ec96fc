// Rows from the competence queries → the contract's officer views: figures, attempts, module standings. Pure.
import type { AssignmentView, ModuleProgress, OfficerCompetence } from '@firstline/contracts';
import type { UserName } from '../users';
import type { OfficerAttemptSummary, OfficerCounts } from './competence.repository';
import { decisionFigures, moduleStanding, NO_DECISIONS, type AttemptTally } from './report-figures';

/** Tallies by officer, then by assignment. */
export type TalliesByOfficer = Map<string, Map<string, AttemptTally>>;

export function talliesByOfficer(
  rows: Array<AttemptTally & { userId: string; assignmentId: string }>,
): TalliesByOfficer {
  const out: TalliesByOfficer = new Map();
  for (const { userId, assignmentId, ...tally } of rows) {
    if (!out.has(userId)) out.set(userId, new Map());
    out.get(userId)!.set(assignmentId, tally);
  }
  return out;
}

/** Where the officer stands in each assignment (of their cohort: the caller passes only those). */
export function moduleProgress(
  assignments: AssignmentView[],
  tallies: Map<string, AttemptTally> | undefined,
  now: number,
): ModuleProgress[] {
  return assignments.map((a) => {
    const tally = tallies?.get(a.id);
    return {
      assignmentId: a.id,
      moduleId: a.module.id,
      title: a.module.title,
      mode: a.module.mode,
      closesAt: a.closesAt,
      standing: moduleStanding(tally, a.closesAt ? new Date(a.closesAt) : null, now),
      attempts: tally?.attempts ?? 0,
      bestScore: tally?.bestScore ?? null,
    };
  });
}

const latest = (...dates: Array<Date | null | undefined>): string | null => {
  const times = dates.filter((d): d is Date => !!d).map((d) => d.getTime());
  return times.length ? new Date(Math.max(...times)).toISOString() : null;
};

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
    bestScore: attempts?.bestScore ?? null,
    latestScore: attempts?.latestScore ?? null,
    lastActivityAt: latest(counts?.lastAnsweredAt, attempts?.lastStartedAt),
    tooFewDecisions: figures.decisions < minDecisions,
    modules,
    notStarted: modules.filter((m) => m.standing === 'not-started').length,
    overdue: modules.filter((m) => m.standing === 'overdue').length,
  };
}

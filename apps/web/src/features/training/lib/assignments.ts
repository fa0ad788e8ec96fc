// The order My training lists assignments in, and when one may be started.
import type { AssignmentStatus, MyAssignmentView } from '@firstline/contracts';

/** Open assignments first, by due date (no due date last); upcoming, then completed and closed after. */
const ORDER: Record<AssignmentStatus, number> = {
  'in-progress': 0,
  'not-started': 0,
  upcoming: 1,
  completed: 2,
  closed: 3,
};
export function sortAssignments(list: MyAssignmentView[]): MyAssignmentView[] {
  const due = (a: MyAssignmentView) => (a.closesAt ? Date.parse(a.closesAt) : Infinity);
  return [...list].sort((a, b) => ORDER[a.status] - ORDER[b.status] || due(a) - due(b));
}

/** A new attempt may begin: none is running, the window is open and attempts are left. */
export function canStart(assignment: MyAssignmentView): boolean {
  if (assignment.activeAttemptId || assignment.status === 'upcoming' || assignment.status === 'closed') return false;
  return assignment.module.attemptsAllowed === null || assignment.attemptsUsed < assignment.module.attemptsAllowed;
}

// Where a trainee stands with one assignment, from its window, its attempt limit and their attempts. Pure.
import type { MyAssignmentView } from '@firstline/contracts';

export type AssignmentStatus = MyAssignmentView['status'];

export interface AssignmentStanding {
  opensAt: Date;
  closesAt: Date | null;
  /** null: as many attempts as the trainee likes. */
  attemptsAllowed: number | null;
  /** The trainee's attempts at this assignment. */
  attempts: Array<{ status: 'in-progress' | 'finished'; passed: boolean | null }>;
}

/**
 * - `in-progress`: an attempt is open (it finishes by its own deadline, whatever the window says);
 * - `upcoming`: the window has not opened yet;
 * - `completed`: at least one attempt is finished (passed or not, with attempts left or not);
 * - `closed`: nothing finished, and the window has closed or every allowed attempt is used;
 * - `not-started`: open, attempts left, nothing finished.
 */
export function assignmentStatus(standing: AssignmentStanding, now: number): AssignmentStatus {
  const { opensAt, closesAt, attemptsAllowed, attempts } = standing;
  if (attempts.some((a) => a.status === 'in-progress')) return 'in-progress';
  if (opensAt.getTime() > now) return 'upcoming';
  if (attempts.some((a) => a.status === 'finished')) return 'completed';
  const windowClosed = closesAt !== null && closesAt.getTime() <= now;
  const allUsed = attemptsAllowed !== null && attempts.length >= attemptsAllowed;
  return windowClosed || allUsed ? 'closed' : 'not-started';
}

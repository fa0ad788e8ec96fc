// Attempt rows → what the trainee's player receives: the attempt's state and an item's acknowledgement.
import type { AttemptView, ItemResponseResult } from '@firstline/contracts';
import type { ExerciseVersionRecord } from '../exercises';
import type { ModuleVersionRecord } from '../modules';
import type { Attempt, AttemptItem } from './attempt.entity';
import { feedbackOf, type ScoredAnswer } from './scoring';

/** The attempt's state; `answered` says, item by item in order, whether its answer is locked. */
export function attemptView(attempt: Attempt, version: ModuleVersionRecord, answered: boolean[]): AttemptView {
  const first = answered.indexOf(false);
  const finished = attempt.status === 'finished';
  return {
    id: attempt.id,
    assignmentId: attempt.assignmentId,
    moduleTitle: version.title,
    mode: version.settings.mode,
    feedback: version.settings.feedback,
    status: attempt.status,
    itemCount: attempt.itemCount,
    currentItem: first === -1 ? attempt.itemCount + 1 : first + 1,
    answered,
    timePerItemSeconds: version.settings.timePerItemSeconds,
    startedAt: attempt.startedAt.toISOString(),
    deadline: attempt.deadline ? attempt.deadline.toISOString() : null,
    finishedAt: attempt.finishedAt ? attempt.finishedAt.toISOString() : null,
    score: finished ? attempt.score : null,
    passed: finished ? attempt.passed : null,
    passMark: version.settings.passMark,
  };
}

/** The item's scored parts as stored. */
export function storedScore(item: AttemptItem): { score: number; parts: ScoredAnswer['parts'] } {
  return { score: item.score ?? 0, parts: (item.parts ?? []) as ScoredAnswer['parts'] };
}

/** The acknowledgement of a locked answer; the truth goes with it only when the module gives feedback per item. */
export function lockedResult(
  item: AttemptItem,
  exercise: ExerciseVersionRecord,
  practice: boolean,
): ItemResponseResult {
  return {
    n: item.n,
    status: 'locked',
    late: item.late,
    receivedAt: item.lockedAt!.toISOString(),
    responseTimeMs: item.responseTimeMs,
    feedback: practice ? feedbackOf(exercise.truth, storedScore(item)) : null,
  };
}

// Finishing attempts: on the trainee's request, when a deadline has passed, or by the deadline sweeper. Unanswered
// items score 0; the attempt's score is the mean item score, in percent. Idempotent. Tells AttemptEvents of every
// item left unanswered and of the finish, in the same transaction; where the module shows the answers after
// finishing, records every item's document as exposed to the officer (the review can show its truth from now on).
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ExercisesService } from '../exercises';
import { ModulesService } from '../modules';
import { attemptContext, itemLockedEvent } from './attempt-event-builder';
import { AttemptEvents } from './attempt-events';
import type { Attempt } from './attempt.entity';
import { AttemptsRepository } from './attempts.repository';
import { ExposuresRepository } from './exposures.repository';
import { attemptResults } from './scoring';

@Injectable()
export class AttemptFinisher {
  constructor(
    private readonly attempts: AttemptsRepository,
    private readonly exposures: ExposuresRepository,
    private readonly exercises: ExercisesService,
    private readonly modules: ModulesService,
    private readonly events: AttemptEvents,
  ) {}

  /** Finishes every in-progress attempt whose deadline has passed (all of them, or one trainee's); how many. */
  async finishOverdue(userId?: string): Promise<number> {
    const due = await this.attempts.overdueAttemptIds(userId);
    for (const id of due) await this.attempts.transaction((m) => this.finish(id, m));
    return due.length;
  }

  /**
   * Finishes the attempt if its deadline has passed, refreshing `attempt` in place; true if it is finished now
   * (by this call or before).
   */
  async finishIfOverdue(attempt: Attempt, m: EntityManager): Promise<boolean> {
    if (attempt.status === 'finished') return true;
    if (!attempt.deadline || attempt.deadline.getTime() > Date.now()) return false;
    await this.finish(attempt.id, m);
    Object.assign(attempt, await this.attempts.attemptOrFail(attempt.id, m));
    return true;
  }

  /** Locks the attempt and finishes it unless it is finished already. */
  async finish(id: string, m: EntityManager): Promise<void> {
    const attempt = await this.attempts.findAttempt(id, m, true);
    if (!attempt || attempt.status === 'finished') return;
    const assignment = (await this.modules.attemptedAssignment(attempt.assignmentId, m))!;
    const items = await this.attempts.itemsOf(id, m);
    const exercises = await this.exercises.versionsByIds(
      items.map((i) => i.exerciseVersionId),
      m,
    );
    const byId = new Map(exercises.map((e) => [e.id, e]));
    const truth = new Map(exercises.map((e) => [e.id, e.truth]));
    const finishedAt = new Date();
    await this.attempts.scoreUnansweredZero(id, m);
    const results = attemptResults(
      items.map((i) => ({
        truth: truth.get(i.exerciseVersionId)!,
        answer: i.answer,
        score: i.lockedAt ? (i.score ?? 0) : 0,
        late: i.late,
        responseTimeMs: i.responseTimeMs,
      })),
      assignment.moduleVersion.settings.passMark,
    );
    await this.attempts.markFinished(id, { finishedAt, score: results.score, passed: results.passed }, m);
    const context = attemptContext(attempt, assignment);
    for (const item of items.filter((i) => !i.lockedAt)) {
      await this.events.itemLocked(itemLockedEvent(context, item, byId.get(item.exerciseVersionId)!, finishedAt), m);
    }
    await this.events.attemptFinished({ ...context, finishedAt, score: results.score, passed: results.passed }, m);
    // Exposed once the review can show it, whether or not the officer opens it (an attempt in progress at the same
    // assessment was drawn before; the next one will not draw these).
    if (assignment.moduleVersion.settings.feedback === 'after-finish')
      await this.exposures.record(
        attempt.userId,
        exercises.map((e) => e.exerciseId),
        'review',
        id,
        m,
      );
  }
}

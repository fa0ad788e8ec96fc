// Records attempts that happened in the past (the demo organisation's history): each item scored by the same code as
// a live answer (scoreAnswer, the late rule, the attempt's deadline, attemptResults at the finish), stored with
// backdated times through the repository, and told to AttemptEvents (started, each item locked, finished) in the
// caller's transaction — so the reports count a recorded attempt exactly as they count a live one. What the attempt
// showed the officer is recorded for exposure control as a live attempt records it (practice feedback per answer,
// the review at the finish). Checks what a live start checks of the attempt's shape (pool, item count, attempts
// allowed); the assignment's window is the caller's business, as the history may predate it.
import type { ItemAnswer } from '@firstline/contracts';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DomainError } from '../common/errors/domain-error';
import { ExercisesService, type ExerciseVersionRecord } from '../exercises';
import { genuineNeeded, ModulesService, reviewsShowTruth, unseenNeed, type AssignmentWithVersion } from '../modules';
import { attemptContext, itemLockedEvent } from './attempt-event-builder';
import { AttemptEvents } from './attempt-events';
import { AttemptsRepository, type HistoricalItemRow } from './attempts.repository';
import { LATE_GRACE_MS } from './attempts.service';
import { ExposuresRepository } from './exposures.repository';
import { attemptResults, drawItems, scoreAnswer, sidesOf } from './scoring';

export interface HistoricalItem {
  exerciseVersionId: string;
  /** The final answer; null: the item was shown and left unanswered. */
  answer: ItemAnswer | null;
  /** From showing the item to the answer; ignored when unanswered. */
  responseTimeMs: number | null;
}

export interface HistoricalAttempt {
  userId: string;
  assignmentId: string;
  startedAt: Date;
  items: HistoricalItem[];
}

export interface RecordedAttempt {
  id: string;
  finishedAt: Date;
  score: number;
  passed: boolean;
}

/** The assignments' pools, loaded once, to draw items as a live start does. */
export interface HistoryPools {
  assignment(assignmentId: string): AssignmentWithVersion;
  /**
   * The exercise versions the officer's next attempt would get: the server's draw rule with the caller's random
   * source — in an assessment, as exposure control draws across its attempts: none an earlier drawn attempt's review
   * showed, and enough unseen genuine documents kept for the attempts still allowed. (What other modules showed is
   * left out: a small demo library shares its documents between practice and the assessment, and its history is of
   * officers who took both.)
   */
  draw(assignmentId: string, userId: string, random: () => number): ExerciseVersionRecord[];
}

/** Pause between answering one item and seeing the next. */
const NEXT_ITEM_GAP_MS = 1500;

@Injectable()
export class HistoryRecorder {
  constructor(
    private readonly attempts: AttemptsRepository,
    private readonly exercises: ExercisesService,
    private readonly modules: ModulesService,
    private readonly events: AttemptEvents,
    private readonly exposures: ExposuresRepository,
  ) {}

  async pools(assignmentIds: string[], m?: EntityManager): Promise<HistoryPools> {
    const assignments = new Map<string, AssignmentWithVersion>();
    for (const id of new Set(assignmentIds)) assignments.set(id, await this.assignmentOrFail(id, m));
    const versionIds = [...assignments.values()].flatMap((a) => a.moduleVersion.pool);
    const byId = new Map((await this.exercises.versionsByIds([...new Set(versionIds)], m)).map((v) => [v.id, v]));
    /** Per assignment and officer: the exercises its drawn attempts' reviews show, and the attempts drawn. */
    const seen = new Map<string, Set<string>>();
    const drawnAttempts = new Map<string, number>();
    return {
      assignment: (id) => assignments.get(id)!,
      draw: (id, userId, random) => {
        const { settings, pool } = assignments.get(id)!.moduleVersion;
        const versions = pool.map((p) => byId.get(p)!);
        const count = settings.drawCount ?? versions.length;
        const need = unseenNeed(settings, versions.length);
        const key = `${id}:${userId}`;
        const mine = seen.get(key) ?? new Set<string>();
        const candidates = need ? versions.filter((v) => !mine.has(v.exerciseId)) : versions;
        const before = drawnAttempts.get(key) ?? 0;
        let maxGenuine = Infinity;
        if (need && need !== 'unlimited' && reviewsShowTruth(settings)) {
          const after = Math.max(0, need.attempts - before - 1);
          const genuine = candidates.filter((v) => v.verdict === 'genuine').length;
          maxGenuine = genuine - after * genuineNeeded(settings, count);
        }
        const drawn = drawItems(
          candidates.map((v) => ({ id: v.id, genuine: v.verdict === 'genuine' })),
          count,
          settings.minGenuineShare,
          random,
          maxGenuine,
        ).map((d) => byId.get(d.id)!);
        drawnAttempts.set(key, before + 1);
        if (settings.feedback !== 'never') seen.set(key, new Set([...mine, ...drawn.map((v) => v.exerciseId)]));
        return drawn;
      },
    };
  }

  /** Whether the user has any attempt at these assignments (a history is recorded once). */
  async hasAttempts(userId: string, assignmentIds: string[], m?: EntityManager): Promise<boolean> {
    return (await this.attempts.attemptsAt(userId, assignmentIds, m)).length > 0;
  }

  /** Records finished attempts, in order, in the caller's transaction. */
  async record(history: HistoricalAttempt[], m: EntityManager): Promise<RecordedAttempt[]> {
    const assignments = new Map<string, AssignmentWithVersion>();
    for (const id of new Set(history.map((h) => h.assignmentId)))
      assignments.set(id, await this.assignmentOrFail(id, m));
    const versionIds = [...new Set(history.flatMap((h) => h.items.map((i) => i.exerciseVersionId)))];
    const exercises = new Map((await this.exercises.versionsByIds(versionIds, m)).map((v) => [v.id, v]));
    const used = new Map<string, number>();
    const recorded: RecordedAttempt[] = [];
    for (const attempt of history) {
      const assignment = assignments.get(attempt.assignmentId)!;
      const key = `${attempt.assignmentId}:${attempt.userId}`;
      if (!used.has(key)) used.set(key, await this.attempts.countAttempts(attempt.assignmentId, attempt.userId, m));
      this.check(attempt, assignment, exercises, used.get(key)!);
      used.set(key, used.get(key)! + 1);
      recorded.push(await this.recordOne(attempt, assignment, exercises, m));
    }
    return recorded;
  }

  private async recordOne(
    attempt: HistoricalAttempt,
    assignment: AssignmentWithVersion,
    exercises: Map<string, ExerciseVersionRecord>,
    m: EntityManager,
  ): Promise<RecordedAttempt> {
    const { settings } = assignment.moduleVersion;
    const itemMs = settings.timePerItemSeconds * 1000;
    const deadlines = [
      settings.moduleTimeSeconds ? attempt.startedAt.getTime() + settings.moduleTimeSeconds * 1000 : null,
      assignment.closesAt?.getTime() ?? null,
    ].filter((d): d is number => d !== null);
    const deadline = deadlines.length ? Math.min(...deadlines) : null;
    let clock = attempt.startedAt.getTime();
    let expired = false;
    const rows: HistoricalItemRow[] = attempt.items.map((item, i) => {
      const exercise = exercises.get(item.exerciseVersionId)!;
      // Items after the deadline are never shown.
      const servedAt = expired ? null : new Date(clock);
      const responseTimeMs =
        item.answer && item.responseTimeMs !== null ? Math.max(0, Math.round(item.responseTimeMs)) : null;
      const answeredAt = responseTimeMs !== null ? clock + responseTimeMs : null;
      // An answer after the attempt's deadline never arrives: the attempt is finished at the deadline, this item and
      // the ones after it unanswered (a live attempt is finished so by the deadline sweeper).
      if (!expired && deadline !== null && answeredAt !== null && answeredAt > deadline) {
        expired = true;
        clock = deadline + NEXT_ITEM_GAP_MS;
      }
      if (expired || answeredAt === null || responseTimeMs === null) {
        if (!expired) clock += itemMs + NEXT_ITEM_GAP_MS;
        return { n: i + 1, exerciseVersionId: exercise.id, firstServedAt: servedAt, locked: null };
      }
      const lockedAt = new Date(answeredAt);
      clock = answeredAt + NEXT_ITEM_GAP_MS;
      const late = responseTimeMs > itemMs + LATE_GRACE_MS;
      const scored = scoreAnswer(exercise.truth, exercise.parts, sidesOf(exercise.images), item.answer!);
      // As a live answer: in an assessment an answer after the item's time is recorded but scores 0.
      const score = late && settings.mode === 'assessment' ? 0 : scored.score;
      return {
        n: i + 1,
        exerciseVersionId: exercise.id,
        firstServedAt: servedAt,
        locked: {
          answer: item.answer,
          saved: item.answer,
          lockedAt,
          late,
          responseTimeMs,
          score,
          parts: scored.parts,
          outcome: scored.outcome,
        },
      };
    });
    const lastMoment = clock - NEXT_ITEM_GAP_MS;
    const finishedAt = new Date(deadline !== null ? Math.min(lastMoment, deadline) : lastMoment);
    if (finishedAt.getTime() > Date.now())
      throw new DomainError('invalid', 'A recorded attempt cannot finish in the future');
    const results = attemptResults(
      rows.map((row) => ({
        truth: exercises.get(row.exerciseVersionId)!.truth,
        answer: row.locked?.answer ?? null,
        score: row.locked?.score ?? 0,
        late: row.locked?.late ?? false,
        responseTimeMs: row.locked?.responseTimeMs ?? null,
      })),
      settings.passMark,
    );
    const stored = await this.attempts.insertFinishedAttempt(
      {
        assignmentId: attempt.assignmentId,
        userId: attempt.userId,
        startedAt: attempt.startedAt,
        deadline: deadline !== null ? new Date(deadline) : null,
        finishedAt,
        score: results.score,
        passed: results.passed,
      },
      rows,
      m,
    );
    const context = attemptContext(stored.attempt, assignment);
    await this.events.attemptStarted({ ...context, startedAt: attempt.startedAt, itemCount: rows.length }, m);
    for (const item of stored.items) {
      const exercise = exercises.get(item.exerciseVersionId)!;
      await this.events.itemLocked(itemLockedEvent(context, item, exercise, item.lockedAt ?? finishedAt), m);
    }
    await this.events.attemptFinished({ ...context, finishedAt, score: results.score, passed: results.passed }, m);
    // Practice feedback showed each answered item's truth; a review after finishing shows every item's.
    const { feedback } = settings;
    const shown =
      feedback === 'after-item' ? stored.items.filter((i) => i.lockedAt) : feedback === 'never' ? [] : stored.items;
    await this.exposures.record(
      attempt.userId,
      shown.map((i) => exercises.get(i.exerciseVersionId)!.exerciseId),
      feedback === 'after-item' ? 'practice-feedback' : 'review',
      stored.attempt.id,
      m,
      feedback === 'after-item' ? undefined : finishedAt,
    );
    return { id: stored.attempt.id, finishedAt, score: results.score, passed: results.passed };
  }

  private check(
    attempt: HistoricalAttempt,
    assignment: AssignmentWithVersion,
    exercises: Map<string, ExerciseVersionRecord>,
    attemptsBefore: number,
  ): void {
    const { settings, pool } = assignment.moduleVersion;
    const expected = settings.drawCount ?? pool.length;
    if (attempt.items.length !== expected)
      throw new DomainError('invalid', `An attempt at this module has ${expected} items, not ${attempt.items.length}`);
    const outside = attempt.items.find(
      (i) => !pool.includes(i.exerciseVersionId) || !exercises.has(i.exerciseVersionId),
    );
    if (outside)
      throw new DomainError('invalid', `Exercise version ${outside.exerciseVersionId} is not in the module's pool`);
    if (settings.attemptsAllowed !== null && attemptsBefore >= settings.attemptsAllowed)
      throw new DomainError('conflict', `All ${settings.attemptsAllowed} attempt(s) allowed have been used`);
    if (attempt.startedAt.getTime() > Date.now())
      throw new DomainError('invalid', 'A recorded attempt cannot start in the future');
  }

  private async assignmentOrFail(id: string, m?: EntityManager): Promise<AssignmentWithVersion> {
    const assignment = await this.modules.assignmentWithVersion(id, m);
    if (!assignment) throw new DomainError('not_found', 'Assignment not found');
    return assignment;
  }
}

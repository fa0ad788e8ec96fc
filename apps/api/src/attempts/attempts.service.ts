// Taking an attempt: a server-drawn item sequence, presentations that carry no truth, idempotent responses
// acknowledged after commit, server-measured times, finishing.
import { createHash, randomInt } from 'node:crypto';
import type {
  AttemptView,
  ItemAnswer,
  ItemPresentation,
  ItemResponseRequest,
  ItemResponseResult,
} from '@firstline/contracts';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AccessPolicy } from '../cohorts';
import { Actor } from '../common/decorators/actor';
import { DomainError, notFound } from '../common/errors/domain-error';
import { ExercisesService, type ExerciseVersionRecord } from '../exercises';
import { ItemModelsService } from '../item-models';
import { genuineNeeded, ModulesService, reviewsShowTruth, unseenNeed, type ModuleVersionRecord } from '../modules';
import { sameAnswer } from './answer-comparison';
import { attemptContext, itemLockedEvent } from './attempt-event-builder';
import { AttemptEvents } from './attempt-events';
import { AttemptFinisher } from './attempt-finisher';
import { AttemptLoader, type LoadedAttempt } from './attempt-loader';
import type { Attempt } from './attempt.entity';
import { attemptView, lockedResult } from './attempts.mapper';
import { AttemptsRepository } from './attempts.repository';
import { ExposuresRepository } from './exposures.repository';
import { ItemPresenter } from './item-presenter';
import { drawItems, scoreAnswer, sidesOf } from './scoring';

/** Network slack added to an item's time before an answer counts as late. */
export const LATE_GRACE_MS = 2000;

const randomUnit = () => randomInt(0, 2 ** 32) / 2 ** 32;
/** A pool entry to draw: an exercise version, or an item model (`modelId`) whose document is claimed once drawn. */
interface Drawable {
  id: string;
  genuine: boolean;
  modelId?: string;
}
const asDrawable = (versions: ExerciseVersionRecord[]): Drawable[] =>
  versions.map((v) => ({ id: v.id, genuine: v.verdict === 'genuine' }));
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{8,200}$/;

/** The 409 when an assessment's own generated documents are not ready yet: the officer never waits for rendering. */
function preparing(models: number, ready: number): DomainError {
  return new DomainError(
    'conflict',
    `Your own documents for this assessment are still being generated (${ready} of its ${models} item models have ` +
      `one waiting). Nothing was started; try again in a minute`,
    { reason: 'preparing', models, ready },
  );
}

/** The 409 for an answer to a finished attempt: "time is over" only when a deadline ended it. */
function finishedConflict(attempt: Attempt): DomainError {
  const finishedAt = attempt.finishedAt ?? new Date();
  if (attempt.deadline && attempt.deadline.getTime() <= finishedAt.getTime())
    return new DomainError('conflict', 'The time for this attempt is over; it has been finished');
  return new DomainError(
    'conflict',
    `This attempt was finished at ${finishedAt.toISOString()} (Finish was pressed, perhaps in another tab); it takes no more answers`,
  );
}

@Injectable()
export class AttemptsService {
  constructor(
    private readonly attempts: AttemptsRepository,
    private readonly exposures: ExposuresRepository,
    private readonly loader: AttemptLoader,
    private readonly finisher: AttemptFinisher,
    private readonly presenter: ItemPresenter,
    private readonly exercises: ExercisesService,
    private readonly modules: ModulesService,
    private readonly access: AccessPolicy,
    private readonly events: AttemptEvents,
    private readonly itemModels: ItemModelsService,
  ) {}

  /** Starts an attempt, or returns the one in progress (`created` tells which). */
  async start(actor: Actor, assignmentId: string): Promise<{ view: AttemptView; created: boolean }> {
    const started = await this.attempts.transaction(async (m) => {
      await this.attempts.lockStart(assignmentId, actor.id, m);
      const assignment = await this.modules.assignmentWithVersion(assignmentId, m);
      if (!assignment || !(await this.access.canSeeCohort(actor, assignment.cohortId, m))) throw notFound('Assignment');
      const open = await this.attempts.openAttempt(assignmentId, actor.id, m);
      if (open && !(await this.finisher.finishIfOverdue(open, m))) return { id: open.id, created: false as boolean };
      const now = Date.now();
      if (assignment.opensAt.getTime() > now) {
        throw new DomainError('conflict', `This assignment opens at ${assignment.opensAt.toISOString()}`);
      }
      if (assignment.closesAt && assignment.closesAt.getTime() <= now)
        throw new DomainError('conflict', 'This assignment has closed');
      const version = assignment.moduleVersion;
      const settings = version.settings;
      const used = await this.attempts.countAttempts(assignmentId, actor.id, m);
      if (settings.attemptsAllowed !== null && used >= settings.attemptsAllowed) {
        throw new DomainError('conflict', `All ${settings.attemptsAllowed} attempt(s) allowed have been used`);
      }
      const pool = await this.exercises.drawnVersions(version.pool, m);
      const drawn = await this.draw(actor.id, version, pool, used, m);
      const deadlines = [
        settings.moduleTimeSeconds ? now + settings.moduleTimeSeconds * 1000 : null,
        assignment.closesAt?.getTime() ?? null,
      ].filter((d): d is number => d !== null);
      const deadline = deadlines.length ? new Date(Math.min(...deadlines)) : null;
      const attempt = await this.attempts.createAttempt(
        { assignmentId, userId: actor.id, deadline },
        drawn.map((d) => d.id),
        m,
      );
      const context = attemptContext(attempt, assignment);
      await this.events.attemptStarted({ ...context, startedAt: attempt.startedAt, itemCount: attempt.itemCount }, m);
      return { id: attempt.id, created: true, versionId: version.id, models: version.itemModels.length };
    });
    if ('models' in started && started.models) this.itemModels.drawn(started.versionId);
    return { view: await this.get(actor, started.id), created: started.created };
  }

  /**
   * The attempt's items. An assessment draws only documents whose truth the officer has not seen (exposure control),
   * and keeps enough unseen genuine ones for the attempts still allowed after this one; when too few are left the
   * officer is told so in numbers (a 409) rather than shown a document they know. An item model drawn gives the
   * officer one of its waiting generated documents, theirs alone; a model with none waiting is not drawn now.
   */
  private async draw(
    userId: string,
    version: ModuleVersionRecord,
    pool: ExerciseVersionRecord[],
    used: number,
    m: EntityManager,
  ): Promise<Array<{ id: string }>> {
    const { settings, itemModels } = version;
    const ready = itemModels.length ? await this.itemModels.readyByModel(version.id, m) : new Map<string, number>();
    const models: Drawable[] = itemModels
      .filter((model) => (ready.get(model.id) ?? 0) > 0)
      .map((model) => ({ id: `model:${model.id}`, genuine: model.fraudType === 'genuine', modelId: model.id }));
    const size = pool.length + itemModels.length;
    const count = settings.drawCount ?? size;
    const need = unseenNeed(settings, size);
    if (!need)
      return this.claimed(
        version,
        userId,
        drawItems([...asDrawable(pool), ...models], count, settings.minGenuineShare, randomUnit),
        m,
      );
    const seen = (
      await this.exposures.exposedOf(
        [userId],
        pool.map((v) => v.exerciseId),
        m,
      )
    ).get(userId);
    const unseen = pool.filter((v) => !seen?.has(v.exerciseId));
    const unseenGenuine = unseen.filter((v) => v.verdict === 'genuine').length;
    const attemptsAfter = need === 'unlimited' || !reviewsShowTruth(settings) ? 0 : need.attempts - used - 1;
    // Genuine item models make fresh genuine documents for later attempts: only the rest must stay unseen.
    const genuineModels = itemModels.filter((model) => model.fraudType === 'genuine').length;
    const reserve = Math.max(0, attemptsAfter) * Math.max(0, genuineNeeded(settings, count) - genuineModels);
    const maxGenuine = unseenGenuine - reserve + models.filter((d) => d.genuine).length;
    let drawn: Drawable[];
    try {
      drawn = drawItems([...asDrawable(unseen), ...models], count, settings.minGenuineShare, randomUnit, maxGenuine);
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
      if (models.length < itemModels.length) throw preparing(itemModels.length, models.length);
      throw new DomainError(
        'conflict',
        `You have already seen the answers to ${pool.length - unseen.length} of the ${pool.length} documents in this ` +
          `assessment (in practice feedback or a review), and an assessment never shows you a document you know: ` +
          `${unseen.length} unseen documents (${unseenGenuine} genuine) are left, and an attempt needs ${count} ` +
          `(${genuineNeeded(settings, count)} genuine). Ask your instructor for an assessment with documents you have ` +
          `not seen`,
        {
          reason: 'exposure',
          seen: pool.length - unseen.length,
          documents: pool.length,
          unseen: unseen.length,
          unseenGenuine,
          draw: count,
          genuine: genuineNeeded(settings, count),
        },
      );
    }
    return this.claimed(version, userId, drawn, m);
  }

  /** The drawn exercise versions, each drawn item model replaced by the document claimed for the officer. */
  private async claimed(
    version: ModuleVersionRecord,
    userId: string,
    drawn: Drawable[],
    m: EntityManager,
  ): Promise<Array<{ id: string }>> {
    const items: Array<{ id: string }> = [];
    for (const d of drawn) {
      if (!d.modelId) {
        items.push({ id: d.id });
        continue;
      }
      const versionId = await this.itemModels.claim(version.id, d.modelId, userId, m);
      // Another officer took the last waiting document meanwhile.
      if (!versionId) throw preparing(version.itemModels.length, version.itemModels.length - 1);
      items.push({ id: versionId });
    }
    return items;
  }

  async get(actor: Actor, id: string): Promise<AttemptView> {
    return this.attempts.transaction(async (m) => {
      const loaded = await this.loader.load(actor, id, m);
      await this.finisher.finishIfOverdue(loaded.attempt, m);
      return this.view(loaded, m);
    });
  }

  /**
   * No transaction around it: its reads are single statements (as they would be in a READ COMMITTED transaction),
   * finishing an overdue attempt runs in its own, and starting the clock is one atomic statement. The attempt and its
   * items up to n are one statement, and its assignment is remembered: beside the actor's, two statements an item.
   */
  async serveItem(actor: Actor, id: string, n: number): Promise<ItemPresentation> {
    const loaded = await this.loader.loadWithItems(actor, id, n);
    const { attempt, items } = loaded;
    if (attempt.status === 'in-progress' && attempt.deadline && attempt.deadline.getTime() <= Date.now()) {
      await this.attempts.transaction((m) => this.finisher.finishIfOverdue(attempt, m));
    }
    if (n > attempt.itemCount) throw notFound('Item');
    const item = items[n - 1];
    const timeMs = loaded.version.settings.timePerItemSeconds * 1000;
    // Only the officer's own fetch starts an item's clock; staff in scope look without starting it (or being held
    // to the order the officer must answer in).
    if (attempt.status === 'in-progress' && !item.lockedAt && actor.id === attempt.userId) {
      const timedOut = (i: (typeof items)[number]) =>
        i.firstServedAt && i.firstServedAt.getTime() + timeMs <= Date.now();
      const blocking = items.slice(0, n - 1).find((i) => !i.lockedAt && !timedOut(i));
      if (blocking) throw new DomainError('conflict', `Answer item ${blocking.n} first`);
      // The clock starts the first time the item is served and never restarts.
      if (!item.firstServedAt) item.firstServedAt = await this.attempts.markServed(item.id);
    }
    const [exercise] = await this.exercises.drawnVersions([item.exerciseVersionId]);
    return this.presenter.presentationFor(attempt, loaded.version, item, exercise, actor.id);
  }

  async respond(
    actor: Actor,
    id: string,
    n: number,
    key: string | undefined,
    body: ItemResponseRequest,
  ): Promise<ItemResponseResult> {
    if (!key || !IDEMPOTENCY_KEY.test(key)) {
      throw new DomainError('invalid', 'An Idempotency-Key header (8–200 visible characters, e.g. a UUID) is required');
    }
    const requestHash = sha256(JSON.stringify(body));
    return this.attempts.transaction(async (m) => {
      const { attempt, assignment, version } = await this.loader.load(actor, id, m, true);
      if (n > attempt.itemCount) throw notFound('Item');
      const { item, receipt: earlier } = await this.attempts.lockItem(id, n, key, m);
      if (earlier) {
        if (earlier.requestHash !== requestHash) {
          throw new DomainError('conflict', 'This Idempotency-Key was already used with a different request');
        }
        return earlier.result as ItemResponseResult;
      }
      if (await this.finisher.finishIfOverdue(attempt, m)) throw finishedConflict(attempt);
      if (!item.firstServedAt) throw new DomainError('conflict', 'This item has not been shown yet');
      const answer: ItemAnswer = {
        decision: body.decision,
        points: body.points,
        fraudType: body.fraudType,
        features: body.features,
        mrzFailedChecks: body.mrzFailedChecks,
      };
      const [exercise] = await this.exercises.drawnVersions([item.exerciseVersionId], m);
      const practice = version.settings.feedback === 'after-item';
      const receipt = { idempotencyKey: key, requestHash };
      if (item.lockedAt) {
        // A repeat of the same final answer (e.g. resent from an offline queue under a new key) is not an error.
        if (!body.final || !sameAnswer(item.answer, answer))
          throw new DomainError('conflict', 'This item is already answered; the answer cannot change');
        const result = lockedResult(item, exercise, practice);
        await this.attempts.insertReceipt(item.id, { ...receipt, result }, m);
        return result;
      }
      if (!body.final) {
        await this.attempts.saveDraft(item.id, answer, m);
        const result: ItemResponseResult = {
          n,
          status: 'saved',
          late: false,
          receivedAt: new Date().toISOString(),
          responseTimeMs: null,
          feedback: null,
        };
        await this.attempts.insertReceipt(item.id, { ...receipt, result }, m);
        return result;
      }
      const receivedAt = new Date();
      const responseTimeMs = receivedAt.getTime() - item.firstServedAt.getTime();
      const late = responseTimeMs > version.settings.timePerItemSeconds * 1000 + LATE_GRACE_MS;
      const scored = scoreAnswer(exercise.truth, exercise.parts, sidesOf(exercise.images), answer);
      // In an assessment an answer after the item's time is recorded but scores 0.
      const score = late && version.settings.mode === 'assessment' ? 0 : scored.score;
      const locked = {
        answer,
        saved: answer,
        lockedAt: receivedAt,
        late,
        responseTimeMs,
        score,
        parts: scored.parts,
        outcome: scored.outcome,
      };
      Object.assign(item, locked);
      const result = lockedResult(item, exercise, practice);
      await this.attempts.lockAnswer(item.id, locked, { ...receipt, result }, m);
      const context = attemptContext(attempt, assignment);
      await this.events.itemLocked(itemLockedEvent(context, item, exercise, receivedAt), m);
      // Feedback shows the item's truth: the officer will not meet this document in an assessment.
      if (practice) await this.exposures.record(attempt.userId, [exercise.exerciseId], 'practice-feedback', id, m);
      return result;
    });
  }

  async finish(actor: Actor, id: string): Promise<AttemptView> {
    return this.attempts.transaction(async (m) => {
      const loaded = await this.loader.load(actor, id, m, true);
      if (loaded.attempt.status === 'in-progress') await this.finisher.finish(id, m);
      return this.view(await this.loader.load(actor, id, m), m);
    });
  }

  /** The attempt's state as its trainee (or a reviewer) sees it. */
  async view({ attempt, version }: LoadedAttempt, m?: EntityManager): Promise<AttemptView> {
    return attemptView(attempt, version, await this.attempts.answeredFlags(attempt.id, m));
  }
}

// The exam engine a trainee talks to: assignments, attempts with a server-drawn item sequence, presentations that
// carry no truth, idempotent responses acknowledged after commit, server-measured times, finishing, review.
import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DOCUMENT_SIDES,
  FRAUD_TYPES,
  LIGHTS,
  type AttemptReview,
  type AttemptView,
  type DocumentSide,
  type FraudType,
  type ItemAnswer,
  type ItemPresentation,
  type ItemResponseRequest,
  type ItemResponseResult,
  type LessonView,
  type MrzCheck,
  type MyAssignmentView,
  type MyProgress,
} from '@firstline/contracts';
import { createHash, randomInt } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import { AccessPolicy } from '../cohorts';
import { Actor } from '../common/actor';
import { DomainError, notFound } from '../common/domain-error';
import { ExerciseVersion } from '../exercises/exercise.entity';
import { MediaService } from '../media/media.service';
import { assignmentView } from '../modules/modules.service';
import { Assignment, ModuleVersion } from '../modules/training-module.entity';
import { Attempt, AttemptItem, ResponseReceipt } from './attempt.entity';
import { attemptResults, drawItems, feedbackOf, scoreAnswer, sidesOf } from './scoring';

/** Network slack added to an item's time before an answer counts as late. */
export const LATE_GRACE_MS = 2000;
/** Signed image URLs in a presentation live this long; the player re-fetches the presentation when they expire. */
const IMAGE_URL_TTL_SECONDS = 30 * 60;
const SWEEP_INTERVAL_MS = 30_000;

const MRZ_CHECKS_BY_FORMAT: Record<string, MrzCheck[]> = {
  TD1: ['documentNumberCheckDigit', 'birthDateCheckDigit', 'expirationDateCheckDigit', 'compositeCheckDigit'],
  TD2: ['documentNumberCheckDigit', 'birthDateCheckDigit', 'expirationDateCheckDigit', 'compositeCheckDigit'],
  TD3: ['documentNumberCheckDigit', 'birthDateCheckDigit', 'expirationDateCheckDigit', 'personalNumberCheckDigit', 'compositeCheckDigit'],
};
/** Options for the fraud-type part: the same list for every item, so it says nothing about the item. */
const FRAUD_TYPE_OPTIONS = FRAUD_TYPES.filter((t): t is Exclude<FraudType, 'genuine'> => t !== 'genuine');

const randomUnit = () => randomInt(0, 2 ** 32) / 2 ** 32;
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

interface Loaded {
  attempt: Attempt;
  assignment: Assignment;
  version: ModuleVersion;
}

@Injectable()
export class AttemptsService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(AttemptsService.name);
  private sweeper?: NodeJS.Timeout;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly media: MediaService,
    private readonly access: AccessPolicy,
  ) {}

  onModuleInit(): void {
    // Attempts whose module deadline passed finish by themselves, even if the trainee never comes back.
    this.sweeper = setInterval(() => void this.sweepExpired().catch((err) => this.logger.warn({ err }, 'deadline sweep failed')), SWEEP_INTERVAL_MS);
    this.sweeper.unref();
  }

  onModuleDestroy(): void {
    if (this.sweeper) clearInterval(this.sweeper);
  }

  /** Finishes in-progress attempts whose deadline has passed (all of them, or one trainee's). */
  async sweepExpired(userId?: string): Promise<number> {
    const due: Array<{ id: string }> = await this.db.query(
      `SELECT id FROM attempts WHERE status = 'in-progress' AND deadline IS NOT NULL AND deadline <= now() AND ($1::uuid IS NULL OR user_id = $1)`,
      [userId ?? null],
    );
    for (const { id } of due) await this.db.transaction((m) => this.finishLocked(m, id));
    return due.length;
  }

  // ---------------------------------------------------------------------------------------------- assignments

  async myAssignments(actor: Actor): Promise<MyAssignmentView[]> {
    await this.sweepExpired(actor.id);
    const assignments = await this.db
      .getRepository(Assignment)
      .createQueryBuilder('a')
      .innerJoinAndSelect('a.cohort', 'c')
      .innerJoinAndSelect('a.moduleVersion', 'v')
      .where('a.cohort_id IN (SELECT cohort_id FROM cohort_members WHERE user_id = :uid)', { uid: actor.id })
      .orderBy('a.closes_at', 'ASC', 'NULLS LAST')
      .addOrderBy('a.opens_at', 'ASC')
      .getMany();
    if (!assignments.length) return [];
    const attempts = await this.db.getRepository(Attempt).find({ where: { userId: actor.id, assignmentId: In(assignments.map((a) => a.id)) } });
    const now = Date.now();
    return assignments.map((a) => {
      const mine = attempts.filter((t) => t.assignmentId === a.id);
      const finished = mine.filter((t) => t.status === 'finished');
      const active = mine.find((t) => t.status === 'in-progress') ?? null;
      const best = finished.length ? Math.max(...finished.map((t) => t.score ?? 0)) : null;
      const allowed = a.moduleVersion!.settings.attemptsAllowed;
      const closed = (a.closesAt && a.closesAt.getTime() <= now) || (allowed !== null && mine.length >= allowed && !active);
      const status = active
        ? 'in-progress'
        : a.opensAt.getTime() > now
          ? 'upcoming'
          : finished.some((t) => t.passed) || (closed && finished.length)
            ? 'completed'
            : closed
              ? 'closed'
              : finished.length
                ? 'completed'
                : 'not-started';
      return {
        ...assignmentView(a),
        status,
        attemptsUsed: mine.length,
        bestScore: best,
        passed: finished.length ? finished.some((t) => t.passed) : null,
        activeAttemptId: active?.id ?? null,
      };
    });
  }

  async lessons(actor: Actor, assignmentId: string): Promise<LessonView[]> {
    const assignment = await this.db.getRepository(Assignment).findOne({ where: { id: assignmentId }, relations: { moduleVersion: true } });
    if (!assignment || !(await this.canSeeAssignment(actor, assignment))) throw notFound('Assignment');
    const ids = assignment.moduleVersion!.lessonSpecimenIds;
    if (!ids.length) return [];
    return this.loadLessons(ids, { userId: actor.id, scope: `assignment:${assignmentId}` });
  }

  // ---------------------------------------------------------------------------------------------- attempts

  /** Starts an attempt, or returns the one in progress (`created` tells which). */
  async start(actor: Actor, assignmentId: string): Promise<{ view: AttemptView; created: boolean }> {
    const { id, created } = await this.db.transaction(async (m) => {
      // One start at a time per trainee and assignment (two tabs pressing Start get the same attempt).
      await m.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`attempt-start:${assignmentId}:${actor.id}`]);
      const assignment = await m.findOne(Assignment, { where: { id: assignmentId }, relations: { moduleVersion: true } });
      if (!assignment || !(await this.canSeeAssignment(actor, assignment, m))) throw notFound('Assignment');
      const open = await m.findOne(Attempt, { where: { assignmentId, userId: actor.id, status: 'in-progress' } });
      if (open) {
        if (!(await this.finishIfExpired(m, open))) return { id: open.id, created: false };
      }
      const now = Date.now();
      if (assignment.opensAt.getTime() > now) throw new DomainError('conflict', `This assignment opens at ${assignment.opensAt.toISOString()}`);
      if (assignment.closesAt && assignment.closesAt.getTime() <= now) throw new DomainError('conflict', 'This assignment has closed');
      const version = assignment.moduleVersion!;
      const s = version.settings;
      const [{ used }] = await m.query('SELECT count(*)::int AS used FROM attempts WHERE assignment_id = $1 AND user_id = $2', [assignmentId, actor.id]);
      if (s.attemptsAllowed !== null && used >= s.attemptsAllowed) throw new DomainError('conflict', `All ${s.attemptsAllowed} attempt(s) allowed have been used`);
      const pool = await m.find(ExerciseVersion, { where: { id: In(version.pool) }, select: { id: true, verdict: true } });
      const drawn = drawItems(
        pool.map((p) => ({ id: p.id, genuine: p.verdict === 'genuine' })),
        s.drawCount ?? pool.length,
        s.minGenuineShare,
        randomUnit,
      );
      const deadlines = [s.moduleTimeSeconds ? now + s.moduleTimeSeconds * 1000 : null, assignment.closesAt?.getTime() ?? null].filter((d): d is number => d !== null);
      const attempt = await m.save(
        m.create(Attempt, {
          assignmentId,
          userId: actor.id,
          status: 'in-progress',
          itemCount: drawn.length,
          deadline: deadlines.length ? new Date(Math.min(...deadlines)) : null,
          finishedAt: null,
          score: null,
          passed: null,
        }),
      );
      await m.insert(
        AttemptItem,
        drawn.map((d, i) => ({ attemptId: attempt.id, n: i + 1, exerciseVersionId: d.id })),
      );
      return { id: attempt.id, created: true };
    });
    return { view: await this.get(actor, id), created };
  }

  async get(actor: Actor, id: string): Promise<AttemptView> {
    return this.db.transaction(async (m) => {
      const loaded = await this.load(m, actor, id);
      await this.finishIfExpired(m, loaded.attempt);
      return this.attemptView(m, loaded);
    });
  }

  async present(actor: Actor, id: string, n: number): Promise<ItemPresentation> {
    const { item, version, exercise, loaded } = await this.db.transaction(async (m) => {
      const loaded = await this.load(m, actor, id);
      await this.finishIfExpired(m, loaded.attempt);
      const { attempt } = loaded;
      if (n > attempt.itemCount) throw notFound('Item');
      const items = await m.find(AttemptItem, { where: { attemptId: id }, order: { n: 'ASC' } });
      const item = items[n - 1];
      const timeMs = loaded.version.settings.timePerItemSeconds * 1000;
      if (attempt.status === 'in-progress' && !item.lockedAt) {
        const blocking = items.slice(0, n - 1).find((i) => !i.lockedAt && !(i.firstServedAt && i.firstServedAt.getTime() + timeMs <= Date.now()));
        if (blocking) throw new DomainError('conflict', `Answer item ${blocking.n} first`);
        if (!item.firstServedAt) {
          // The clock starts the first time the item is served and never restarts.
          await m.query('UPDATE attempt_items SET first_served_at = now() WHERE id = $1 AND first_served_at IS NULL', [item.id]);
          item.firstServedAt = (await m.findOneOrFail(AttemptItem, { where: { id: item.id } })).firstServedAt;
        }
      }
      const exercise = await m.findOneOrFail(ExerciseVersion, { where: { id: item.exerciseVersionId } });
      return { item, version: loaded.version, exercise, loaded };
    });
    return this.presentation(loaded.attempt, version, item, exercise, actor.id);
  }

  async respond(actor: Actor, id: string, n: number, key: string | undefined, body: ItemResponseRequest): Promise<ItemResponseResult> {
    if (!key || !/^[\x21-\x7e]{8,200}$/.test(key)) throw new DomainError('invalid', 'An Idempotency-Key header (8–200 visible characters, e.g. a UUID) is required');
    const requestHash = sha256(JSON.stringify(body));
    return this.db.transaction(async (m) => {
      const loaded = await this.load(m, actor, id, true);
      const { attempt, version } = loaded;
      if (n > attempt.itemCount) throw notFound('Item');
      const item = await m
        .getRepository(AttemptItem)
        .createQueryBuilder('i')
        .setLock('pessimistic_write')
        .where('i.attempt_id = :id AND i.n = :n', { id, n })
        .getOneOrFail();
      const receipt = await m.findOne(ResponseReceipt, { where: { attemptItemId: item.id, idempotencyKey: key } });
      if (receipt) {
        if (receipt.requestHash !== requestHash) throw new DomainError('conflict', 'This Idempotency-Key was already used with a different request');
        return receipt.result as ItemResponseResult;
      }
      if (await this.finishIfExpired(m, attempt)) throw new DomainError('conflict', 'The time for this attempt is over; it has been finished');
      if (attempt.status !== 'in-progress') throw new DomainError('conflict', 'This attempt is finished');
      if (!item.firstServedAt) throw new DomainError('conflict', 'This item has not been shown yet');
      const answer: ItemAnswer = {
        decision: body.decision,
        points: body.points,
        fraudType: body.fraudType,
        features: body.features,
        mrzFailedChecks: body.mrzFailedChecks,
      };
      const exercise = await m.findOneOrFail(ExerciseVersion, { where: { id: item.exerciseVersionId } });
      const practice = version.settings.feedback === 'after-item';
      let result: ItemResponseResult;
      if (item.lockedAt) {
        // A repeat of the same final answer (e.g. resent from an offline queue under a new key) is not an error.
        if (body.final && sameAnswer(item.answer, answer)) result = this.lockedResult(item, exercise, practice);
        else throw new DomainError('conflict', 'This item is already answered; the answer cannot change');
      } else if (!body.final) {
        await m.update(AttemptItem, { id: item.id }, { saved: answer });
        result = { n, status: 'saved', late: false, receivedAt: new Date().toISOString(), responseTimeMs: null, feedback: null };
      } else {
        const receivedAt = new Date();
        const responseTimeMs = receivedAt.getTime() - item.firstServedAt.getTime();
        const late = responseTimeMs > version.settings.timePerItemSeconds * 1000 + LATE_GRACE_MS;
        const scored = scoreAnswer(exercise.truth, exercise.parts, sidesOf(exercise.images), answer);
        // In an assessment an answer after the item's time is recorded but scores 0.
        const score = late && version.settings.mode === 'assessment' ? 0 : scored.score;
        Object.assign(item, { answer, saved: answer, lockedAt: receivedAt, late, responseTimeMs, score, parts: scored.parts, outcome: scored.outcome });
        await m.update(AttemptItem, { id: item.id }, { answer, saved: answer, lockedAt: receivedAt, late, responseTimeMs, score, parts: scored.parts, outcome: scored.outcome });
        result = this.lockedResult(item, exercise, practice);
      }
      await m.insert(ResponseReceipt, { attemptItemId: item.id, idempotencyKey: key, requestHash, result });
      return result;
    });
  }

  async finish(actor: Actor, id: string): Promise<AttemptView> {
    return this.db.transaction(async (m) => {
      const loaded = await this.load(m, actor, id, true);
      if (loaded.attempt.status === 'in-progress') await this.finishLocked(m, id);
      return this.attemptView(m, await this.load(m, actor, id));
    });
  }

  async review(actor: Actor, id: string): Promise<AttemptReview> {
    const { loaded, items, exercises } = await this.db.transaction(async (m) => {
      const loaded = await this.load(m, actor, id);
      await this.finishIfExpired(m, loaded.attempt);
      const items = await m.find(AttemptItem, { where: { attemptId: id }, order: { n: 'ASC' } });
      const exercises = await m.find(ExerciseVersion, { where: { id: In(items.map((i) => i.exerciseVersionId)) } });
      return { loaded, items, exercises };
    });
    const { attempt, version } = loaded;
    if (attempt.status !== 'finished') throw new DomainError('conflict', 'The review is available once the attempt is finished');
    if (actor.role === 'trainee' && version.settings.feedback === 'never') throw new DomainError('forbidden', 'This assessment does not show answers');
    const byId = new Map(exercises.map((e) => [e.id, e]));
    const reviewItems = await Promise.all(
      items.map(async (item) => {
        const exercise = byId.get(item.exerciseVersionId)!;
        return {
          n: item.n,
          presentation: await this.presentation(attempt, version, item, exercise, actor.id),
          answer: item.answer,
          late: item.late,
          responseTimeMs: item.responseTimeMs,
          feedback: feedbackOf(exercise.truth, { score: item.score ?? 0, parts: (item.parts ?? []) as never }),
        };
      }),
    );
    return {
      attempt: await this.attemptView(this.db.manager, loaded),
      results: attemptResults(
        items.map((i) => ({ truth: byId.get(i.exerciseVersionId)!.truth, answer: i.answer, score: i.score ?? 0, late: i.late, responseTimeMs: i.responseTimeMs })),
        version.settings.passMark,
      ),
      items: reviewItems,
    };
  }

  async progress(actor: Actor): Promise<MyProgress> {
    await this.sweepExpired(actor.id);
    const rows: Array<{ id: string; title: string; settings: { mode: 'practice' | 'assessment' }; finished_at: Date; score: number; passed: boolean }> = await this.db.query(
      `SELECT t.id, v.title, v.settings, t.finished_at, t.score, t.passed
         FROM attempts t JOIN assignments a ON a.id = t.assignment_id JOIN module_versions v ON v.id = a.module_version_id
        WHERE t.user_id = $1 AND t.status = 'finished' ORDER BY t.finished_at ASC`,
      [actor.id],
    );
    return {
      attempts: rows.map((r) => ({
        attemptId: r.id,
        moduleTitle: r.title,
        mode: r.settings.mode,
        finishedAt: new Date(r.finished_at).toISOString(),
        score: r.score,
        passed: r.passed,
      })),
    };
  }

  // ---------------------------------------------------------------------------------------------- internals

  private lockedResult(item: AttemptItem, exercise: ExerciseVersion, practice: boolean): ItemResponseResult {
    return {
      n: item.n,
      status: 'locked',
      late: item.late,
      receivedAt: item.lockedAt!.toISOString(),
      responseTimeMs: item.responseTimeMs,
      feedback: practice ? feedbackOf(exercise.truth, { score: item.score ?? 0, parts: (item.parts ?? []) as never }) : null,
    };
  }

  private async presentation(attempt: Attempt, version: ModuleVersion, item: AttemptItem, exercise: ExerciseVersion, userId: string): Promise<ItemPresentation> {
    const assetIds = [...exercise.images.map((i) => i.assetId), ...(exercise.travellerAssetId ? [exercise.travellerAssetId] : [])];
    const urls = await this.media.signedUrls(assetIds, { userId, scope: `attempt:${attempt.id}` }, IMAGE_URL_TTL_SECONDS);
    const missing = assetIds.filter((a) => !urls.has(a));
    if (missing.length) throw new DomainError('unavailable', 'The images of this item are still being prepared; try again in a moment', undefined, { 'Retry-After': '5' });
    const sides: DocumentSide[] = DOCUMENT_SIDES.filter((s) => exercise.images.some((i) => i.side === s));
    const p = exercise.parts;
    return {
      attemptId: attempt.id,
      n: item.n,
      itemCount: attempt.itemCount,
      itemId: item.id,
      issuingState: exercise.issuingState,
      documentType: exercise.documentType,
      parts: {
        decision: true,
        locate: p.locate ? { maxPoints: p.locate.maxPoints } : null,
        fraudType: p.fraudType ? { options: [...FRAUD_TYPE_OPTIONS] } : null,
        features: p.features ? { options: [...exercise.featureOptions].sort() } : null,
        mrz: p.mrz ? { lines: exercise.mrz, checks: MRZ_CHECKS_BY_FORMAT[exercise.documentType] ?? MRZ_CHECKS_BY_FORMAT.TD3 } : null,
      },
      sides: sides.map((side) => ({
        side,
        images: exercise.images
          .filter((i) => i.side === side)
          .sort((a, b) => LIGHTS.indexOf(a.light) - LIGHTS.indexOf(b.light) || a.frame - b.frame)
          .map((i) => ({ light: i.light, frame: i.frame, urls: urls.get(i.assetId)! })),
      })),
      traveller: exercise.travellerAssetId ? urls.get(exercise.travellerAssetId)! : null,
      context: exercise.context,
      timeAllowedSeconds: version.settings.timePerItemSeconds,
      firstServedAt: (item.firstServedAt ?? new Date()).toISOString(),
      serverNow: new Date().toISOString(),
      saved: item.saved,
      locked: item.lockedAt !== null,
    };
  }

  private async attemptView(m: EntityManager, { attempt, version }: Loaded): Promise<AttemptView> {
    const items = await m.find(AttemptItem, { where: { attemptId: attempt.id }, order: { n: 'ASC' }, select: { n: true, lockedAt: true } });
    const answered = items.map((i) => i.lockedAt !== null);
    const first = answered.indexOf(false);
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
      score: attempt.status === 'finished' ? attempt.score : null,
      passed: attempt.status === 'finished' ? attempt.passed : null,
      passMark: version.settings.passMark,
    };
  }

  /**
   * The attempt with its assignment and module version. Trainees reach only their own attempts; staff reach
   * attempts of trainees in their cohorts (instructor) or unit (supervisor) for review. Anything else is a 404.
   */
  private async load(m: EntityManager, actor: Actor, id: string, lock = false): Promise<Loaded> {
    const qb = m.getRepository(Attempt).createQueryBuilder('t').where('t.id = :id', { id });
    if (lock) qb.setLock('pessimistic_write');
    const attempt = await qb.getOne();
    if (!attempt) throw notFound('Attempt');
    const assignment = await m.findOneOrFail(Assignment, { where: { id: attempt.assignmentId }, relations: { moduleVersion: true } });
    const own = attempt.userId === actor.id;
    if (!own) {
      if (actor.role === 'trainee' || lock) throw notFound('Attempt');
      if (!(await this.canSeeAssignment(actor, assignment))) throw notFound('Attempt');
    }
    return { attempt, assignment, version: assignment.moduleVersion! };
  }

  /** The cohort scope every other route uses: trainees their own cohorts, instructors theirs, supervisors their unit's. */
  private async canSeeAssignment(actor: Actor, a: Assignment, m: EntityManager = this.db.manager): Promise<boolean> {
    return this.access.canSeeCohort(actor, a.cohortId, m);
  }

  /** Finishes the attempt if its deadline has passed; true if it did (or it was already finished). */
  private async finishIfExpired(m: EntityManager, attempt: Attempt): Promise<boolean> {
    if (attempt.status === 'finished') return true;
    if (!attempt.deadline || attempt.deadline.getTime() > Date.now()) return false;
    await this.finishLocked(m, attempt.id);
    Object.assign(attempt, await m.findOneOrFail(Attempt, { where: { id: attempt.id } }));
    return true;
  }

  /** Scores unanswered items 0 and the attempt as the mean item score, in percent. Idempotent. */
  private async finishLocked(m: EntityManager, id: string): Promise<void> {
    const attempt = await m.getRepository(Attempt).createQueryBuilder('t').setLock('pessimistic_write').where('t.id = :id', { id }).getOne();
    if (!attempt || attempt.status === 'finished') return;
    const assignment = await m.findOneOrFail(Assignment, { where: { id: attempt.assignmentId }, relations: { moduleVersion: true } });
    const items = await m.find(AttemptItem, { where: { attemptId: id } });
    const exercises = await m.find(ExerciseVersion, { where: { id: In(items.map((i) => i.exerciseVersionId)) } });
    const truth = new Map(exercises.map((e) => [e.id, e.truth]));
    await m.query('UPDATE attempt_items SET score = 0 WHERE attempt_id = $1 AND locked_at IS NULL', [id]);
    const results = attemptResults(
      items.map((i) => ({ truth: truth.get(i.exerciseVersionId)!, answer: i.answer, score: i.lockedAt ? (i.score ?? 0) : 0, late: i.late, responseTimeMs: i.responseTimeMs })),
      assignment.moduleVersion!.settings.passMark,
    );
    await m.update(Attempt, { id }, { status: 'finished', finishedAt: new Date(), score: results.score, passed: results.passed });
  }

  /** Specimen study pages: images signed for the trainee and the annotated features. */
  private async loadLessons(specimenIds: string[], grant: { userId: string; scope: string }): Promise<LessonView[]> {
    const specimens: Array<{ id: string; title: string; issuing_state: string; document_type: string; description: string }> = await this.db.query(
      `SELECT id, title, issuing_state, document_type, description FROM specimens WHERE id = ANY($1::uuid[])`,
      [specimenIds],
    );
    const images: Array<{ specimen_id: string; side: DocumentSide; light: string; frame: number; asset_id: string }> = await this.db.query(
      `SELECT specimen_id, side, light, frame, asset_id FROM specimen_images WHERE specimen_id = ANY($1::uuid[])`,
      [specimenIds],
    );
    const features: Array<Record<string, unknown>> = await this.db.query(
      `SELECT id, specimen_id, name, kind, category, side, lights, region, description FROM specimen_features WHERE specimen_id = ANY($1::uuid[]) ORDER BY name`,
      [specimenIds],
    );
    const urls = await this.media.signedUrls(images.map((i) => i.asset_id), grant, IMAGE_URL_TTL_SECONDS);
    return specimenIds
      .map((id) => specimens.find((s) => s.id === id))
      .filter((s): s is NonNullable<typeof s> => !!s)
      .map((s) => ({
        specimenId: s.id,
        title: s.title,
        issuingState: s.issuing_state,
        documentType: s.document_type as LessonView['documentType'],
        description: s.description,
        images: images
          .filter((i) => i.specimen_id === s.id && urls.has(i.asset_id))
          .sort((a, b) => DOCUMENT_SIDES.indexOf(a.side) - DOCUMENT_SIDES.indexOf(b.side) || LIGHTS.indexOf(a.light as never) - LIGHTS.indexOf(b.light as never) || a.frame - b.frame)
          .map((i) => ({ side: i.side, light: i.light as never, frame: i.frame, urls: urls.get(i.asset_id)! })),
        features: features
          .filter((f) => f.specimen_id === s.id)
          .map((f) => ({
            id: f.id as string,
            name: f.name as string,
            kind: f.kind as never,
            category: f.category as never,
            side: f.side as DocumentSide,
            lights: f.lights as never,
            region: f.region as never,
            description: f.description as string,
          })),
      }));
  }
}

function sameAnswer(a: ItemAnswer | null, b: ItemAnswer): boolean {
  if (!a) return false;
  return JSON.stringify(normalise(a)) === JSON.stringify(normalise(b));
}

function normalise(a: ItemAnswer) {
  return {
    decision: a.decision,
    points: a.points.map((p) => [p.side, p.x, p.y]),
    fraudType: a.fraudType,
    features: [...a.features].sort(),
    mrzFailedChecks: [...a.mrzFailedChecks].sort(),
  };
}

// The exam engine's data layer: attempts, their drawn items, and the receipts that make submitting idempotent.
import type { ItemAnswer, ItemResponseResult } from '@firstline/contracts';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { Attempt, AttemptItem, ResponseReceipt } from './attempt.entity';

/** What locking an item's final answer writes. */
export type LockedAnswer = Pick<
  AttemptItem,
  'answer' | 'saved' | 'lockedAt' | 'late' | 'responseTimeMs' | 'score' | 'parts' | 'outcome'
>;

@Injectable()
export class AttemptsRepository {
  constructor(
    @InjectRepository(Attempt) private readonly attempts: Repository<Attempt>,
    @InjectRepository(AttemptItem) private readonly items: Repository<AttemptItem>,
    @InjectRepository(ResponseReceipt) private readonly receipts: Repository<ResponseReceipt>,
  ) {}

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.attempts.manager.transaction(work);
  }

  private attemptRepo(m?: EntityManager): Repository<Attempt> {
    return m ? m.getRepository(Attempt) : this.attempts;
  }

  private itemRepo(m?: EntityManager): Repository<AttemptItem> {
    return m ? m.getRepository(AttemptItem) : this.items;
  }

  private receiptRepo(m?: EntityManager): Repository<ResponseReceipt> {
    return m ? m.getRepository(ResponseReceipt) : this.receipts;
  }

  // ---------------------------------------------------------------------------------------------- attempts

  /** Serialises starts of one trainee at one assignment until the transaction ends (two tabs pressing Start). */
  async lockStart(assignmentId: string, userId: string, m: EntityManager): Promise<void> {
    await m.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`attempt-start:${assignmentId}:${userId}`]);
  }

  /** The attempt; with `lock`, locked for update until the transaction ends. */
  findAttempt(id: string, m?: EntityManager, lock = false): Promise<Attempt | null> {
    return this.attemptRepo(m).findOne({
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  attemptOrFail(id: string, m?: EntityManager): Promise<Attempt> {
    return this.attemptRepo(m).findOneOrFail({ where: { id } });
  }

  openAttempt(assignmentId: string, userId: string, m?: EntityManager): Promise<Attempt | null> {
    return this.attemptRepo(m).findOne({ where: { assignmentId, userId, status: 'in-progress' } });
  }

  countAttempts(assignmentId: string, userId: string, m?: EntityManager): Promise<number> {
    return this.attemptRepo(m).count({ where: { assignmentId, userId } });
  }

  /** A trainee's attempts at these assignments. */
  attemptsAt(userId: string, assignmentIds: string[], m?: EntityManager): Promise<Attempt[]> {
    if (!assignmentIds.length) return Promise.resolve([]);
    return this.attemptRepo(m).find({ where: { userId, assignmentId: In(assignmentIds) } });
  }

  /** A trainee's finished attempts, oldest first. */
  finishedAttempts(userId: string, m?: EntityManager): Promise<Attempt[]> {
    return this.attemptRepo(m).find({ where: { userId, status: 'finished' }, order: { finishedAt: 'ASC' } });
  }

  /** Ids of in-progress attempts whose deadline has passed (all of them, or one trainee's). */
  async overdueAttemptIds(userId?: string, m?: EntityManager): Promise<string[]> {
    const due: Array<{ id: string }> = await (m ?? this.attempts.manager).query(
      `SELECT id FROM attempts
        WHERE status = 'in-progress' AND deadline IS NOT NULL AND deadline <= now()
          AND ($1::uuid IS NULL OR user_id = $1)`,
      [userId ?? null],
    );
    return due.map((d) => d.id);
  }

  /** A new in-progress attempt with its drawn items (exercise versions, in order). */
  async createAttempt(
    fields: Pick<Attempt, 'assignmentId' | 'userId' | 'deadline'>,
    exerciseVersionIds: string[],
    m: EntityManager,
  ): Promise<Attempt> {
    const repo = this.attemptRepo(m);
    const attempt = await repo.save(
      repo.create({
        ...fields,
        status: 'in-progress',
        itemCount: exerciseVersionIds.length,
        finishedAt: null,
        score: null,
        passed: null,
      }),
    );
    await this.itemRepo(m).insert(
      exerciseVersionIds.map((id, i) => ({ attemptId: attempt.id, n: i + 1, exerciseVersionId: id })),
    );
    return attempt;
  }

  async markFinished(
    id: string,
    results: { finishedAt: Date; score: number; passed: boolean },
    m: EntityManager,
  ): Promise<void> {
    await this.attemptRepo(m).update({ id }, { status: 'finished', ...results });
  }

  // ---------------------------------------------------------------------------------------------- items

  itemsOf(attemptId: string, m?: EntityManager): Promise<AttemptItem[]> {
    return this.itemRepo(m).find({ where: { attemptId }, order: { n: 'ASC' } });
  }

  /** Which items are answered, in order (all an attempt view needs). */
  async answeredFlags(attemptId: string, m?: EntityManager): Promise<boolean[]> {
    const items = await this.itemRepo(m).find({
      where: { attemptId },
      order: { n: 'ASC' },
      select: { n: true, lockedAt: true },
    });
    return items.map((i) => i.lockedAt !== null);
  }

  /** Item n, locked for update until the transaction ends. */
  lockItem(attemptId: string, n: number, m: EntityManager): Promise<AttemptItem> {
    return m.getRepository(AttemptItem).findOneOrFail({ where: { attemptId, n }, lock: { mode: 'pessimistic_write' } });
  }

  /** Starts the item's clock if it has not started (it never restarts); returns when it started. */
  async markServed(itemId: string, m: EntityManager): Promise<Date | null> {
    await m.query('UPDATE attempt_items SET first_served_at = now() WHERE id = $1 AND first_served_at IS NULL', [
      itemId,
    ]);
    return (await this.itemRepo(m).findOneOrFail({ where: { id: itemId } })).firstServedAt;
  }

  async saveDraft(itemId: string, saved: ItemAnswer, m: EntityManager): Promise<void> {
    await this.itemRepo(m).update({ id: itemId }, { saved });
  }

  async lockAnswer(itemId: string, locked: LockedAnswer, m: EntityManager): Promise<void> {
    await this.itemRepo(m).update({ id: itemId }, locked);
  }

  /** Unanswered items of a finishing attempt score 0. */
  async scoreUnansweredZero(attemptId: string, m: EntityManager): Promise<void> {
    await m.query('UPDATE attempt_items SET score = 0 WHERE attempt_id = $1 AND locked_at IS NULL', [attemptId]);
  }

  // ---------------------------------------------------------------------------------------------- receipts

  findReceipt(attemptItemId: string, idempotencyKey: string, m?: EntityManager): Promise<ResponseReceipt | null> {
    return this.receiptRepo(m).findOne({ where: { attemptItemId, idempotencyKey } });
  }

  async insertReceipt(
    receipt: { attemptItemId: string; idempotencyKey: string; requestHash: string; result: ItemResponseResult },
    m: EntityManager,
  ): Promise<void> {
    await this.receiptRepo(m).insert(receipt);
  }

  // ---------------------------------------------------------------------------------------------- usage

  /** Attempts made at the assignment (an assignment with attempts is closed, never deleted). */
  attemptCountAt(assignmentId: string, m?: EntityManager): Promise<number> {
    return this.attemptRepo(m).count({ where: { assignmentId } });
  }

  /** Of these exercise versions, the ones drawn into any attempt. */
  async versionsDrawn(exerciseVersionIds: string[], m?: EntityManager): Promise<Set<string>> {
    if (!exerciseVersionIds.length) return new Set();
    const rows: Array<{ id: string }> = await (m ?? this.items.manager).query(
      `SELECT DISTINCT exercise_version_id AS id FROM attempt_items WHERE exercise_version_id = ANY($1::uuid[])`,
      [exerciseVersionIds],
    );
    return new Set(rows.map((row) => row.id));
  }

  /** Locked responses per exercise version. */
  async lockedResponsesByVersion(exerciseVersionIds: string[], m?: EntityManager): Promise<Map<string, number>> {
    if (!exerciseVersionIds.length) return new Map();
    const rows: Array<{ id: string; n: number }> = await (m ?? this.items.manager).query(
      `SELECT exercise_version_id AS id, count(*)::int AS n FROM attempt_items
        WHERE exercise_version_id = ANY($1::uuid[]) AND locked_at IS NOT NULL GROUP BY exercise_version_id`,
      [exerciseVersionIds],
    );
    return new Map(rows.map((row) => [row.id, row.n]));
  }
}

// The exam engine's data layer: attempts, their drawn items, and the receipts that make submitting idempotent.
import type { ItemAnswer, ItemResponseResult } from '@firstline/contracts';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { prepared } from '../common/sql/prepared';
import { Attempt, AttemptItem, ResponseReceipt } from './attempt.entity';

/** What locking an item's final answer writes. */
export type LockedAnswer = Pick<
  AttemptItem,
  'answer' | 'saved' | 'lockedAt' | 'late' | 'responseTimeMs' | 'score' | 'parts' | 'outcome'
>;

/** One item of an attempt recorded after the fact: when it was shown, and its final answer unless none was given. */
export interface HistoricalItemRow {
  n: number;
  exerciseVersionId: string;
  /** Null: never shown (the attempt's deadline came first). */
  firstServedAt: Date | null;
  locked: LockedAnswer | null;
}

// The exam's hot path (every item served, every answer) reads attempts and items with these plain statements rather
// than built queries: the same rows, mapped to the entities' field names by the column aliases.
const ATTEMPT_FIELDS: Record<Exclude<keyof Attempt, 'assignment'>, string> = {
  id: 'id',
  assignmentId: 'assignment_id',
  userId: 'user_id',
  status: 'status',
  itemCount: 'item_count',
  startedAt: 'started_at',
  deadline: 'deadline',
  finishedAt: 'finished_at',
  score: 'score',
  passed: 'passed',
};
const ATTEMPT_COLUMNS = Object.entries(ATTEMPT_FIELDS)
  .map(([field, column]) => `${column} AS "${field}"`)
  .join(', ');
/** The attempt's columns beside its items' in one row: prefixed, and picked out by attemptOf. */
const PREFIXED_ATTEMPT_COLUMNS = Object.entries(ATTEMPT_FIELDS)
  .map(([field, column]) => `a.${column} AS "attempt.${field}"`)
  .join(', ');
const attemptOf = (row: Record<string, unknown>) =>
  Object.fromEntries(
    Object.keys(ATTEMPT_FIELDS).map((field) => [field, row[`attempt.${field}`]]),
  ) as unknown as Attempt;
const ITEM_COLUMNS = `i.id, i.attempt_id AS "attemptId", i.n, i.exercise_version_id AS "exerciseVersionId",
  i.first_served_at AS "firstServedAt", i.saved, i.answer, i.locked_at AS "lockedAt", i.late,
  i.response_time_ms AS "responseTimeMs", i.score, i.parts, i.outcome`;

/** A jsonb parameter: JSON text, or SQL NULL for null (pg would send a JS array as a PostgreSQL array). */
const jsonb = (value: unknown) => (value === null ? null : JSON.stringify(value));

// The statements of serving and answering an item, prepared on each connection (common/sql/prepared.ts).
const ATTEMPT = prepared(`SELECT ${ATTEMPT_COLUMNS} FROM attempts WHERE id = $1`);
const ATTEMPT_FOR_UPDATE = prepared(`SELECT ${ATTEMPT_COLUMNS} FROM attempts WHERE id = $1 FOR UPDATE`);
const ATTEMPT_WITH_ITEMS = prepared(
  `SELECT ${PREFIXED_ATTEMPT_COLUMNS}, ${ITEM_COLUMNS}
     FROM attempts a LEFT JOIN attempt_items i ON i.attempt_id = a.id AND i.n <= $2
    WHERE a.id = $1 ORDER BY i.n`,
);
const LOCK_ITEM = prepared(
  `SELECT ${ITEM_COLUMNS}, r.request_hash AS "receiptHash", r.result AS "receiptResult"
     FROM attempt_items i
     LEFT JOIN response_receipts r ON r.attempt_item_id = i.id AND r.idempotency_key = $3
    WHERE i.attempt_id = $1 AND i.n = $2
      FOR UPDATE OF i`,
);
const MARK_SERVED = prepared(
  `WITH served AS (
     UPDATE attempt_items SET first_served_at = coalesce(first_served_at, now()) WHERE id = $1
     RETURNING first_served_at)
   SELECT first_served_at AS "firstServedAt" FROM served`,
);
const LOCK_ANSWER = prepared(
  `WITH locked AS (
     UPDATE attempt_items SET answer = $2, saved = $3, locked_at = $4, late = $5, response_time_ms = $6, score = $7,
            parts = $8, outcome = $9
      WHERE id = $1)
   INSERT INTO response_receipts (attempt_item_id, idempotency_key, request_hash, result) VALUES ($1, $10, $11, $12)`,
);
const INSERT_RECEIPT = prepared(
  'INSERT INTO response_receipts (attempt_item_id, idempotency_key, request_hash, result) VALUES ($1, $2, $3, $4)',
);

/** What a receipt records of an accepted response: its key, the hash of its body, and the result returned. */
export interface Receipt {
  idempotencyKey: string;
  requestHash: string;
  result: ItemResponseResult;
}

/** An item locked for an answer, with the receipt of this idempotency key if the key was used before. */
export interface LockedItem {
  item: AttemptItem;
  receipt: Pick<ResponseReceipt, 'requestHash' | 'result'> | null;
}

@Injectable()
export class AttemptsRepository {
  constructor(
    @InjectRepository(Attempt) private readonly attempts: Repository<Attempt>,
    @InjectRepository(AttemptItem) private readonly items: Repository<AttemptItem>,
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

  // ---------------------------------------------------------------------------------------------- attempts

  /** Serialises starts of one trainee at one assignment until the transaction ends (two tabs pressing Start). */
  async lockStart(assignmentId: string, userId: string, m: EntityManager): Promise<void> {
    await m.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`attempt-start:${assignmentId}:${userId}`]);
  }

  /** The attempt; with `lock`, locked for update until the transaction ends. */
  async findAttempt(id: string, m?: EntityManager, lock = false): Promise<Attempt | null> {
    const rows: Attempt[] = await (m ?? this.attempts.manager).query(lock ? ATTEMPT_FOR_UPDATE : ATTEMPT, [id]);
    return rows[0] ?? null;
  }

  /**
   * The attempt with its items 1 to `throughN` in order (fewer when it has fewer), in one statement: serving an item
   * needs the item and those before it.
   */
  async attemptWithItems(id: string, throughN: number): Promise<{ attempt: Attempt; items: AttemptItem[] } | null> {
    const rows: Array<Record<string, unknown>> = await this.attempts.manager.query(ATTEMPT_WITH_ITEMS, [id, throughN]);
    if (!rows.length) return null;
    const items = rows
      .filter((row) => row.id !== null)
      .map((row) => {
        const item: Record<string, unknown> = {};
        for (const key in row) if (!key.startsWith('attempt.')) item[key] = row[key];
        return item as unknown as AttemptItem;
      });
    return { attempt: attemptOf(rows[0]), items };
  }

  attemptOrFail(id: string, m?: EntityManager): Promise<Attempt> {
    return this.attemptRepo(m).findOneOrFail({ where: { id } });
  }

  openAttempt(assignmentId: string, userId: string, m?: EntityManager): Promise<Attempt | null> {
    return this.attemptRepo(m).findOne({ where: { assignmentId, userId, status: 'in-progress' } });
  }

  /** A trainee's attempts in progress, at any assignment. */
  openAttemptsOf(userId: string, m?: EntityManager): Promise<Attempt[]> {
    return this.attemptRepo(m).find({ where: { userId, status: 'in-progress' } });
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

  /**
   * A finished attempt with its items as they were answered, times and all (the history recorder's). Unanswered items
   * score 0, as the finisher leaves them.
   */
  async insertFinishedAttempt(
    fields: Pick<Attempt, 'assignmentId' | 'userId' | 'startedAt' | 'deadline' | 'finishedAt' | 'score' | 'passed'>,
    rows: HistoricalItemRow[],
    m: EntityManager,
  ): Promise<{ attempt: Attempt; items: AttemptItem[] }> {
    const attempts = this.attemptRepo(m);
    // Inserted with its own started_at (the column's default is the insert time).
    const inserted = await attempts.insert({ ...fields, status: 'finished', itemCount: rows.length });
    const attempt = await attempts.findOneOrFail({ where: { id: inserted.identifiers[0].id as string } });
    const items = rows.map((row) =>
      this.itemRepo(m).create({
        attemptId: attempt.id,
        n: row.n,
        exerciseVersionId: row.exerciseVersionId,
        firstServedAt: row.firstServedAt,
        ...(row.locked ?? {
          answer: null,
          saved: null,
          lockedAt: null,
          late: false,
          responseTimeMs: null,
          parts: null,
          outcome: null,
        }),
        score: row.locked?.score ?? 0,
      }),
    );
    await this.itemRepo(m).insert(items);
    return { attempt, items };
  }

  // ---------------------------------------------------------------------------------------------- items

  itemsOf(attemptId: string, m?: EntityManager): Promise<AttemptItem[]> {
    return (m ?? this.items.manager).query(
      `SELECT ${ITEM_COLUMNS} FROM attempt_items i WHERE i.attempt_id = $1 ORDER BY i.n`,
      [attemptId],
    );
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

  /** Item n, locked for update until the transaction ends, with the receipt of `idempotencyKey` if there is one. */
  async lockItem(attemptId: string, n: number, idempotencyKey: string, m: EntityManager): Promise<LockedItem> {
    const [row] = (await m.query(LOCK_ITEM, [attemptId, n, idempotencyKey])) as Array<
      AttemptItem & { receiptHash: string | null; receiptResult: object | null }
    >;
    if (!row) throw new Error(`attempt ${attemptId} has no item ${n}`);
    const { receiptHash, receiptResult, ...item } = row;
    return { item, receipt: receiptHash === null ? null : { requestHash: receiptHash, result: receiptResult! } };
  }

  /** Starts the item's clock if it has not started (it never restarts); returns when it started. */
  async markServed(itemId: string, m?: EntityManager): Promise<Date> {
    const [row] = (await (m ?? this.items.manager).query(MARK_SERVED, [itemId])) as Array<{ firstServedAt: Date }>;
    return row.firstServedAt;
  }

  async saveDraft(itemId: string, saved: ItemAnswer, m: EntityManager): Promise<void> {
    await this.itemRepo(m).update({ id: itemId }, { saved });
  }

  /** Locks the item's final answer and stores the receipt of the request that gave it, in one statement. */
  async lockAnswer(itemId: string, locked: LockedAnswer, receipt: Receipt, m: EntityManager): Promise<void> {
    await m.query(LOCK_ANSWER, [
      itemId,
      jsonb(locked.answer),
      jsonb(locked.saved),
      locked.lockedAt,
      locked.late,
      locked.responseTimeMs,
      locked.score,
      jsonb(locked.parts),
      locked.outcome,
      receipt.idempotencyKey,
      receipt.requestHash,
      jsonb(receipt.result),
    ]);
  }

  /** Unanswered items of a finishing attempt score 0. */
  async scoreUnansweredZero(attemptId: string, m: EntityManager): Promise<void> {
    await m.query('UPDATE attempt_items SET score = 0 WHERE attempt_id = $1 AND locked_at IS NULL', [attemptId]);
  }

  // ---------------------------------------------------------------------------------------------- receipts

  async insertReceipt(itemId: string, receipt: Receipt, m: EntityManager): Promise<void> {
    await m.query(INSERT_RECEIPT, [itemId, receipt.idempotencyKey, receipt.requestHash, jsonb(receipt.result)]);
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

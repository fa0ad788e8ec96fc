// An exam day in miniature for the fault specs: an assessment seeded through the API of a running server (one image,
// exercises, a module, a cohort of imported officers, an assignment), officers who each start an attempt, fetch
// every item in order and answer it with an Idempotency-Key of its own — retrying a network error or a 5xx with the
// SAME key, as the player's outbox does — and a check of the database against every acknowledgement they received.
import { randomUUID } from 'node:crypto';
import type { ExerciseParts, ExerciseTruth, ItemAnswer } from '@firstline/contracts';
import { Client } from 'pg';
import sharp from 'sharp';
import { LATE_GRACE_MS } from '../src/attempts/attempts.service';
import { attemptResults, scoreAnswer, sidesOf } from '../src/attempts/scoring';
import { DEMO_PASSWORD } from './utils';

/** Where the officers send requests; `base` changes when a restarted server listens on another port. */
export interface Target {
  base: string;
}

export interface Answer {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON of many shapes; asserted field by field
  headers: Headers;
}

/** One JSON request; throws on a network error (refused, reset, timed out). */
export async function call(
  target: Target,
  method: string,
  p: string,
  opts: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const res = await fetch(`${target.base}${p}`, {
    method,
    headers: {
      ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
      ...opts.headers,
    },
    body: opts.body !== undefined ? JSON.stringify(opts.body) : undefined,
    signal: AbortSignal.timeout(30_000),
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    /* not JSON: kept as text */
  }
  return { status: res.status, body, headers: res.headers };
}

/** Polls `probe` every 100 ms until it returns a value, or fails naming `what` after `ms`. */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false>,
  ms: number,
): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await probe().catch(() => null);
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export interface ExamSeed {
  assignmentId: string;
  itemCount: number;
  timePerItemSeconds: number;
  passMark: number;
  officers: Array<{ username: string; password: string }>;
}

// The longest time an item allows: an answer held up by a killed server or a stopped database must not be late.
const TIME_PER_ITEM_SECONDS = 3600;
const PASS_MARK = 60;

/** The instructor's side, over HTTP: an assessment of `items` exercises assigned to a new cohort of `officers`. */
export async function seedAssessment(
  target: Target,
  { label, officers, items }: { label: string; officers: number; items: number },
): Promise<ExamSeed> {
  const ok = (res: Answer, status: number, what: string) => {
    if (res.status !== status) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const login = ok(
    await call(target, 'POST', '/api/auth/login', { body: { username: 'instructor1', password: DEMO_PASSWORD } }),
    200,
    'instructor sign-in',
  );
  const token = login.accessToken as string;

  const specimen = ok(
    await call(target, 'POST', '/api/specimens', {
      token,
      body: { title: `${label}: exam document`, issuingState: 'UTO', documentType: 'TD3' },
    }),
    201,
    'specimen',
  );
  const form = new FormData();
  form.append('side', 'data-page');
  form.append('light', 'visible');
  const jpeg = await sharp({ create: { width: 640, height: 450, channels: 3, background: '#e8e2d0' } })
    .jpeg()
    .toBuffer();
  form.append('file', new Blob([jpeg], { type: 'image/jpeg' }), 'scan.jpg');
  const uploaded = await fetch(`${target.base}/api/specimens/${specimen.id}/images`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  if (uploaded.status !== 202) throw new Error(`upload: ${uploaded.status} ${await uploaded.text()}`);
  const assetId = ((await uploaded.json()) as { asset: { id: string } }).asset.id;
  const processed = await waitFor(
    'the exam image to be processed',
    async () => {
      const media = (await call(target, 'GET', `/api/media/${assetId}`, { token })).body;
      return ['ready', 'failed'].includes(media.status) && media;
    },
    60_000,
  );
  if (processed.status !== 'ready') throw new Error(`the exam image failed: ${JSON.stringify(processed)}`);

  const exerciseIds: string[] = [];
  for (let i = 0; i < items; i++) {
    const genuine = i % 2 === 1;
    const created = ok(
      await call(target, 'POST', '/api/exercises', {
        token,
        body: {
          title: `${label} exercise ${i + 1}`,
          issuingState: 'UTO',
          documentType: 'TD3',
          parts: { locate: { maxPoints: 3 }, fraudType: true, features: false, mrz: false },
          images: [{ side: 'data-page', light: 'visible', frame: 1, assetId }],
          truth: {
            verdict: genuine ? 'genuine' : 'fraudulent',
            fraudType: genuine ? 'genuine' : 'forged:data-alteration',
            regions: genuine
              ? []
              : [
                  {
                    side: 'data-page',
                    polygon: [
                      [0.4, 0.3],
                      [0.7, 0.3],
                      [0.7, 0.36],
                      [0.4, 0.36],
                    ],
                    features: [],
                    lights: ['visible'],
                  },
                ],
            explanation: `Explanation ${i + 1}`,
          },
        },
      }),
      201,
      'exercise',
    );
    exerciseIds.push(created.id);
  }
  const mod = ok(
    await call(target, 'POST', '/api/modules', {
      token,
      body: {
        title: `${label} assessment`,
        exerciseIds,
        settings: {
          mode: 'assessment',
          feedback: 'after-finish',
          timePerItemSeconds: TIME_PER_ITEM_SECONDS,
          passMark: PASS_MARK,
          attemptsAllowed: 1,
        },
      },
    }),
    201,
    'module',
  );
  const published = ok(await call(target, 'POST', `/api/modules/${mod.id}/publish`, { token }), 200, 'publish');

  const cohorts = ok(await call(target, 'GET', '/api/cohorts', { token }), 200, 'cohorts') as Array<{
    unitId: string;
  }>;
  const cohortName = `${label} shift`;
  const cohort = ok(
    await call(target, 'POST', '/api/cohorts', { token, body: { name: cohortName, unitId: cohorts[0].unitId } }),
    201,
    'cohort',
  );
  const prefix = `${label.replace(/[^A-Za-z0-9]/g, '').slice(0, 12)}-${randomUUID().slice(0, 4)}`;
  const csv = [
    'service_number,name,unit,cohort,language',
    ...Array.from({ length: officers }, (_, i) => `${prefix}-${i + 1},Officer ${i + 1},ISB-IMM,${cohortName},en`),
  ].join('\n');
  const csvForm = new FormData();
  csvForm.append('file', new Blob([csv], { type: 'text/csv' }), 'officers.csv');
  const imported = await fetch(`${target.base}/api/users/import`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: csvForm,
  });
  const importBody = (await imported.json()) as { users: Array<{ username: string; initialPassword: string }> };
  if (imported.status !== 201) throw new Error(`import: ${imported.status} ${JSON.stringify(importBody)}`);

  const assigned = ok(
    await call(target, 'POST', '/api/assignments', {
      token,
      body: {
        moduleVersionId: published.publishedVersion.id,
        cohortId: cohort.id,
        opensAt: new Date(Date.now() - 60_000).toISOString(),
      },
    }),
    201,
    'assignment',
  );
  return {
    assignmentId: assigned.id,
    itemCount: items,
    timePerItemSeconds: TIME_PER_ITEM_SECONDS,
    passMark: PASS_MARK,
    officers: importBody.users.map((u) => ({ username: u.username, password: u.initialPassword })),
  };
}

/** The answer an officer gives to item n: refer the odd ones (pointing at the altered field), accept the even. */
export function answerFor(n: number): {
  decision: 'accept' | 'refer';
  fraudType?: string;
  points?: Array<{ side: string; x: number; y: number }>;
  final: true;
} {
  return n % 2
    ? {
        decision: 'refer',
        fraudType: 'forged:data-alteration',
        points: [{ side: 'data-page', x: 0.5, y: 0.33 }],
        final: true,
      }
    : { decision: 'accept', final: true };
}

/** An answer the server acknowledged (2xx), with what the officer knew of the item's clock. */
export interface Ack {
  username: string;
  attemptId: string;
  n: number;
  key: string;
  result: { n: number; status: string; late: boolean; receivedAt: string; responseTimeMs: number; feedback: unknown };
  /** Client clock: when the item was first asked for, and when the acknowledgement arrived. */
  askedAt: number;
  ackedAt: number;
}

/** What the officers saw: acknowledgements, every firstServedAt each item was presented with, every status. */
export class Ledger {
  readonly acks: Ack[] = [];
  readonly presented = new Map<string, Set<string>>(); // `${attemptId}/${n}` → firstServedAt values seen
  readonly attempts = new Map<string, string>(); // username → attempt id
  readonly statuses = new Map<number, number>(); // HTTP status → count (0: network error)
  readonly errorBodies: Answer[] = [];
  /** Requests that got no answer at all: what was asked, and why (the cause's code). */
  readonly networkErrors: string[] = [];
  finished = 0;

  count(status: number): void {
    this.statuses.set(status, (this.statuses.get(status) ?? 0) + 1);
  }

  statusCounts(): Record<string, number> {
    return Object.fromEntries([...this.statuses].sort(([a], [b]) => a - b).map(([s, c]) => [String(s), c]));
  }
}

/** What the officers do when the server is unreachable or answers 5xx: the same request again, shortly. */
const RETRY_MS = 100;
const GIVE_UP_MS = 90_000;

async function retrying(target: Target, ledger: Ledger, what: string, send: () => Promise<Answer>): Promise<Answer> {
  const until = Date.now() + GIVE_UP_MS;
  for (;;) {
    let res: Answer | null = null;
    try {
      res = await send();
      ledger.count(res.status);
    } catch (err) {
      ledger.count(0); // refused, reset, or the server died with the request in hand
      const { message, cause } = err as Error & { cause?: { code?: string; message?: string } };
      ledger.networkErrors.push(`${what}: ${message} (${cause?.code ?? cause?.message ?? 'no cause'})`);
    }
    if (res && res.status < 500 && res.status !== 408 && res.status !== 429) return res;
    if (res && res.status >= 500) ledger.errorBodies.push(res);
    if (Date.now() > until)
      throw new Error(`${what}: gave up after ${GIVE_UP_MS} ms (last: ${res?.status ?? 'network'})`);
    await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
  }
}

export interface OfficerOptions {
  /** Called after each acknowledged answer (the spec's moment to kill or stop something). */
  onAck?: (ack: Ack) => void | Promise<void>;
}

/** One officer's exam: sign in, start, every item in order, answer it, finish. Throws on anything but 2xx. */
export async function takeExam(
  target: Target,
  seed: ExamSeed,
  officer: { username: string; password: string },
  ledger: Ledger,
  options: OfficerOptions = {},
): Promise<void> {
  const must = (res: Answer, what: string) => {
    if (res.status >= 300) throw new Error(`${officer.username} ${what}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const login = must(
    await retrying(target, ledger, 'sign-in', () =>
      call(target, 'POST', '/api/auth/login', { body: { username: officer.username, password: officer.password } }),
    ),
    'sign-in',
  );
  const token = login.accessToken as string;
  // Starting again returns the attempt in progress (200), so a retried start makes no second attempt.
  const attempt = must(
    await retrying(target, ledger, 'start', () =>
      call(target, 'POST', '/api/attempts', { token, body: { assignmentId: seed.assignmentId } }),
    ),
    'start',
  );
  ledger.attempts.set(officer.username, attempt.id);
  for (let n = 1; n <= attempt.itemCount; n++) {
    const askedAt = Date.now();
    const fetchItem = async () => {
      const item = must(
        await retrying(target, ledger, `item ${n}`, () =>
          call(target, 'GET', `/api/attempts/${attempt.id}/items/${n}`, { token }),
        ),
        `item ${n}`,
      );
      const seen = ledger.presented.get(`${attempt.id}/${n}`) ?? new Set<string>();
      seen.add(item.firstServedAt);
      ledger.presented.set(`${attempt.id}/${n}`, seen);
    };
    await fetchItem();
    const key = `${officer.username}-${n}-${randomUUID()}`;
    const put = () =>
      call(target, 'PUT', `/api/attempts/${attempt.id}/items/${n}/response`, {
        token,
        body: answerFor(n),
        headers: { 'idempotency-key': key },
      });
    const result = must(await retrying(target, ledger, `answer ${n}`, put), `answer ${n}`);
    const ack: Ack = {
      username: officer.username,
      attemptId: attempt.id,
      n,
      key,
      result,
      askedAt,
      ackedAt: Date.now(),
    };
    ledger.acks.push(ack);
    await options.onAck?.(ack);
    // As the player does after a reload: the answered item, presented again, keeps its clock.
    await fetchItem();
  }
  must(
    await retrying(target, ledger, 'finish', () =>
      call(target, 'POST', `/api/attempts/${attempt.id}/finish`, { token }),
    ),
    'finish',
  );
  ledger.finished++;
}

interface ItemRow {
  id: string;
  attempt_id: string;
  n: number;
  exercise_version_id: string;
  first_served_at: Date | null;
  locked_at: Date | null;
  answer: ItemAnswer | null;
  late: boolean;
  response_time_ms: number | null;
  score: number | null;
  truth: ExerciseTruth;
  parts: ExerciseParts;
  images: Array<{ side: 'data-page' }>;
}

/** First-served times of every item of the seed's attempts, now (to compare after a restart). */
export async function servedTimes(pg: Client, seed: ExamSeed): Promise<Map<string, number>> {
  const { rows } = await pg.query<{ attempt_id: string; n: number; first_served_at: Date }>(
    `SELECT i.attempt_id, i.n, i.first_served_at FROM attempt_items i JOIN attempts a ON a.id = i.attempt_id
      WHERE a.assignment_id = $1 AND i.first_served_at IS NOT NULL`,
    [seed.assignmentId],
  );
  return new Map(rows.map((r) => [`${r.attempt_id}/${r.n}`, r.first_served_at.getTime()]));
}

/**
 * The database against what the officers were told: every acknowledged answer stored once, with its receipt;
 * attempts whole and scored as re-scoring says; each item's clock as it was first started.
 */
export async function expectExamIntact(pg: Client, seed: ExamSeed, ledger: Ledger): Promise<void> {
  const officers = seed.officers.length;
  expect(ledger.finished).toBe(officers);
  expect(ledger.acks).toHaveLength(officers * seed.itemCount);

  // One attempt per officer (a retried start made no second one), finished, with all its items.
  const attempts = (
    await pg.query<{
      id: string;
      username: string;
      status: string;
      item_count: number;
      score: number;
      passed: boolean;
    }>(
      `SELECT a.id, u.username, a.status, a.item_count, a.score, a.passed FROM attempts a JOIN users u ON u.id = a.user_id
        WHERE a.assignment_id = $1`,
      [seed.assignmentId],
    )
  ).rows;
  expect(attempts).toHaveLength(officers);
  expect(new Set(attempts.map((a) => a.username)).size).toBe(officers);
  for (const a of attempts) {
    expect(ledger.attempts.get(a.username)).toBe(a.id);
    expect(a).toMatchObject({ status: 'finished', item_count: seed.itemCount });
  }

  const items = (
    await pg.query<ItemRow>(
      `SELECT i.id, i.attempt_id, i.n, i.exercise_version_id, i.first_served_at, i.locked_at, i.answer, i.late,
              i.response_time_ms, i.score, v.truth, v.parts, v.images
         FROM attempt_items i JOIN attempts a ON a.id = i.attempt_id JOIN exercise_versions v ON v.id = i.exercise_version_id
        WHERE a.assignment_id = $1 ORDER BY i.attempt_id, i.n`,
      [seed.assignmentId],
    )
  ).rows;
  expect(items).toHaveLength(officers * seed.itemCount);
  const byAttempt = new Map<string, ItemRow[]>();
  for (const item of items) byAttempt.set(item.attempt_id, [...(byAttempt.get(item.attempt_id) ?? []), item]);
  for (const [, rows] of byAttempt) {
    expect(rows.map((r) => r.n)).toEqual(Array.from({ length: seed.itemCount }, (_, i) => i + 1));
    expect(new Set(rows.map((r) => r.exercise_version_id)).size).toBe(seed.itemCount); // each exercise drawn once
  }
  const itemAt = new Map(items.map((i) => [`${i.attempt_id}/${i.n}`, i]));

  // Exactly one receipt per answered item: the one whose key was acknowledged, holding what was acknowledged.
  const receipts = (
    await pg.query<{ attempt_id: string; n: number; idempotency_key: string; result: Ack['result'] }>(
      `SELECT i.attempt_id, i.n, r.idempotency_key, r.result FROM response_receipts r
         JOIN attempt_items i ON i.id = r.attempt_item_id JOIN attempts a ON a.id = i.attempt_id
        WHERE a.assignment_id = $1`,
      [seed.assignmentId],
    )
  ).rows;
  expect(receipts).toHaveLength(ledger.acks.length);
  const receiptAt = new Map(receipts.map((r) => [`${r.attempt_id}/${r.n}`, r]));
  expect(receiptAt.size).toBe(receipts.length);

  for (const ack of ledger.acks) {
    const at = `${ack.attemptId}/${ack.n}`;
    const item = itemAt.get(at)!;
    const { final: _final, ...sent } = answerFor(ack.n);
    expect({ at, answer: item.answer }).toEqual({ at, answer: expect.objectContaining(sent) });
    expect(item.locked_at).not.toBeNull();
    expect(receiptAt.get(at)).toEqual({
      attempt_id: ack.attemptId,
      n: ack.n,
      idempotency_key: ack.key,
      result: ack.result,
    });
    expect(ack.result).toMatchObject({ n: ack.n, status: 'locked' });

    // The clock: started once (every presentation, before and after any restart, said the same), and the response
    // time is exactly first served → received, within what the officer's own clock allows.
    const served = item.first_served_at!.getTime();
    expect({ at, presented: [...ledger.presented.get(at)!] }).toEqual({
      at,
      presented: [item.first_served_at!.toISOString()],
    });
    expect(ack.result.receivedAt).toBe(item.locked_at!.toISOString());
    expect(item.response_time_ms).toBe(ack.result.responseTimeMs);
    expect(item.response_time_ms).toBe(item.locked_at!.getTime() - served);
    expect(item.response_time_ms).toBeGreaterThanOrEqual(0);
    // Same machine, same clock: served after it was asked for, received before it was acknowledged (1 ms rounding).
    expect(served).toBeGreaterThanOrEqual(ack.askedAt - 1);
    expect(item.locked_at!.getTime()).toBeLessThanOrEqual(ack.ackedAt + 1);
    const late = item.response_time_ms! > seed.timePerItemSeconds * 1000 + LATE_GRACE_MS;
    expect({ at, late: item.late }).toEqual({ at, late });
    expect(ack.result.late).toBe(late);
    expect(late).toBe(false); // the time allowed is an hour: nothing here was late

    // The stored score is the one scoring the stored answer gives.
    const scored = scoreAnswer(item.truth, item.parts, sidesOf(item.images), item.answer!);
    expect({ at, score: item.score }).toEqual({ at, score: item.late ? 0 : scored.score });
  }

  // Each attempt's score is what re-scoring its items gives; the reports' facts agree, one per item.
  for (const a of attempts) {
    const rows = byAttempt.get(a.id)!;
    const results = attemptResults(
      rows.map((r) => ({
        truth: r.truth,
        answer: r.answer,
        score: r.locked_at ? (r.score ?? 0) : 0,
        late: r.late,
        responseTimeMs: r.response_time_ms,
      })),
      seed.passMark,
    );
    expect({ attempt: a.id, score: a.score, passed: a.passed }).toEqual({
      attempt: a.id,
      score: results.score,
      passed: results.passed,
    });
  }
  const facts = (
    await pg.query<{ attempt_id: string; items: number; answered: number; score: number | null }>(
      `SELECT f.attempt_id, f.score,
              (SELECT count(*)::int FROM report_item_facts i WHERE i.attempt_id = f.attempt_id) AS items,
              (SELECT count(*)::int FROM report_item_facts i WHERE i.attempt_id = f.attempt_id AND i.decision IS NOT NULL) AS answered
         FROM report_attempt_facts f WHERE f.assignment_id = $1`,
      [seed.assignmentId],
    )
  ).rows;
  expect(facts).toHaveLength(officers);
  for (const f of facts) {
    const attempt = attempts.find((a) => a.id === f.attempt_id)!;
    expect(f).toEqual({
      attempt_id: attempt.id,
      score: attempt.score,
      items: seed.itemCount,
      answered: seed.itemCount,
    });
  }
}

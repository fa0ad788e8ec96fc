// The exam engine end to end on real PostgreSQL, with real forge content through the real media pipeline:
// a trainee takes a practice module and a timed assessment — start, presentations, autosave, answers, a repeated
// submit with the same Idempotency-Key, a reload-style resume, late answers, finish, review — and nothing a trainee
// receives before an item is locked carries its truth.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Client } from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { UrlSigner } from '../src/media/signing';
import { DemoContentService } from '../src/seed';
import { bearer, signIn, testApp } from './utils';

jest.setTimeout(240_000);

const TRUTH_KEYS = [
  'verdict',
  'regions',
  'explanation',
  'truth',
  'correctDecision',
  'polygon',
  'operation',
  'tags',
  'difficulty',
  'exerciseId',
  'exerciseVersionId',
  'specimenId',
  'featureOptions',
];

/** Every key path in a JSON value (array indices collapsed), for comparing shapes. */
function keyPaths(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((v) => keyPaths(v, `${prefix}[]`));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => [`${prefix}.${k}`, ...keyPaths(v, `${prefix}.${k}`)]);
  return [];
}

function assertNoTruth(
  body: unknown,
  where: string,
  truth?: { fraudType: string; explanation: string; title?: string; versionId?: string; exerciseId?: string },
): void {
  const paths = keyPaths(body);
  for (const key of TRUTH_KEYS) {
    const hit = paths.find((p) => p.endsWith(`.${key}`));
    if (hit) throw new Error(`${where}: carries ${hit}`);
  }
  // `feedback` as a policy name ('after-item') is fine; as an object it is an item's truth.
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) return v.forEach(walk);
    if (!v || typeof v !== 'object') return;
    for (const [k, child] of Object.entries(v)) {
      if (k === 'feedback' && child && typeof child === 'object')
        throw new Error(`${where}: feedback before the item is locked`);
      walk(child);
    }
  };
  walk(body);
  if (truth) {
    const text = JSON.stringify(body);
    expect(text.includes(truth.explanation)).toBe(false);
    // The exercise's title (which names its fraud type) stays with the instructors.
    if (truth.title) expect(text.includes(truth.title)).toBe(false);
    // Nor which exercise it is: ids would let answers be shared between trainees.
    if (truth.versionId) expect(text.includes(truth.versionId)).toBe(false);
    if (truth.exerciseId) expect(text.includes(truth.exerciseId)).toBe(false);
    // The item's fraud type may appear only inside the option list every item carries.
    const withoutOptions = JSON.stringify(body, (k, v) => (k === 'options' ? undefined : v));
    if (truth.fraudType !== 'genuine') expect(withoutOptions.includes(`"${truth.fraudType}"`)).toBe(false);
  }
}

describe('attempts', () => {
  let app: NestExpressApplication;
  let db: DataSource;
  let trainee: string;
  let other: string;
  let instructor: string;
  const http = () => request(app.getHttpServer());
  const libraryDir = fs.mkdtempSync(path.join(os.tmpdir(), 'firstline-demo-lib-'));

  /** The truth of the exercise behind item n of an attempt, read straight from the database. */
  async function truthOf(
    attemptId: string,
    n: number,
  ): Promise<{
    verdict: string;
    fraudType: string;
    explanation: string;
    title: string;
    versionId: string;
    exerciseId: string;
  }> {
    const [row] = await db.query(
      `SELECT v.truth, v.title, v.id AS "versionId", v.exercise_id AS "exerciseId" FROM attempt_items i JOIN exercise_versions v ON v.id = i.exercise_version_id WHERE i.attempt_id = $1 AND i.n = $2`,
      [attemptId, n],
    );
    return { ...row.truth, title: row.title, versionId: row.versionId, exerciseId: row.exerciseId };
  }

  /**
   * The statements sent to PostgreSQL while `work` runs whose parameters name one of `ids`, and the transactions
   * around them: a BEGIN whose next statement on the same connection names one, a COMMIT whose statement before it
   * does. The API's background workers poll (in transactions of their own) meanwhile and are left out.
   */
  async function statementsOf(
    ids: string[],
    work: () => Promise<unknown>,
  ): Promise<{ statements: string[]; unprepared: string[]; begun: number; committed: number }> {
    const sent: Array<{ client: Client; text: string; named: boolean; prepared: boolean }> = [];
    const query = Client.prototype.query;
    Client.prototype.query = function (this: Client, ...args: unknown[]) {
      const [config, values] = args as [string | { text: string; name?: string; values?: unknown[] }, unknown];
      const text = typeof config === 'string' ? config : config.text;
      const params = (typeof config === 'string' ? values : config.values) ?? [];
      const named = Array.isArray(params) && params.some((v) => ids.includes(v as string));
      sent.push({ client: this, text: text.trim(), named, prepared: typeof config !== 'string' && !!config.name });
      return (query as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof Client.prototype.query;
    try {
      await work();
    } finally {
      Client.prototype.query = query;
    }
    const onSameClient = sent.map((s) => sent.filter((t) => t.client === s.client));
    const next = (i: number) => onSameClient[i][onSameClient[i].indexOf(sent[i]) + 1];
    const previous = (i: number) => onSameClient[i][onSameClient[i].indexOf(sent[i]) - 1];
    return {
      statements: sent.filter((s) => s.named).map((s) => s.text),
      unprepared: sent.filter((s) => s.named && !s.prepared).map((s) => s.text),
      begun: sent.filter((s, i) => s.text === 'START TRANSACTION' && next(i)?.named).length,
      committed: sent.filter((s, i) => s.text === 'COMMIT' && previous(i)?.named).length,
    };
  }

  /** The ids an attempt's statements are sent with: the attempt's, its trainee's and its items'. */
  async function idsOf(attemptId: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await db.query(
      `SELECT id FROM attempts WHERE id = $1 UNION ALL SELECT user_id FROM attempts WHERE id = $1
       UNION ALL SELECT id FROM attempt_items WHERE attempt_id = $1`,
      [attemptId],
    );
    return rows.map((row) => row.id);
  }

  const put = (token: string, attemptId: string, n: number, key: string, body: object) =>
    http()
      .put(`/api/attempts/${attemptId}/items/${n}/response`)
      .set(bearer(token))
      .set('Idempotency-Key', key)
      .send(body);
  const final = (decision: 'accept' | 'refer', extra: object = {}) => ({ decision, final: true, ...extra });

  beforeAll(async () => {
    app = await testApp();
    db = app.get(DataSource);
    const report = await app
      .get(DemoContentService)
      .seed({ dir: libraryDir, dpi: 60, exercises: 16, log: () => undefined });
    expect(report.modulesCreated).toBe(8); // four per demo unit (ISB-IMM, LHE-IMM): modules belong to a unit
    trainee = await signIn(app, 'trainee05');
    other = await signIn(app, 'trainee06');
    instructor = await signIn(app, 'instructor1');
  });

  afterAll(async () => {
    await app.close();
    fs.rmSync(libraryDir, { recursive: true, force: true });
  });

  async function assignment(token: string, mode: 'practice' | 'assessment', title?: RegExp) {
    const res = await http().get('/api/me/assignments').set(bearer(token));
    expect(res.status).toBe(200);
    const found = res.body.find(
      (a: { module: { mode: string; title: string } }) =>
        a.module.mode === mode && (!title || title.test(a.module.title)),
    );
    expect(found).toBeDefined();
    return found;
  }

  it('seeding again changes nothing (idempotent)', async () => {
    const again = await app
      .get(DemoContentService)
      .seed({ dir: libraryDir, dpi: 60, exercises: 16, log: () => undefined });
    expect(again).toEqual({ exercisesCreated: 0, modulesCreated: 0, assignmentsCreated: 0 });
  });

  describe('a practice module', () => {
    // One trainee walks one practice attempt; each step below builds on the ones before it, in order.
    let practice: { id: string; status: string; module: { itemCount: number; hasLessons: boolean } };
    let attempt: { id: string };
    let first: {
      side: string;
      firstServedAt: string;
      images: Array<{ light: string; frame: number; urls: { variants: Record<string, string> } }>;
    };
    let truth: Awaited<ReturnType<typeof truthOf>>;
    let answer: ReturnType<typeof final>;
    let locked: request.Response;

    beforeAll(async () => {
      practice = await assignment(trainee, 'practice', /practice/);
    });

    it('is listed as not started, with twelve items and lessons', () => {
      expect(practice.status).toBe('not-started');
      expect(practice.module.itemCount).toBe(12);
      expect(practice.module.hasLessons).toBe(true);
    });

    it('serves the lessons: the six demo specimens, visible-light images and annotated features', async () => {
      const lessons = await http().get(`/api/assignments/${practice.id}/lessons`).set(bearer(trainee));
      expect(lessons.status).toBe(200);
      expect(lessons.body).toHaveLength(6);
      expect(new Set(lessons.body.map((l: { issuingState: string }) => l.issuingState))).toEqual(
        new Set(['UTO', 'ARC', 'BRG']),
      );
      for (const lesson of lessons.body) {
        expect(lesson.images.some((i: { light: string }) => i.light === 'visible')).toBe(true);
        expect(lesson.features.length).toBeGreaterThan(3);
      }
    });

    it('hides the lessons from a trainee outside the cohort', async () => {
      const outsider = await signIn(app, 'trainee13');
      expect((await http().get(`/api/assignments/${practice.id}/lessons`).set(bearer(outsider))).status).toBe(404);
    });

    it('starts an attempt (201) at the first item', async () => {
      const started = await http().post('/api/attempts').set(bearer(trainee)).send({ assignmentId: practice.id });
      expect(started.status).toBe(201);
      attempt = started.body;
      expect(attempt).toMatchObject({ status: 'in-progress', itemCount: 12, currentItem: 1, mode: 'practice' });
    });

    it('returns the same attempt (200) when started again, as from a second tab', async () => {
      const again = await http().post('/api/attempts').set(bearer(trainee)).send({ assignmentId: practice.id });
      expect(again.status).toBe(200);
      expect(again.body.id).toBe(attempt.id);
    });

    it('serves items in order', async () => {
      expect((await http().get(`/api/attempts/${attempt.id}/items/2`).set(bearer(trainee))).status).toBe(409);
    });

    it('hides the attempt from another trainee', async () => {
      expect((await http().get(`/api/attempts/${attempt.id}/items/1`).set(bearer(other))).status).toBe(404);
    });

    it('presents item 1 with its parts, the desk lights, the traveller and the check context', async () => {
      const res = await http().get(`/api/attempts/${attempt.id}/items/1`).set(bearer(trainee));
      expect(res.status).toBe(200);
      const p = res.body;
      expect(p).toMatchObject({ n: 1, itemCount: 12, locked: false, saved: null, timeAllowedSeconds: 60 });
      expect(p.parts.decision).toBe(true);
      expect(p.sides.length).toBeGreaterThan(0);
      expect(p.sides[0].images.map((i: { light: string }) => i.light)).toContain('visible');
      // The desk's lights, with the oblique light at each of its tilt angles; UV 254 is a second-line lamp.
      const frames = p.sides[0].images
        .filter((i: { light: string }) => i.light === 'oblique')
        .map((i: { frame: number }) => i.frame);
      expect(frames.sort()).toEqual([1, 2, 3]);
      expect(p.sides[0].images.some((i: { light: string }) => i.light === 'uv254')).toBe(false);
      expect(p.traveller).not.toBeNull();
      expect(p.context.referenceDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      first = { side: p.sides[0].side, firstServedAt: p.firstServedAt, images: p.sides[0].images };
    });

    it('signs image URLs that work without a bearer token and serve an image', async () => {
      const visible = first.images.find((i) => i.light === 'visible')!;
      const url = new URL(visible.urls.variants['640.webp'] ?? Object.values(visible.urls.variants)[0], 'http://x');
      const img = await http().get(url.pathname + url.search);
      expect(img.status).toBe(200);
      expect(img.headers['content-type']).toMatch(/^image\//);
    });

    it('signs attempt and lesson image URLs for MEDIA_URL_TTL (900 s by default, rounded up to the minute)', async () => {
      /** Seconds from now until the expiry sealed inside a signed URL's token. */
      const lifetime = (url: string) => {
        const token = /\/api\/media\/s\/([^/]+)\//.exec(url)![1];
        return app.get(UrlSigner).verify(token).exp - Date.now() / 1000;
      };
      const visible = first.images.find((i) => i.light === 'visible')!;
      const lessons = await http().get(`/api/assignments/${practice.id}/lessons`).set(bearer(trainee));
      const lessonUrls = lessons.body[0].images[0].urls as { dzi: string; expiresAt: string };
      for (const urls of [visible.urls as unknown as { dzi: string; expiresAt: string }, lessonUrls]) {
        expect(lifetime(urls.dzi)).toBeGreaterThan(900 - 5);
        expect(lifetime(urls.dzi)).toBeLessThanOrEqual(900 + 60);
        expect(Date.parse(urls.expiresAt) / 1000 - Date.now() / 1000).toBeCloseTo(lifetime(urls.dzi), 0);
      }
    });

    it('autosaves, and a reload keeps the clock and gives the saved answer back', async () => {
      const body = { decision: 'refer', points: [{ side: first.side, x: 0.5, y: 0.5 }], final: false };
      const auto = await put(trainee, attempt.id, 1, 'autosave-1-aaaa', body);
      expect(auto.status).toBe(200);
      expect(auto.body).toMatchObject({ status: 'saved', feedback: null });
      const reloaded = await http().get(`/api/attempts/${attempt.id}/items/1`).set(bearer(trainee));
      expect(reloaded.body.firstServedAt).toBe(first.firstServedAt);
      expect(reloaded.body.saved).toMatchObject({ decision: 'refer', points: [{ x: 0.5, y: 0.5 }] });
    });

    it('acknowledges the final answer with practice feedback', async () => {
      truth = await truthOf(attempt.id, 1);
      answer = final(truth.verdict === 'genuine' ? 'accept' : 'refer', {
        fraudType: truth.verdict === 'genuine' ? null : truth.fraudType,
      });
      locked = await put(trainee, attempt.id, 1, 'final-1-bbbbbbbb', answer);
      expect(locked.status).toBe(200);
      expect(locked.body.status).toBe('locked');
      expect(locked.body.responseTimeMs).toBeGreaterThanOrEqual(0);
      expect(locked.body.feedback).toMatchObject({
        verdict: truth.verdict,
        fraudType: truth.fraudType,
        explanation: truth.explanation,
      });
      expect(locked.body.feedback.score).toBeGreaterThan(0);
    });

    it('answers the same Idempotency-Key again with the same result and stores nothing twice', async () => {
      const receipts = async () =>
        (
          await db.query(
            `SELECT count(*)::int AS n FROM response_receipts r JOIN attempt_items i ON i.id = r.attempt_item_id WHERE i.attempt_id = $1`,
            [attempt.id],
          )
        )[0].n;
      const before = await receipts();
      const repeat = await put(trainee, attempt.id, 1, 'final-1-bbbbbbbb', answer);
      expect(repeat.status).toBe(200);
      expect(repeat.body).toEqual(locked.body);
      expect(await receipts()).toBe(before);
    });

    it('refuses the same Idempotency-Key with a different body', async () => {
      expect(
        (await put(trainee, attempt.id, 1, 'final-1-bbbbbbbb', final('accept', { fraudType: null, features: ['mrz'] })))
          .status,
      ).toBe(409);
    });

    it('refuses a different final answer to a locked item', async () => {
      const changed = final(answer.decision === 'accept' ? 'refer' : 'accept');
      expect((await put(trainee, attempt.id, 1, 'final-1-cccccccc', changed)).status).toBe(409);
    });

    it('accepts the same final answer resent under a new key (an offline queue) as the same answer', async () => {
      const resent = await put(trainee, attempt.id, 1, 'final-1-dddddddd', answer);
      expect(resent.status).toBe(200);
      expect(resent.body.receivedAt).toBe(locked.body.receivedAt);
    });

    it('requires an Idempotency-Key (400 without one)', async () => {
      expect(
        (await http().put(`/api/attempts/${attempt.id}/items/2/response`).set(bearer(trainee)).send(final('accept')))
          .status,
      ).toBe(400);
    });

    it('says where to continue after a reload, and lists the assignment as in progress', async () => {
      const resumed = await http().get(`/api/attempts/${attempt.id}`).set(bearer(trainee));
      expect(resumed.body).toMatchObject({ currentItem: 2, answered: [true, ...Array(11).fill(false)] });
      const mine = await assignment(trainee, 'practice', /practice/);
      expect(mine).toMatchObject({ status: 'in-progress', activeAttemptId: attempt.id });
    });

    it('gives the correct decision as feedback on every further item', async () => {
      for (let n = 2; n <= 12; n++) {
        const item = await http().get(`/api/attempts/${attempt.id}/items/${n}`).set(bearer(trainee));
        expect(item.status).toBe(200);
        const t = await truthOf(attempt.id, n);
        const r = await put(
          trainee,
          attempt.id,
          n,
          `final-${n}-eeeeeeee`,
          final(t.verdict === 'genuine' ? 'accept' : 'refer'),
        );
        expect(r.status).toBe(200);
        expect(r.body.feedback.correctDecision).toBe(t.verdict === 'genuine' ? 'accept' : 'refer');
      }
    });

    it('finishes with a score, and finishing again is harmless', async () => {
      const finished = await http().post(`/api/attempts/${attempt.id}/finish`).set(bearer(trainee));
      expect(finished.status).toBe(200);
      expect(finished.body.status).toBe('finished');
      expect(finished.body.score).toBeGreaterThan(30);
      expect((await http().post(`/api/attempts/${attempt.id}/finish`).set(bearer(trainee))).body.score).toBe(
        finished.body.score,
      );
    });

    it('refuses an answer after Finish (no deadline) saying the attempt was finished, not that time is over', async () => {
      const late = await put(trainee, attempt.id, 12, 'after-finish-aaaaaaaa', final('accept'));
      expect(late.status).toBe(409);
      expect(late.body.message).toMatch(/^This attempt was finished /);
      expect(late.body.message).not.toMatch(/time/i);
    });

    it('reviews every item with its truth once finished: no missed forgeries or needless referrals', async () => {
      const review = await http().get(`/api/attempts/${attempt.id}/review`).set(bearer(trainee));
      expect(review.status).toBe(200);
      expect(review.body.items).toHaveLength(12);
      expect(review.body.results.outcomes.misses + review.body.results.outcomes.falseAlarms).toBe(0);
      expect(review.body.results.missedForgeries).toBe(0);
      expect(review.body.items[0].feedback.explanation).toBe(truth.explanation);
    });

    it("lets the instructor of the trainee's cohort review it, and not another trainee", async () => {
      expect((await http().get(`/api/attempts/${attempt.id}/review`).set(bearer(instructor))).status).toBe(200);
      expect((await http().get(`/api/attempts/${attempt.id}/review`).set(bearer(other))).status).toBe(404);
    });

    it("lists the finished attempt in the trainee's progress", async () => {
      const progress = await http().get('/api/me/progress').set(bearer(trainee));
      expect(progress.body.attempts.map((x: { attemptId: string }) => x.attemptId)).toContain(attempt.id);
    });
  });

  describe('a timed assessment', () => {
    // One attempt walked in order: no feedback until finished, late answers score 0, the deadline finishes it.
    // The demo library here is too small to give the assessment documents of its own: the trainee who practised
    // above has seen the truth of too many of them, so a trainee who has not practised takes it.
    let timed: { id: string; module: object };
    let attempt: { id: string; deadline: string | null };
    let view: request.Response;
    let review: request.Response;
    let practised: string;

    beforeAll(async () => {
      practised = trainee;
      trainee = await signIn(app, 'trainee08');
      timed = await assignment(trainee, 'assessment', /timed/);
    });

    it('refuses the trainee who practised it: they have seen the answers to too many of its documents', async () => {
      const refused = await http().post('/api/attempts').set(bearer(practised)).send({ assignmentId: timed.id });
      expect(refused.status).toBe(409);
      // At least the 12 practice items of the 16 documents; each of two attempts draws 7 of them.
      expect(refused.body.message).toMatch(
        /^You have already seen the answers to 1[2-6] of the 16 documents in this assessment .* [0-4] unseen documents \(\d+ genuine\) are left, and an attempt needs 7 /,
      );
    });

    it('allows 30 seconds an item and 15 minutes in all, shows results after finishing, and two attempts', () => {
      expect(timed.module).toMatchObject({
        timePerItemSeconds: 30,
        moduleTimeSeconds: 900,
        feedback: 'after-finish',
        attemptsAllowed: 2,
      });
    });

    it('starts an attempt with a deadline', async () => {
      attempt = (await http().post('/api/attempts').set(bearer(trainee)).send({ assignmentId: timed.id })).body;
      expect(attempt.deadline).not.toBeNull();
    });

    it('acknowledges a final answer without feedback', async () => {
      await http().get(`/api/attempts/${attempt.id}/items/1`).set(bearer(trainee)).expect(200);
      const t1 = await truthOf(attempt.id, 1);
      let r1: request.Response | undefined;
      const sent = await statementsOf(await idsOf(attempt.id), async () => {
        r1 = await put(
          trainee,
          attempt.id,
          1,
          'assess-1-aaaaaaaa',
          final(t1.verdict === 'genuine' ? 'accept' : 'refer'),
        );
      });
      expect(r1!.body).toMatchObject({ status: 'locked', late: false, feedback: null });
      // The exam's hot path in round trips, each one more of the API's CPU on a loaded host than anything else it
      // does for an answer (docs/benchmarks.md, exam day): the actor's row; in one transaction the attempt locked (its
      // assignment and the exercise are remembered), the item locked with any earlier receipt, the answer with its
      // receipt, the report fact with its roll-up.
      expect(sent.statements.map((sql) => sql.split(/\s+/)[0])).toEqual(['SELECT', 'SELECT', 'SELECT', 'WITH', 'WITH']);
      expect(sent.statements[3]).toMatch(/UPDATE attempt_items[\s\S]*INSERT INTO response_receipts/);
      expect(sent).toMatchObject({ begun: 1, committed: 1 });
      // each prepared on its connection once and then only executed (common/sql/prepared.ts)
      expect(sent.unprepared).toEqual([]);
    });

    it('serves an item seen before in two statements: the actor, and the attempt with its items', async () => {
      const sent = await statementsOf(await idsOf(attempt.id), () =>
        http().get(`/api/attempts/${attempt.id}/items/1`).set(bearer(trainee)).expect(200),
      );
      expect(sent.statements).toHaveLength(2);
      expect(sent.statements[1]).toMatch(/FROM attempts a LEFT JOIN attempt_items i/);
      expect(sent).toMatchObject({ begun: 0, committed: 0, unprepared: [] });
    });

    it('has no review before it is finished', async () => {
      expect((await http().get(`/api/attempts/${attempt.id}/review`).set(bearer(trainee))).status).toBe(409);
    });

    it("lets the trainee's instructor look at an unseen item without starting its clock", async () => {
      // Issue 13: an instructor opening item 2 started the trainee's 30 s; the answer 35 s later scored 0 as late.
      const looked = await http().get(`/api/attempts/${attempt.id}/items/2`).set(bearer(instructor));
      expect(looked.status).toBe(200);
      expect(looked.body.n).toBe(2);
      const [row] = await db.query(`SELECT first_served_at FROM attempt_items WHERE attempt_id = $1 AND n = 2`, [
        attempt.id,
      ]);
      expect(row.first_served_at).toBeNull();
      // …and out of order: staff are not held to the order the officer answers in.
      expect((await http().get(`/api/attempts/${attempt.id}/items/4`).set(bearer(instructor))).status).toBe(200);
    });

    it("records an answer given long after the item's 30 seconds as late", async () => {
      await http().get(`/api/attempts/${attempt.id}/items/2`).set(bearer(trainee)).expect(200);
      await db.query(
        `UPDATE attempt_items SET first_served_at = now() - interval '5 minutes' WHERE attempt_id = $1 AND n = 2`,
        [attempt.id],
      );
      const t2 = await truthOf(attempt.id, 2);
      const r2 = await put(
        trainee,
        attempt.id,
        2,
        'assess-2-aaaaaaaa',
        final(t2.verdict === 'genuine' ? 'accept' : 'refer'),
      );
      expect(r2.body).toMatchObject({ status: 'locked', late: true });
      expect(r2.body.responseTimeMs).toBeGreaterThan(290_000);
    });

    it('finishes by itself once the module deadline passes, and refuses answers from then on', async () => {
      await db.query(`UPDATE attempts SET deadline = now() - interval '1 second' WHERE id = $1`, [attempt.id]);
      await http().get(`/api/attempts/${attempt.id}/items/3`).set(bearer(trainee)).expect(200);
      const refused = await put(trainee, attempt.id, 3, 'assess-3-aaaaaaaa', final('accept'));
      expect(refused.status).toBe(409);
      expect(refused.body.message).toBe('The time for this attempt is over; it has been finished');
      view = await http().get(`/api/attempts/${attempt.id}`).set(bearer(trainee));
      expect(view.body.status).toBe('finished');
    });

    it('reviews it: the answer in time scores, the late one scores 0 even though right', async () => {
      review = await http().get(`/api/attempts/${attempt.id}/review`).set(bearer(trainee));
      expect(review.status).toBe(200);
      expect(review.body.items[0].feedback.score).toBeGreaterThan(0);
      expect(review.body.items[1]).toMatchObject({ late: true });
      expect(review.body.items[1].feedback.score).toBe(0);
      expect(review.body.results.answered).toBe(2);
    });

    it('scores unanswered items 0: the attempt is worth one item, as its review says', () => {
      expect(view.body.score).toBeCloseTo(review.body.results.score, 5);
      expect(view.body.score).toBeLessThanOrEqual(100 / view.body.itemCount + 0.05); // one item's worth, rounded to 0.1
    });
  });

  it('no response before an item is locked carries its truth, and genuine and forged items look alike', async () => {
    // A fresh trainee walks an assessment: every body they can receive before locking is checked.
    const token = await signIn(app, 'trainee07');
    const a = await assignment(token, 'assessment', /timed/);
    assertNoTruth(a, 'GET /api/me/assignments');
    const start = await http().post('/api/attempts').set(bearer(token)).send({ assignmentId: a.id });
    assertNoTruth(start.body, 'POST /api/attempts');
    const shapes = new Map<string, string[]>();
    for (let n = 1; n <= start.body.itemCount; n++) {
      const truth = await truthOf(start.body.id, n);
      const item = await http().get(`/api/attempts/${start.body.id}/items/${n}`).set(bearer(token));
      expect(item.status).toBe(200);
      assertNoTruth(item.body, `GET item ${n}`, truth);
      const autosave = await put(token, start.body.id, n, `leak-auto-${n}-aaaa`, { decision: 'refer', final: false });
      assertNoTruth(autosave.body, `autosave ${n}`, truth);
      const view = await http().get(`/api/attempts/${start.body.id}`).set(bearer(token));
      assertNoTruth(view.body, `GET attempt after ${n}`, truth);
      const lockedAnswer = await put(token, start.body.id, n, `leak-final-${n}-aaaa`, final('accept'));
      assertNoTruth(lockedAnswer.body, `final answer ${n} (assessment: no feedback)`, truth);
      const shape = [...new Set(keyPaths(item.body))].sort().join('\n');
      shapes.set(truth.verdict, [...(shapes.get(truth.verdict) ?? []), shape]);
    }
    // The key structure of a presentation does not depend on the verdict (same parts, traveller, context for all).
    const genuine = new Set(shapes.get('genuine'));
    const fraudulent = new Set(shapes.get('fraudulent'));
    expect(genuine.size).toBeGreaterThan(0);
    expect(fraudulent.size).toBeGreaterThan(0);
    const common = [...genuine].filter((s) => fraudulent.has(s));
    expect(common.length).toBeGreaterThan(0);
  });

  describe('bad input', () => {
    let attempt: { id: string };

    beforeAll(async () => {
      const drill = await assignment(other, 'practice', /drill/);
      attempt = (await http().post('/api/attempts').set(bearer(other)).send({ assignmentId: drill.id })).body;
      await http().get(`/api/attempts/${attempt.id}/items/1`).set(bearer(other)).expect(200);
    });

    it('answers 404 to a start at an unknown assignment and 400 to an id that is not one', async () => {
      expect(
        (
          await http()
            .post('/api/attempts')
            .set(bearer(trainee))
            .send({ assignmentId: '00000000-0000-4000-8000-000000000000' })
        ).status,
      ).toBe(404);
      expect((await http().post('/api/attempts').set(bearer(trainee)).send({ assignmentId: 'nope' })).status).toBe(400);
    });

    it('hides an attempt of someone else (404), for reading and for answering', async () => {
      expect((await http().get(`/api/attempts/${attempt.id}`).set(bearer(trainee))).status).toBe(404);
      expect((await put(trainee, attempt.id, 1, 'bad-body-dddddddd', final('accept'))).status).toBe(404);
    });

    it('answers 400 to item 0 and 404 to an item beyond the attempt', async () => {
      expect((await http().get(`/api/attempts/${attempt.id}/items/0`).set(bearer(other))).status).toBe(400);
      expect((await http().get(`/api/attempts/${attempt.id}/items/99`).set(bearer(other))).status).toBe(404);
    });

    it('answers 400 to a response without a decision, with an unknown one, or with a point off the image', async () => {
      expect((await put(other, attempt.id, 1, 'bad-body-aaaaaaaa', { final: true })).status).toBe(400);
      expect((await put(other, attempt.id, 1, 'bad-body-bbbbbbbb', { decision: 'maybe', final: true })).status).toBe(
        400,
      );
      const offImage = { decision: 'refer', points: [{ side: 'data-page', x: 2, y: 0 }], final: true };
      expect((await put(other, attempt.id, 1, 'bad-body-cccccccc', offImage)).status).toBe(400);
    });

    it('answers 400 to an Idempotency-Key too short to be one', async () => {
      expect((await put(other, attempt.id, 1, 'short', final('accept'))).status).toBe(400);
    });
  });
});

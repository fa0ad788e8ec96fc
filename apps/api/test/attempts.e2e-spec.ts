// The exam engine end to end on real PostgreSQL, with real forge content through the real media pipeline:
// a trainee takes a practice module and a timed assessment — start, presentations, autosave, answers, a repeated
// submit with the same Idempotency-Key, a reload-style resume, late answers, finish, review — and nothing a trainee
// receives before an item is locked carries its truth.
import type { NestExpressApplication } from '@nestjs/platform-express';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { DemoContentService } from '../src/seed';
import { bearer, signIn, testApp } from './utils';

jest.setTimeout(240_000);

const TRUTH_KEYS = ['verdict', 'regions', 'explanation', 'truth', 'correctDecision', 'polygon', 'operation', 'tags', 'difficulty', 'exerciseId', 'exerciseVersionId', 'specimenId', 'featureOptions'];

/** Every key path in a JSON value (array indices collapsed), for comparing shapes. */
function keyPaths(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((v) => keyPaths(v, `${prefix}[]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => [`${prefix}.${k}`, ...keyPaths(v, `${prefix}.${k}`)]);
  return [];
}

function assertNoTruth(body: unknown, where: string, truth?: { fraudType: string; explanation: string; title?: string; versionId?: string; exerciseId?: string }): void {
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
      if (k === 'feedback' && child && typeof child === 'object') throw new Error(`${where}: feedback before the item is locked`);
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
  async function truthOf(attemptId: string, n: number): Promise<{ verdict: string; fraudType: string; explanation: string; title: string; versionId: string; exerciseId: string }> {
    const [row] = await db.query(
      `SELECT v.truth, v.title, v.id AS "versionId", v.exercise_id AS "exerciseId" FROM attempt_items i JOIN exercise_versions v ON v.id = i.exercise_version_id WHERE i.attempt_id = $1 AND i.n = $2`,
      [attemptId, n],
    );
    return { ...row.truth, title: row.title, versionId: row.versionId, exerciseId: row.exerciseId };
  }

  const put = (token: string, attemptId: string, n: number, key: string, body: object) =>
    http().put(`/api/attempts/${attemptId}/items/${n}/response`).set(bearer(token)).set('Idempotency-Key', key).send(body);
  const final = (decision: 'accept' | 'refer', extra: object = {}) => ({ decision, final: true, ...extra });

  beforeAll(async () => {
    app = await testApp();
    db = app.get(DataSource);
    const report = await app.get(DemoContentService).seed({ dir: libraryDir, dpi: 60, exercises: 16, log: () => undefined });
    expect(report.modulesCreated).toBe(3);
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
    const found = res.body.find((a: { module: { mode: string; title: string } }) => a.module.mode === mode && (!title || title.test(a.module.title)));
    expect(found).toBeDefined();
    return found;
  }

  it('seeding again changes nothing (idempotent)', async () => {
    const again = await app.get(DemoContentService).seed({ dir: libraryDir, dpi: 60, exercises: 16, log: () => undefined });
    expect(again).toEqual({ exercisesCreated: 0, modulesCreated: 0, assignmentsCreated: 0 });
  });

  it('a practice module: start, present, autosave, answer with feedback, idempotent repeat, resume, finish, review', async () => {
    const a = await assignment(trainee, 'practice', /practice/);
    expect(a.status).toBe('not-started');
    expect(a.module.itemCount).toBe(12);
    expect(a.module.hasLessons).toBe(true);

    // Lessons: the six demo specimens, images signed for this trainee, annotated features.
    const lessons = await http().get(`/api/assignments/${a.id}/lessons`).set(bearer(trainee));
    expect(lessons.status).toBe(200);
    expect(lessons.body).toHaveLength(6);
    expect(new Set(lessons.body.map((l: { issuingState: string }) => l.issuingState))).toEqual(new Set(['UTO', 'ARC', 'BRG']));
    for (const lesson of lessons.body) {
      expect(lesson.images.some((i: { light: string }) => i.light === 'visible')).toBe(true);
      expect(lesson.features.length).toBeGreaterThan(3);
    }
    expect((await http().get(`/api/assignments/${a.id}/lessons`).set(bearer(await signIn(app, 'trainee13')))).status).toBe(404);

    const started = await http().post('/api/attempts').set(bearer(trainee)).send({ assignmentId: a.id });
    expect(started.status).toBe(201);
    const attempt = started.body;
    expect(attempt).toMatchObject({ status: 'in-progress', itemCount: 12, currentItem: 1, mode: 'practice' });
    // Start again (a second tab): the same attempt, 200.
    const again = await http().post('/api/attempts').set(bearer(trainee)).send({ assignmentId: a.id });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(attempt.id);

    // Items are taken in order.
    expect((await http().get(`/api/attempts/${attempt.id}/items/2`).set(bearer(trainee))).status).toBe(409);
    // Another trainee cannot see it.
    expect((await http().get(`/api/attempts/${attempt.id}/items/1`).set(bearer(other))).status).toBe(404);

    const first = await http().get(`/api/attempts/${attempt.id}/items/1`).set(bearer(trainee));
    expect(first.status).toBe(200);
    const p = first.body;
    expect(p).toMatchObject({ n: 1, itemCount: 12, locked: false, saved: null, timeAllowedSeconds: 60 });
    expect(p.parts.decision).toBe(true);
    expect(p.sides.length).toBeGreaterThan(0);
    expect(p.sides[0].images.map((i: { light: string }) => i.light)).toContain('visible');
    // The desk's lights, with the oblique light at each of its tilt angles; UV 254 is a second-line lamp.
    const frames = p.sides[0].images.filter((i: { light: string }) => i.light === 'oblique').map((i: { frame: number }) => i.frame);
    expect(frames.sort()).toEqual([1, 2, 3]);
    expect(p.sides[0].images.some((i: { light: string }) => i.light === 'uv254')).toBe(false);
    expect(p.traveller).not.toBeNull();
    expect(p.context.referenceDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    // The signed image URL works without a bearer token and serves an image.
    const visible = p.sides[0].images.find((i: { light: string }) => i.light === 'visible');
    const url = new URL(visible.urls.variants['640.webp'] ?? Object.values(visible.urls.variants)[0], 'http://x');
    const img = await http().get(url.pathname + url.search);
    expect(img.status).toBe(200);
    expect(img.headers['content-type']).toMatch(/^image\//);

    // Autosave, then a reload: same clock, saved state back.
    const auto = await put(trainee, attempt.id, 1, 'autosave-1-aaaa', { decision: 'refer', points: [{ side: p.sides[0].side, x: 0.5, y: 0.5 }], final: false });
    expect(auto.status).toBe(200);
    expect(auto.body).toMatchObject({ status: 'saved', feedback: null });
    const reloaded = await http().get(`/api/attempts/${attempt.id}/items/1`).set(bearer(trainee));
    expect(reloaded.body.firstServedAt).toBe(p.firstServedAt);
    expect(reloaded.body.saved).toMatchObject({ decision: 'refer', points: [{ x: 0.5, y: 0.5 }] });

    // The final answer: acknowledged with practice feedback.
    const truth = await truthOf(attempt.id, 1);
    const answer = final(truth.verdict === 'genuine' ? 'accept' : 'refer', { fraudType: truth.verdict === 'genuine' ? null : truth.fraudType });
    const locked = await put(trainee, attempt.id, 1, 'final-1-bbbbbbbb', answer);
    expect(locked.status).toBe(200);
    expect(locked.body.status).toBe('locked');
    expect(locked.body.responseTimeMs).toBeGreaterThanOrEqual(0);
    expect(locked.body.feedback).toMatchObject({ verdict: truth.verdict, fraudType: truth.fraudType, explanation: truth.explanation });
    expect(locked.body.feedback.score).toBeGreaterThan(0);

    // The same key again: the same result, nothing stored twice.
    const receipts = async () => (await db.query(`SELECT count(*)::int AS n FROM response_receipts r JOIN attempt_items i ON i.id = r.attempt_item_id WHERE i.attempt_id = $1`, [attempt.id]))[0].n;
    const before = await receipts();
    const repeat = await put(trainee, attempt.id, 1, 'final-1-bbbbbbbb', answer);
    expect(repeat.status).toBe(200);
    expect(repeat.body).toEqual(locked.body);
    expect(await receipts()).toBe(before);
    // The same key with a different body, or a different final answer: refused.
    expect((await put(trainee, attempt.id, 1, 'final-1-bbbbbbbb', final('accept', { fraudType: null, features: ['mrz'] }))).status).toBe(409);
    const changed = final(answer.decision === 'accept' ? 'refer' : 'accept');
    expect((await put(trainee, attempt.id, 1, 'final-1-cccccccc', changed)).status).toBe(409);
    // The same final answer resent under a new key (an offline queue) is accepted as the same answer.
    const resent = await put(trainee, attempt.id, 1, 'final-1-dddddddd', answer);
    expect(resent.status).toBe(200);
    expect(resent.body.receivedAt).toBe(locked.body.receivedAt);
    // Missing key: 400.
    expect((await http().put(`/api/attempts/${attempt.id}/items/2/response`).set(bearer(trainee)).send(final('accept'))).status).toBe(400);

    // Resume after a "reload": the attempt says where to continue.
    const resumed = await http().get(`/api/attempts/${attempt.id}`).set(bearer(trainee));
    expect(resumed.body).toMatchObject({ currentItem: 2, answered: [true, ...Array(11).fill(false)] });
    const mine = await assignment(trainee, 'practice', /practice/);
    expect(mine).toMatchObject({ status: 'in-progress', activeAttemptId: attempt.id });

    // Answer the rest correctly on the decision.
    for (let n = 2; n <= 12; n++) {
      const item = await http().get(`/api/attempts/${attempt.id}/items/${n}`).set(bearer(trainee));
      expect(item.status).toBe(200);
      const t = await truthOf(attempt.id, n);
      const r = await put(trainee, attempt.id, n, `final-${n}-eeeeeeee`, final(t.verdict === 'genuine' ? 'accept' : 'refer'));
      expect(r.status).toBe(200);
      expect(r.body.feedback.correctDecision).toBe(t.verdict === 'genuine' ? 'accept' : 'refer');
    }
    const finished = await http().post(`/api/attempts/${attempt.id}/finish`).set(bearer(trainee));
    expect(finished.status).toBe(200);
    expect(finished.body.status).toBe('finished');
    expect(finished.body.score).toBeGreaterThan(30);
    // Finishing again is harmless; answering after finishing is not possible.
    expect((await http().post(`/api/attempts/${attempt.id}/finish`).set(bearer(trainee))).body.score).toBe(finished.body.score);

    const review = await http().get(`/api/attempts/${attempt.id}/review`).set(bearer(trainee));
    expect(review.status).toBe(200);
    expect(review.body.items).toHaveLength(12);
    expect(review.body.results.outcomes.misses + review.body.results.outcomes.falseAlarms).toBe(0);
    expect(review.body.results.missedForgeries).toBe(0);
    expect(review.body.items[0].feedback.explanation).toBe(truth.explanation);
    // The instructor of the trainee's cohort may review it too; another trainee may not.
    expect((await http().get(`/api/attempts/${attempt.id}/review`).set(bearer(instructor))).status).toBe(200);
    expect((await http().get(`/api/attempts/${attempt.id}/review`).set(bearer(other))).status).toBe(404);

    const progress = await http().get('/api/me/progress').set(bearer(trainee));
    expect(progress.body.attempts.map((x: { attemptId: string }) => x.attemptId)).toContain(attempt.id);
  });

  it('a timed assessment: no feedback until finished, late answers score 0, the deadline finishes it', async () => {
    const a = await assignment(trainee, 'assessment');
    expect(a.module).toMatchObject({ timePerItemSeconds: 30, moduleTimeSeconds: 900, feedback: 'after-finish', attemptsAllowed: 2 });
    const attempt = (await http().post('/api/attempts').set(bearer(trainee)).send({ assignmentId: a.id })).body;
    expect(attempt.deadline).not.toBeNull();

    await http().get(`/api/attempts/${attempt.id}/items/1`).set(bearer(trainee)).expect(200);
    const t1 = await truthOf(attempt.id, 1);
    const r1 = await put(trainee, attempt.id, 1, 'assess-1-aaaaaaaa', final(t1.verdict === 'genuine' ? 'accept' : 'refer'));
    expect(r1.body).toMatchObject({ status: 'locked', late: false, feedback: null });
    expect((await http().get(`/api/attempts/${attempt.id}/review`).set(bearer(trainee))).status).toBe(409);

    // Item 2 is answered long after its 30 seconds: recorded as late, scored 0 even though right.
    await http().get(`/api/attempts/${attempt.id}/items/2`).set(bearer(trainee)).expect(200);
    await db.query(`UPDATE attempt_items SET first_served_at = now() - interval '5 minutes' WHERE attempt_id = $1 AND n = 2`, [attempt.id]);
    const t2 = await truthOf(attempt.id, 2);
    const r2 = await put(trainee, attempt.id, 2, 'assess-2-aaaaaaaa', final(t2.verdict === 'genuine' ? 'accept' : 'refer'));
    expect(r2.body).toMatchObject({ status: 'locked', late: true });
    expect(r2.body.responseTimeMs).toBeGreaterThan(290_000);

    // The module deadline passes: the attempt finishes itself; unanswered items score 0.
    await db.query(`UPDATE attempts SET deadline = now() - interval '1 second' WHERE id = $1`, [attempt.id]);
    await http().get(`/api/attempts/${attempt.id}/items/3`).set(bearer(trainee)).expect(200);
    expect((await put(trainee, attempt.id, 3, 'assess-3-aaaaaaaa', final('accept'))).status).toBe(409);
    const view = await http().get(`/api/attempts/${attempt.id}`).set(bearer(trainee));
    expect(view.body.status).toBe('finished');
    const review = await http().get(`/api/attempts/${attempt.id}/review`).set(bearer(trainee));
    expect(review.status).toBe(200);
    expect(review.body.items[0].feedback.score).toBeGreaterThan(0);
    expect(review.body.items[1]).toMatchObject({ late: true });
    expect(review.body.items[1].feedback.score).toBe(0);
    expect(review.body.results.answered).toBe(2);
    expect(view.body.score).toBeCloseTo(review.body.results.score, 5);
    expect(view.body.score).toBeLessThanOrEqual(100 / view.body.itemCount + 0.05); // one item's worth, rounded to 0.1
  });

  it('no response before an item is locked carries its truth, and genuine and forged items look alike', async () => {
    // A fresh trainee walks an assessment: every body they can receive before locking is checked.
    const token = await signIn(app, 'trainee07');
    const a = await assignment(token, 'assessment');
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

  it('bad input: unknown assignment, an attempt of someone else, bad n, bad bodies', async () => {
    expect((await http().post('/api/attempts').set(bearer(trainee)).send({ assignmentId: '00000000-0000-4000-8000-000000000000' })).status).toBe(404);
    expect((await http().post('/api/attempts').set(bearer(trainee)).send({ assignmentId: 'nope' })).status).toBe(400);
    const a = await assignment(other, 'practice', /drill/);
    const attempt = (await http().post('/api/attempts').set(bearer(other)).send({ assignmentId: a.id })).body;
    expect((await http().get(`/api/attempts/${attempt.id}`).set(bearer(trainee))).status).toBe(404);
    expect((await http().get(`/api/attempts/${attempt.id}/items/0`).set(bearer(other))).status).toBe(400);
    expect((await http().get(`/api/attempts/${attempt.id}/items/99`).set(bearer(other))).status).toBe(404);
    await http().get(`/api/attempts/${attempt.id}/items/1`).set(bearer(other)).expect(200);
    expect((await put(other, attempt.id, 1, 'bad-body-aaaaaaaa', { final: true })).status).toBe(400);
    expect((await put(other, attempt.id, 1, 'bad-body-bbbbbbbb', { decision: 'maybe', final: true })).status).toBe(400);
    expect((await put(other, attempt.id, 1, 'bad-body-cccccccc', { decision: 'refer', points: [{ side: 'data-page', x: 2, y: 0 }], final: true })).status).toBe(400);
    expect((await put(trainee, attempt.id, 1, 'bad-body-dddddddd', final('accept'))).status).toBe(404);
    expect((await put(other, attempt.id, 1, 'short', final('accept'))).status).toBe(400);
  });
});

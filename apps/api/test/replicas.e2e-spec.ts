// Beyond one machine: two API replicas — separate processes of the built server, each with its own scratch
// DATA_DIR — on one PostgreSQL database and one S3-compatible store, spoken to over real HTTP. It proves that what
// one replica starts the other finishes: an image uploaded through B (which runs no media workers) is processed by
// A and served byte-for-byte, ranges included, by both; a session signed in on A refreshes on B and a rotated refresh
// token is refused on either; failed sign-ins alternated between them hit the limit at the same count as on one;
// an attempt answered alternately keeps its Idempotency-Keys across replicas (same stored answer, nothing twice),
// its order, and the result one replica gives; and when the replica processing an image is killed, another takes
// the job over once its lease runs out. Needs `npm run build` first (npm test does it). The replicas reach the
// run's PostgreSQL over TCP, so the spec runs on a server (DATABASE_URL) and on the embedded one alike.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import sharp from 'sharp';
import { OwnDatabase, ownDatabase } from './own-database';
import { Replica, startReplica } from './replica';
import { startTestS3, TestS3 } from './s3-server';
import { tearDown } from './teardown';
import { DEMO_PASSWORD } from './utils';

const LEASE_SECONDS = 10; // the shortest MEDIA_JOB_LEASE_SECONDS allowed
const MAX_FAILURES_PER_USER = 3;
const MAX_FAILURES_PER_IP = 5;

interface Answer {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON of many shapes; asserted field by field
  headers: Headers;
}

/** A JSON request to one replica, with an optional bearer and extra headers. */
async function call(
  r: Replica,
  method: string,
  p: string,
  opts: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const res = await r.fetch(p, {
    method,
    headers: {
      ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
      ...opts.headers,
    },
    body: opts.body !== undefined ? JSON.stringify(opts.body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers };
}

async function signIn(r: Replica, username: string): Promise<{ token: string; cookie: string }> {
  const res = await call(r, 'POST', '/api/auth/login', { body: { username, password: DEMO_PASSWORD } });
  if (res.status !== 200)
    throw new Error(`sign-in as ${username} on ${r.name}: ${res.status} ${JSON.stringify(res.body)}`);
  return { token: res.body.accessToken, cookie: refreshCookie(res.headers) };
}

function refreshCookie(headers: Headers): string {
  const cookie = headers.getSetCookie().find((c) => c.startsWith('fl_refresh='));
  if (!cookie) throw new Error('no refresh cookie');
  return cookie.split(';')[0];
}

/** Polls `probe` every 100 ms until it returns a value, or fails naming `what` after `ms`. */
async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined | false>, ms: number): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function bytesOf(r: Replica, url: string, headers: Record<string, string> = {}) {
  const res = await r.fetch(url, { headers });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

describe('two API replicas on one database and one S3 store', () => {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'firstline-replicas-'));
  let db: OwnDatabase;
  let pg: Client;
  let s3: TestS3;
  let shared: Record<string, string>;
  const replicas: Replica[] = [];
  let a: Replica;
  let b: Replica;
  let instructor: string;

  const replica = async (name: string, workers: number) => {
    const started = await startReplica(name, {
      ...shared,
      DATA_DIR: fs.mkdtempSync(path.join(scratch, `${name}-`)),
      MEDIA_WORKER_CONCURRENCY: String(workers),
    });
    replicas.push(started);
    return started;
  };

  const asset = async (id: string) =>
    (
      await pg.query<{ status: string; attempts: number; progress: number; failure_reason: string | null }>(
        `SELECT status, attempts, progress, failure_reason FROM media_assets WHERE id = $1`,
        [id],
      )
    ).rows[0];

  const newSpecimen = async (r: Replica, title: string) => {
    const res = await call(r, 'POST', '/api/specimens', {
      token: instructor,
      body: { title, issuingState: 'UTO', documentType: 'TD3' },
    });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };

  /** Uploads an image of one specimen side through `r`; answers the 202's asset id. */
  const upload = async (r: Replica, specimenId: string, file: Buffer, light = 'visible') => {
    const form = new FormData();
    form.append('side', 'data-page');
    form.append('light', light);
    form.append('file', new Blob([file], { type: 'image/jpeg' }), 'scan.jpg');
    const res = await r.fetch(`/api/specimens/${specimenId}/images`, {
      method: 'POST',
      headers: { authorization: `Bearer ${instructor}` },
      body: form,
    });
    const body = (await res.json()) as { asset: { id: string; status: string } };
    expect(res.status).toBe(202);
    return body.asset;
  };

  beforeAll(async () => {
    [db, s3] = await Promise.all([ownDatabase('replicas'), startTestS3()]);
    pg = new Client({ connectionString: db.url });
    await pg.connect();
    shared = {
      ...s3.env('replicas/'),
      DATABASE_URL: db.url,
      JWT_SECRET: 'replicas-jwt-secret-replicas-jwt-secret-0123456789',
      MEDIA_URL_SECRET: 'replicas-media-url-secret-0123456789abcdef',
      SEED_DEMO: 'false',
      DEMO_HISTORY: 'false',
      LOG_LEVEL: 'warn',
      WEB_DIST: '/nonexistent',
      MEDIA_POLL_INTERVAL_MS: '200',
      MEDIA_JOB_LEASE_SECONDS: String(LEASE_SECONDS),
      LOGIN_MAX_FAILURES_PER_USER: String(MAX_FAILURES_PER_USER),
      LOGIN_MAX_FAILURES_PER_IP: String(MAX_FAILURES_PER_IP),
      // Each throttling case below signs in from an address of its own (X-Forwarded-For).
      TRUST_PROXY: 'true',
    };
    [a, b] = await Promise.all([replica('A', 2), replica('B', 0)]);
    instructor = (await signIn(a, 'instructor1')).token;
  }, 90_000);

  // Every step runs even when one before it fails, and the database goes first (it is what a hang would leave behind).
  afterAll(async () => {
    await tearDown([
      () => Promise.all(replicas.map((r) => r.kill())),
      () => pg?.end(),
      () => db?.drop(),
      () => s3?.stop(),
      () => fs.rmSync(scratch, { recursive: true, force: true }),
    ]);
  }, 30_000);

  it('starts both on the shared store', () => {
    for (const r of [a, b]) expect(r.output()).toContain(`Media      s3://${s3.bucket}/replicas/ at ${s3.endpoint}`);
  });

  describe('media', () => {
    let assetId: string;

    it('processes on A an image uploaded through B, which runs no workers', async () => {
      const specimenId = await newSpecimen(a, 'Replicas: shared media');
      const file = await sharp({
        create: {
          width: 1200,
          height: 800,
          channels: 3,
          background: '#d8d0b8',
          noise: { type: 'gaussian', mean: 120, sigma: 40 },
        },
      })
        .jpeg()
        .toBuffer();
      const uploaded = await upload(b, specimenId, file);
      assetId = uploaded.id;
      expect(['queued', 'processing']).toContain(uploaded.status); // B only queues it; A's workers poll every 200 ms
      await waitFor('A to process the image', async () => (await asset(assetId)).status === 'ready', 30_000);
      expect(await asset(assetId)).toMatchObject({ status: 'ready', attempts: 1, failure_reason: null });
    }, 40_000);

    it('serves it from both replicas, whichever signed the URL: the same bytes, and ranges', async () => {
      const viewA = await call(a, 'GET', `/api/media/${assetId}`, { token: instructor });
      const viewB = await call(b, 'GET', `/api/media/${assetId}`, { token: instructor });
      expect(viewA.body).toMatchObject({ status: 'ready', width: 1200, height: 800 });
      expect(viewB.body).toMatchObject({ status: 'ready', width: 1200, height: 800 });
      for (const file of ['640.webp', '1280.jpeg']) {
        const urls = [viewA.body.urls.variants[file], viewB.body.urls.variants[file]] as string[];
        const served = await Promise.all(urls.flatMap((url) => [bytesOf(a, url), bytesOf(b, url)]));
        for (const s of served) expect(s.status).toBe(200);
        const [first] = served;
        expect(first.bytes.length).toBeGreaterThan(1000);
        for (const s of served) expect(s.bytes.equals(first.bytes)).toBe(true);

        for (const r of [a, b]) {
          const part = await bytesOf(r, urls[0], { range: 'bytes=100-1123' });
          expect(part.status).toBe(206);
          expect(part.headers.get('content-range')).toBe(`bytes 100-1123/${first.bytes.length}`);
          expect(part.bytes.equals(first.bytes.subarray(100, 1124))).toBe(true);
        }
      }
      const dzi = await Promise.all([a, b].map((r) => bytesOf(r, viewA.body.urls.dzi)));
      expect(dzi.map((d) => d.status)).toEqual([200, 200]);
      expect(dzi[0].bytes.equals(dzi[1].bytes)).toBe(true);
    });
  });

  describe('sessions', () => {
    it('refreshes on B a session signed in on A; both accept the new access token', async () => {
      const login = await signIn(a, 'trainee01');
      expect((await call(b, 'GET', '/api/auth/me', { token: login.token })).body.username).toBe('trainee01');
      const refreshed = await call(b, 'POST', '/api/auth/refresh', { headers: { cookie: login.cookie } });
      expect(refreshed.status).toBe(200);
      const next = refreshCookie(refreshed.headers);
      expect(next).not.toBe(login.cookie);
      for (const r of [a, b]) {
        const me = await call(r, 'GET', '/api/auth/me', { token: refreshed.body.accessToken });
        expect(me.status).toBe(200);
        expect(me.body.username).toBe('trainee01');
      }

      // Past the grace for concurrent tabs, the rotated token replayed on A ends the session on both replicas.
      await pg.query(
        `UPDATE refresh_tokens SET revoked_at = now() - interval '1 minute'
          WHERE revoked_at IS NOT NULL AND user_id = (SELECT id FROM users WHERE username = 'trainee01')`,
      );
      expect((await call(a, 'POST', '/api/auth/refresh', { headers: { cookie: login.cookie } })).status).toBe(401);
      expect((await call(b, 'POST', '/api/auth/refresh', { headers: { cookie: next } })).status).toBe(401);
    });

    it('signs out on B a session signed in on A', async () => {
      const login = await signIn(a, 'trainee02');
      expect((await call(b, 'POST', '/api/auth/logout', { headers: { cookie: login.cookie } })).status).toBe(204);
      expect((await call(a, 'POST', '/api/auth/refresh', { headers: { cookie: login.cookie } })).status).toBe(401);
    });
  });

  describe('sign-in throttling', () => {
    const login = (r: Replica, ip: string, username: string, password: string) =>
      call(r, 'POST', '/api/auth/login', { body: { username, password }, headers: { 'x-forwarded-for': ip } });

    /** Failed sign-ins on `order`'s replicas in turn until the first 429; answers how many were checked (401). */
    async function failuresUntilThrottled(order: Replica[], ip: string, username: (i: number) => string) {
      for (let i = 0; i < 20; i++) {
        const res = await login(order[i % order.length], ip, username(i), 'wrong-password');
        if (res.status === 429) {
          expect(res.body.message).toMatch(/^Too many failed sign-in attempts\. Try again in \d+ minute\(s\)\.$/);
          expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
          return i;
        }
        expect(res.status).toBe(401);
      }
      throw new Error('never throttled');
    }

    it('counts a username’s failures across both replicas, to the same limit as on one', async () => {
      const alone = await failuresUntilThrottled([a], '203.0.113.11', () => 'trainee10');
      const alternating = await failuresUntilThrottled([a, b], '203.0.113.12', () => 'trainee11');
      expect(alone).toBe(MAX_FAILURES_PER_USER);
      expect(alternating).toBe(alone);
      // Now even the right password is refused, on either replica.
      for (const r of [a, b]) expect((await login(r, '203.0.113.13', 'trainee11', DEMO_PASSWORD)).status).toBe(429);
    });

    it('counts an address’s failures across both replicas, to the same limit as on one', async () => {
      const alone = await failuresUntilThrottled([b], '203.0.113.21', (i) => `ghost-b-${i}`);
      const alternating = await failuresUntilThrottled([b, a], '203.0.113.22', (i) => `ghost-ab-${i}`);
      expect(alone).toBe(MAX_FAILURES_PER_IP);
      expect(alternating).toBe(alone);
      for (const r of [a, b]) expect((await login(r, '203.0.113.22', 'trainee12', DEMO_PASSWORD)).status).toBe(429);
      expect((await login(a, '203.0.113.23', 'trainee12', DEMO_PASSWORD)).status).toBe(200);
    });
  });

  describe('an attempt answered on both replicas', () => {
    const EXERCISES = [
      { verdict: 'fraudulent', fraudType: 'forged:data-alteration' },
      { verdict: 'genuine', fraudType: 'genuine' },
      { verdict: 'fraudulent', fraudType: 'forged:data-alteration' },
      { verdict: 'genuine', fraudType: 'genuine' },
      { verdict: 'fraudulent', fraudType: 'forged:data-alteration' },
    ] as const;
    let assignmentId: string;

    /** The truth behind item n of an attempt, from the database. */
    const truthOf = async (attemptId: string, n: number) =>
      (
        await pg.query<{ truth: { verdict: string; fraudType: string } }>(
          `SELECT v.truth FROM attempt_items i JOIN exercise_versions v ON v.id = i.exercise_version_id
            WHERE i.attempt_id = $1 AND i.n = $2`,
          [attemptId, n],
        )
      ).rows[0].truth;
    /** A fixed answer per exercise, so the result does not depend on the order items were drawn in. */
    const answerTo = (truth: { verdict: string; fraudType: string }) =>
      truth.verdict === 'genuine'
        ? { decision: 'refer', fraudType: 'forged:data-alteration', final: true } // a needless referral
        : {
            decision: 'refer',
            fraudType: truth.fraudType,
            points: [{ side: 'data-page', x: 0.5, y: 0.33 }],
            final: true,
          };
    const receipts = async (attemptId: string) =>
      (
        await pg.query<{ n: number; receipts: number }>(
          `SELECT i.n, count(r.*)::int AS receipts FROM attempt_items i
             LEFT JOIN response_receipts r ON r.attempt_item_id = i.id
            WHERE i.attempt_id = $1 GROUP BY i.n ORDER BY i.n`,
          [attemptId],
        )
      ).rows;

    beforeAll(async () => {
      // Authored over HTTP on both replicas, as instructors do: an image (processed by A), exercises, a module.
      const specimenId = await newSpecimen(b, 'Replicas: exercise image');
      const file = await sharp({ create: { width: 640, height: 450, channels: 3, background: '#e8e2d0' } })
        .jpeg()
        .toBuffer();
      const image = await upload(b, specimenId, file);
      await waitFor('the exercise image', async () => (await asset(image.id)).status === 'ready', 30_000);
      const exerciseIds: string[] = [];
      for (const [i, t] of EXERCISES.entries()) {
        const created = await call(i % 2 ? b : a, 'POST', '/api/exercises', {
          token: instructor,
          body: {
            title: `Replicas exercise ${i + 1}`,
            issuingState: 'UTO',
            documentType: 'TD3',
            parts: { locate: { maxPoints: 3 }, fraudType: true, features: false, mrz: false },
            images: [{ side: 'data-page', light: 'visible', frame: 1, assetId: image.id }],
            truth: {
              verdict: t.verdict,
              fraudType: t.fraudType,
              regions:
                t.verdict === 'genuine'
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
        });
        expect(created).toMatchObject({ status: 201 });
        exerciseIds.push(created.body.id);
      }
      const mod = await call(a, 'POST', '/api/modules', {
        token: instructor,
        body: { title: 'Replicas practice', exerciseIds, settings: { mode: 'practice', feedback: 'after-item' } },
      });
      expect(mod.status).toBe(201);
      const published = await call(b, 'POST', `/api/modules/${mod.body.id}/publish`, { token: instructor });
      expect(published.status).toBe(200);
      const cohorts = (await call(a, 'GET', '/api/cohorts', { token: instructor })).body as Array<{
        id: string;
        name: string;
      }>;
      const assigned = await call(b, 'POST', '/api/assignments', {
        token: instructor,
        body: {
          moduleVersionId: published.body.publishedVersion.id,
          cohortId: cohorts.find((c) => c.name === 'Islamabad Intake 2026-A')!.id,
          opensAt: new Date(Date.now() - 60_000).toISOString(),
        },
      });
      expect(assigned.status).toBe(201);
      assignmentId = assigned.body.id;
    }, 60_000);

    /** One trainee's attempt on one replica only: the result to compare with. */
    async function onOneReplica(username: string) {
      const { token } = await signIn(a, username);
      const attempt = (await call(a, 'POST', '/api/attempts', { token, body: { assignmentId } })).body;
      for (let n = 1; n <= attempt.itemCount; n++) {
        expect((await call(a, 'GET', `/api/attempts/${attempt.id}/items/${n}`, { token })).status).toBe(200);
        const res = await call(a, 'PUT', `/api/attempts/${attempt.id}/items/${n}/response`, {
          token,
          body: answerTo(await truthOf(attempt.id, n)),
          headers: { 'idempotency-key': randomUUID() },
        });
        expect(res.status).toBe(200);
      }
      const finished = (await call(a, 'POST', `/api/attempts/${attempt.id}/finish`, { token })).body;
      return { finished, review: (await call(a, 'GET', `/api/attempts/${attempt.id}/review`, { token })).body };
    }

    it('keeps idempotency, order and the one-replica result when answers alternate between A and B', async () => {
      const { token } = await signIn(b, 'trainee03');
      const started = await call(a, 'POST', '/api/attempts', { token, body: { assignmentId } });
      expect(started.status).toBe(201);
      const again = await call(b, 'POST', '/api/attempts', { token, body: { assignmentId } });
      expect(again.status).toBe(200);
      expect(again.body.id).toBe(started.body.id);
      const attemptId = started.body.id as string;
      const itemCount = started.body.itemCount as number;
      expect(itemCount).toBe(EXERCISES.length);

      const sent: Array<{ decision: string }> = [];
      for (let n = 1; n <= itemCount; n++) {
        const [here, there] = n % 2 ? [a, b] : [b, a];
        // In order: the next item is not served, on either replica, before this one is answered.
        if (n < itemCount)
          expect((await call(there, 'GET', `/api/attempts/${attemptId}/items/${n + 1}`, { token })).status).toBe(409);
        expect((await call(here, 'GET', `/api/attempts/${attemptId}/items/${n}`, { token })).status).toBe(200);
        const answer = answerTo(await truthOf(attemptId, n));
        sent.push(answer);
        const key = `replicas-${n}-${randomUUID()}`;
        const put = (r: Replica) =>
          call(r, 'PUT', `/api/attempts/${attemptId}/items/${n}/response`, {
            token,
            body: answer,
            headers: { 'idempotency-key': key },
          });
        // Odd items: answered on one replica, the same key retried on the other. Even items: the same key sent to
        // both at once, as a client retrying a request it thought lost while the first is still in flight.
        const [first, retry] = n % 2 ? [await put(there), await put(here)] : await Promise.all([put(here), put(there)]);
        expect(first.status).toBe(200);
        expect(first.body).toMatchObject({ n, status: 'locked' });
        expect(retry.status).toBe(200);
        expect(retry.body).toEqual(first.body);
        // The same key with another body is refused on either replica.
        const changed = { ...answer, decision: 'accept', fraudType: null };
        for (const r of [a, b])
          expect(
            (
              await call(r, 'PUT', `/api/attempts/${attemptId}/items/${n}/response`, {
                token,
                body: changed,
                headers: { 'idempotency-key': key },
              })
            ).status,
          ).toBe(409);
      }

      // One receipt per item (nothing stored twice), and the answers locked in item order.
      expect(await receipts(attemptId)).toEqual(
        Array.from({ length: itemCount }, (_, i) => ({ n: i + 1, receipts: 1 })),
      );
      const locked = (
        await pg.query<{ n: number; locked_at: Date }>(
          `SELECT n, locked_at FROM attempt_items WHERE attempt_id = $1 ORDER BY n`,
          [attemptId],
        )
      ).rows.map((row) => row.locked_at.getTime());
      expect(locked).toEqual([...locked].sort((x, y) => x - y));
      const view = await call(a, 'GET', `/api/attempts/${attemptId}`, { token });
      expect(view.body).toMatchObject({ currentItem: itemCount + 1, answered: Array(itemCount).fill(true) });

      const finished = await call(b, 'POST', `/api/attempts/${attemptId}/finish`, { token });
      expect(finished.body.status).toBe('finished');
      expect((await call(a, 'POST', `/api/attempts/${attemptId}/finish`, { token })).body.score).toBe(
        finished.body.score,
      );
      const review = (await call(a, 'GET', `/api/attempts/${attemptId}/review`, { token })).body;
      expect(review.items.map((i: { n: number }) => i.n)).toEqual(Array.from({ length: itemCount }, (_, i) => i + 1));
      expect(review.items.map((i: { answer: { decision: string } }) => i.answer.decision)).toEqual(
        sent.map((s) => s.decision),
      );

      // The result is the one a single replica gives for the same answers (response times aside).
      const single = await onOneReplica('trainee04');
      const { meanResponseMs: _ignored, ...results } = review.results;
      const { meanResponseMs: _ignoredToo, ...singleResults } = single.review.results;
      expect(results).toEqual(singleResults);
      expect(finished.body).toMatchObject({ score: single.finished.score, passed: single.finished.passed });
      expect(results.outcomes).toEqual({ hits: 3, misses: 0, falseAlarms: 2, correctRejections: 0 });
    }, 60_000);
  });

  describe('a replica killed while processing an image', () => {
    it('leaves the job to another replica once its lease runs out', async () => {
      const specimenId = await newSpecimen(b, 'Replicas: takeover');
      // Large enough that A needs seconds for it (27 megapixels, variants and thousands of tiles).
      const big = await sharp({
        create: {
          width: 6000,
          height: 4500,
          channels: 3,
          background: '#d8d0b8',
          noise: { type: 'gaussian', mean: 128, sigma: 30 },
        },
      })
        .jpeg({ quality: 80 })
        .toBuffer();
      const { id } = await upload(b, specimenId, big);
      await waitFor('A to start processing', async () => (await asset(id)).status === 'processing', 20_000);

      await a.kill();
      // A died with the job in hand: nothing finished it, and its lease still runs.
      const [orphaned] = (
        await pg.query<{ status: string; attempts: number; lease_until: Date }>(
          `SELECT status, attempts, lease_until FROM media_assets WHERE id = $1`,
          [id],
        )
      ).rows;
      expect(orphaned).toMatchObject({ status: 'processing', attempts: 1 });

      const w = await replica('W', 2);
      // Polled in the database's clock: when the second attempt is first seen, and when the asset is ready.
      let claimedAt: Date | null = null;
      const ready = await waitFor(
        'W to take the job over',
        async () => {
          const [row] = (
            await pg.query<{ status: string; attempts: number; failure_reason: string | null; now: Date }>(
              `SELECT status, attempts, failure_reason, now() FROM media_assets WHERE id = $1`,
              [id],
            )
          ).rows;
          expect(row.status).not.toBe('failed');
          if (row.attempts > 1 && !claimedAt) claimedAt = row.now;
          return row.status === 'ready' && row;
        },
        (LEASE_SECONDS + 40) * 1000,
      );
      // Claimed a second time, and only once A's lease had run out.
      expect(ready).toMatchObject({ attempts: 2, failure_reason: null });
      expect(claimedAt!.getTime()).toBeGreaterThanOrEqual(orphaned.lease_until.getTime());

      for (const r of [b, w]) {
        const view = await call(r, 'GET', `/api/media/${id}`, { token: instructor });
        expect(view.body).toMatchObject({ status: 'ready', width: 6000, height: 4500 });
        const served = await Promise.all([b, w].map((s) => bytesOf(s, view.body.urls.variants['2560.webp'])));
        expect(served.map((s) => s.status)).toEqual([200, 200]);
        expect(served[0].bytes.equals(served[1].bytes)).toBe(true);
      }
    }, 90_000);
  });
});

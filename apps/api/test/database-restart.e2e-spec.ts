// PostgreSQL restarted in the middle of an exam. The spec runs a PostgreSQL server of its own (the embedded-postgres
// binaries, its own data directory and port — never the machine's server, which other suites use) and the built API
// on it. 24 officers take an assessment; after a third of the answers PostgreSQL is stopped (fast shutdown: sessions
// terminated), after two thirds stopped again (immediate shutdown: no checkpoint, crash recovery at the next start),
// each time started again on the same port and data. Meanwhile the API answers 503 with Retry-After and a clear
// message — never a 500 — and does not crash; it reconnects by itself, and every acknowledged answer is there once.
// Needs `npm run build` first (npm test does it).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { EmbeddedDatabase, startEmbeddedPostgres } from '../src/database/embedded-postgres';
import { prepareDatabase } from '../src/database/migrate';
import { call, expectExamIntact, ExamSeed, Ledger, seedAssessment, takeExam, Target, waitFor } from './exam-officers';
import { Replica, QUIET_REPLICA, startReplica } from './replica';
import { tearDown } from './teardown';
import { DEMO_PASSWORD } from './utils';

const OFFICERS = 24;
const ITEMS = 9;
/** How long each outage lasts at least (the officers retry every 100 ms meanwhile). */
const OUTAGE_MS = 1500;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('PostgreSQL stopped and started again under an exam', () => {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'firstline-db-restart-'));
  // A directory of its own directly in the temp directory, which the embedded PostgreSQL opens to its `postgres`
  // user when run as root, so the cluster stays inside it (not under EMBEDDED_PG_DIR, where nothing would remove it).
  const pgData = fs.mkdtempSync(path.join(os.tmpdir(), 'firstline-db-restart-pg-'));
  let postgres: EmbeddedDatabase;
  let port: number;
  let api: Replica;
  const target: Target = { base: '' };
  let seed: ExamSeed;
  let instructor: string;

  const startPostgres = async () => {
    postgres = await startEmbeddedPostgres({ dataDir: pgData, port });
  };
  const postmasterPid = () =>
    Number(fs.readFileSync(path.join(postgres.pgDir, 'postmaster.pid'), 'utf8').split('\n')[0]);

  beforeAll(async () => {
    postgres = await startEmbeddedPostgres({ dataDir: pgData });
    port = Number(new URL(postgres.url).port);
    await prepareDatabase(postgres.url, { seedDemo: true });
    api = await startReplica('api', {
      DATABASE_URL: postgres.url,
      DATA_DIR: path.join(scratch, 'api'),
      JWT_SECRET: 'db-restart-jwt-secret-db-restart-jwt-secret-0123456789',
      ...QUIET_REPLICA,
    });
    target.base = api.base;
    seed = await seedAssessment(target, { label: 'DB restart', officers: OFFICERS, items: ITEMS });
    instructor = (
      await call(target, 'POST', '/api/auth/login', { body: { username: 'instructor1', password: DEMO_PASSWORD } })
    ).body.accessToken;
  }, 120_000);

  afterAll(async () => {
    await tearDown([
      () => api?.kill(),
      () => postgres?.stop(),
      () => fs.rmSync(scratch, { recursive: true, force: true }),
      () => {
        // Wherever the cluster went (DATA_DIR/pg may link elsewhere as root), it goes with the spec.
        if (postgres && !postgres.pgDir.startsWith(pgData))
          fs.rmSync(path.dirname(postgres.pgDir), { recursive: true, force: true });
        fs.rmSync(pgData, { recursive: true, force: true });
      },
    ]);
  }, 60_000);

  /** While PostgreSQL is down: what the API answers a staff member and the health check. */
  interface OutageView {
    health: { status: number; db: string };
    cohorts: { status: number; retryAfter: string | null; body: unknown };
  }
  const outages: Array<{ shutdown: string; view: OutageView; answers503: number }> = [];

  it('answers 503 while it is down, reconnects by itself and loses no acknowledged answer', async () => {
    const ledger = new Ledger();
    const pidBefore = api.pid;
    const total = OFFICERS * ITEMS;

    const outage = async (shutdown: 'fast' | 'immediate') => {
      if (shutdown === 'fast') await postgres.stop();
      else {
        const pid = postmasterPid();
        process.kill(pid, 'SIGQUIT');
        await waitFor('the postmaster to exit', async () => !isAlive(pid), 30_000);
        await postgres.stop(); // already gone: releases the data directory's lock only
      }
      const before503 = ledger.statuses.get(503) ?? 0;
      const before5xx = ledger.errorBodies.length;
      const started = Date.now();
      const health = await call(target, 'GET', '/api/health');
      const cohorts = await call(target, 'GET', '/api/cohorts', { token: instructor });
      // Held until the officers have run into it too.
      await waitFor(
        'the officers to meet the outage',
        async () => Date.now() - started >= OUTAGE_MS && ledger.errorBodies.length > before5xx,
        30_000,
      );
      outages.push({
        shutdown,
        view: {
          health: { status: health.status, db: health.body.db },
          cohorts: { status: cohorts.status, retryAfter: cohorts.headers.get('retry-after'), body: cohorts.body },
        },
        answers503: (ledger.statuses.get(503) ?? 0) - before503,
      });
      await startPostgres();
    };

    let pending: Promise<void> = Promise.resolve();
    const planned: Array<{ after: number; shutdown: 'fast' | 'immediate' }> = [
      { after: Math.floor(total / 3), shutdown: 'fast' },
      { after: Math.floor((2 * total) / 3), shutdown: 'immediate' },
    ];
    await Promise.all(
      seed.officers.map((officer) =>
        takeExam(target, seed, officer, ledger, {
          onAck: () => {
            const next = planned[0];
            if (next && ledger.acks.length >= next.after) {
              planned.shift();
              pending = pending.then(() => outage(next.shutdown));
            }
          },
        }),
      ),
    );
    await pending;

    // Both outages happened mid-run, and each time the API said why, in the words a client can act on.
    expect(outages.map((o) => o.shutdown)).toEqual(['fast', 'immediate']);
    for (const { view, answers503 } of outages) {
      expect(view.health).toEqual({ status: 503, db: 'down' });
      expect(view.cohorts).toEqual({
        status: 503,
        retryAfter: '5',
        body: expect.objectContaining({
          statusCode: 503,
          error: 'Service Unavailable',
          message: 'The database is not reachable at the moment; try again in a few seconds',
        }),
      });
      expect(answers503).toBeGreaterThan(0);
    }
    // Never a 500, never a dropped connection: every failure the officers met was a 503 with Retry-After.
    expect(ledger.networkErrors).toEqual([]);
    const failures = Object.keys(ledger.statusCounts()).filter((s) => Number(s) >= 500);
    expect(failures).toEqual(['503']);
    for (const res of ledger.errorBodies) {
      expect(res.headers.get('retry-after')).toBe('5');
      expect(JSON.stringify(res.body)).not.toMatch(/ECONN|127\.0\.0\.1|terminat|postgres/i);
    }

    // The same process all along, back on its own: healthy again without a restart.
    expect(api.running()).toBe(true);
    expect(api.pid).toBe(pidBefore);
    expect(api.output()).not.toMatch(/Unhandled error|"level":60/); // no 500 logged, nothing fatal
    const health = await waitFor(
      'the API to report the database up',
      async () => {
        const res = await call(target, 'GET', '/api/health');
        return res.status === 200 && res.body;
      },
      30_000,
    );
    expect(health).toMatchObject({ status: 'ok', db: 'up' });

    const pg = new Client({ connectionString: postgres.url });
    await pg.connect();
    try {
      await expectExamIntact(pg, seed, ledger);
    } finally {
      await pg.end();
    }
  }, 150_000);
});

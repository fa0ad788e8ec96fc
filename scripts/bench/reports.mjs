// Benchmark: competence reports at national scale. A generator bulk-loads (COPY) 10,000 officers in 20 cohorts of
// 500, 1,000 exercises and 1,000,000 answered items (with their report facts) into a fresh database; then the cohort
// dashboard of one 500-officer cohort and the unit roll-up over all 10,000 officers are timed as p95 over repeated
// HTTP calls to the real API, each against one hand-written SQL query computing the same figures in the same run.
// Runs on DATABASE_URL's server, or on an embedded PostgreSQL when it is unset.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { percentile } from './measure.mjs';
import { bulkLoad, COHORT_SIZE } from './reports-data.mjs';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const dist = (p) => path.join(root, 'apps', 'api', 'dist', p);

export const name = 'reports';

const CALLS = { cohort: 40, unit: 15 };

export async function run(report) {
  if (!fs.existsSync(dist('reports/index.js'))) {
    console.log('reports: API not built (npm run build) — skipped');
    return;
  }
  const { Client } = require('pg');
  const { prepareDatabase } = require(dist('database/migrate.js'));
  const { startEmbeddedPostgres } = require(dist('database/embedded-postgres.js'));
  let embedded = null;
  let serverUrl = process.env.DATABASE_URL;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'firstline-bench-reports-'));
  fs.chmodSync(dataDir, 0o755);
  if (!serverUrl) {
    embedded = await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'pg') });
    serverUrl = embedded.adminUrl;
  }
  const dbName = `firstline_bench_${process.pid}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  const url = new URL(serverUrl);
  url.pathname = `/${dbName}`;
  let api = null;
  try {
    await prepareDatabase(url.toString(), { seedDemo: true });
    const db = new Client({ connectionString: url.toString() });
    await db.connect();
    try {
      const t0 = performance.now();
      const loaded = await bulkLoad(db, (sql) => require('pg-copy-streams').from(sql), pipeline);
      const loadMs = performance.now() - t0;
      report('reports: bulk load (10k officers, 1M answers)', loadMs / 1000, 's', undefined, '≤ 180 s');

      api = await startApi(url.toString(), dataDir);
      const token = await signIn(api.base, 'bench-supervisor');
      const cohortId = loaded.cohortIds[0];
      const cohortPath = `/api/reports/cohorts/${cohortId}/officers`;
      const unitPath = `/api/reports/units/${loaded.unitId}`;
      // Warm both sides once (plans, caches) before timing; check the API answers what the query answers.
      const first = await getJson(api.base, cohortPath, token);
      if (first.officers.length !== COHORT_SIZE) throw new Error(`cohort has ${first.officers.length} officers`);
      await getJson(api.base, unitPath, token);
      await baselineCohort(db, cohortId);
      await baselineUnit(db, loaded.unitId);

      const cohortApi = [];
      const cohortSql = [];
      for (let i = 0; i < CALLS.cohort; i++) {
        cohortApi.push(await timed(() => getJson(api.base, cohortPath, token)));
        cohortSql.push(await timed(() => baselineCohort(db, cohortId)));
      }
      report(
        'reports: cohort dashboard p95 (500 officers)',
        percentile(cohortApi, 95),
        'ms',
        percentile(cohortSql, 95),
        'ratio ≤ 1.5; ≤ 300 ms',
      );
      const unitApi = [];
      const unitSql = [];
      for (let i = 0; i < CALLS.unit; i++) {
        unitApi.push(await timed(() => getJson(api.base, unitPath, token)));
        unitSql.push(await timed(() => baselineUnit(db, loaded.unitId)));
      }
      report(
        'reports: unit roll-up p95 (10,000 officers)',
        percentile(unitApi, 95),
        'ms',
        percentile(unitSql, 95),
        'ratio ≤ 1.5; ≤ 1000 ms',
      );
    } finally {
      await db.end();
    }
  } finally {
    if (api) await api.stop();
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => undefined);
    await admin.end();
    if (embedded) await embedded.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function timed(fn) {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

async function getJson(base, route, token) {
  const res = await fetch(base + route, { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok) throw new Error(`${route}: ${res.status} ${await res.text()}`);
  return res.json();
}

async function signIn(base, username) {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'firstline-demo' }),
  });
  if (!res.ok) throw new Error(`sign-in as ${username}: ${res.status}`);
  return (await res.json()).accessToken;
}

/** The built API on a free port, against the bench database, without demo content. */
async function startApi(databaseUrl, dataDir) {
  const port = 20000 + (process.pid % 20000);
  const child = spawn(process.execPath, [dist('main.js')], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      SEED_DEMO: 'false',
      LOG_LEVEL: 'warn',
      DATA_DIR: dataDir,
      JWT_SECRET: 'bench-secret-bench-secret-bench-secret-0123',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 120; i++) {
    if (child.exitCode !== null) throw new Error(`the API exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return {
    base,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', resolve);
        child.kill('SIGTERM');
      }),
  };
}

// The baselines: what a developer would write by hand for the same figures, one query each (d′ from the counts is
// arithmetic, left out of both timings' SQL alike).
const OFFICER_FIGURES = `
  SELECT m.user_id, u.username, u.display_name,
         count(f.outcome) AS decisions,
         count(*) FILTER (WHERE f.outcome = 'hit') AS hits,
         count(*) FILTER (WHERE f.outcome = 'miss') AS misses,
         count(*) FILTER (WHERE f.outcome = 'falseAlarm') AS false_alarms,
         count(*) FILTER (WHERE f.outcome = 'correctRejection') AS correct_rejections,
         avg(f.response_time_ms) FILTER (WHERE f.outcome IS NOT NULL) AS mean_ms,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY f.response_time_ms) FILTER (WHERE f.outcome IS NOT NULL) AS median_ms,
         avg(f.locate_score) FILTER (WHERE f.outcome IS NOT NULL) AS locate,
         avg(f.fraud_type_score) FILTER (WHERE f.outcome IS NOT NULL) AS fraud_type,
         max(f.answered_at) AS last_activity,
         (SELECT count(*) FROM report_attempt_facts a WHERE a.user_id = m.user_id AND a.cohort_id = m.cohort_id) AS attempts,
         (SELECT max(a.score) FROM report_attempt_facts a WHERE a.user_id = m.user_id AND a.cohort_id = m.cohort_id) AS best
    FROM cohort_members m
    JOIN users u ON u.id = m.user_id
    LEFT JOIN report_item_facts f ON f.user_id = m.user_id AND f.cohort_id = m.cohort_id
   WHERE m.cohort_id = $1
   GROUP BY m.user_id, m.cohort_id, u.username, u.display_name`;

const baselineCohort = (db, cohortId) => db.query(OFFICER_FIGURES, [cohortId]);

const baselineUnit = (db, unitId) =>
  db.query(
    `SELECT c.id, c.name, count(DISTINCT m.user_id) AS officers, count(f.outcome) AS decisions,
            count(*) FILTER (WHERE f.outcome = 'hit') AS hits,
            count(*) FILTER (WHERE f.outcome = 'miss') AS misses,
            count(*) FILTER (WHERE f.outcome = 'falseAlarm') AS false_alarms,
            count(*) FILTER (WHERE f.outcome = 'correctRejection') AS correct_rejections,
            avg(f.response_time_ms) FILTER (WHERE f.outcome IS NOT NULL) AS mean_ms
       FROM cohorts c
       JOIN cohort_members m ON m.cohort_id = c.id
       LEFT JOIN report_item_facts f ON f.cohort_id = c.id AND f.user_id = m.user_id
      WHERE c.unit_id = $1
      GROUP BY c.id, c.name`,
    [unitId],
  );

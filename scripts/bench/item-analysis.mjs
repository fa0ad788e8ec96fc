// Benchmark: item analysis of a 20-item assessment with 10,000 finished attempts (issue 11's goal: ≤ 2 s). The data is
// bulk-loaded (scripts/bench/item-analysis-data.mjs); then, alternately, the real API calculates the analysis from
// nothing (its stored result is deleted first, so the GET computes it: facts query, Moodle's item and test statistics,
// Rasch estimates, random-guess scores, flags) and the baseline does what a developer would write by hand — one SQL
// query for the attempts' item scores and decisions, then `itemAnalysis` and `estimateRasch` from libs/scoring.
// Runs on DATABASE_URL's server, or on an embedded PostgreSQL when it is unset.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { pipeline } from 'node:stream/promises';
import { apiDist as dist, signIn, startApi } from './api-process.mjs';
import { openBenchDatabase } from './bench-database.mjs';
import { ATTEMPTS, bulkLoad, ITEMS } from './item-analysis-data.mjs';
import { percentile } from './measure.mjs';

const require = createRequire(import.meta.url);

export const name = 'item-analysis';

const RUNS = 7;
/** The API's stored analyses (deleted before each timed call, so the call calculates). */
const STORED = 'report_item_analyses';

export async function run(report) {
  if (!fs.existsSync(dist('reports/index.js'))) {
    console.log('item-analysis: API not built (npm run build) — skipped');
    return;
  }
  const { Client } = require('pg');
  const scoring = require('../../libs/scoring/dist/index.js');
  const { url, dataDir, close } = await openBenchDatabase('items');
  let api = null;
  try {
    const db = new Client({ connectionString: url });
    await db.connect();
    try {
      const t0 = performance.now();
      const loaded = await bulkLoad(db, (sql) => require('pg-copy-streams').from(sql), pipeline);
      report(
        `item analysis: bulk load (${ATTEMPTS.toLocaleString('en')} attempts × ${ITEMS} items)`,
        (performance.now() - t0) / 1000,
        's',
      );
      api = await startApi(url, dataDir);
      const token = await signIn(api.base, 'instructor1');
      const route = `/api/reports/modules/${loaded.moduleId}/item-analysis`;
      const fresh = async () => {
        await db.query(`DELETE FROM ${STORED}`);
        return getJson(api.base, route, token);
      };
      const byHand = () => baseline(db, scoring, loaded.moduleVersionId);

      // Warm both once, and check they agree on what they computed.
      const first = await fresh();
      const hand = await byHand();
      if (first.test.attempts !== ATTEMPTS) throw new Error(`the API counted ${first.test.attempts} attempts`);
      const gap = Math.abs(first.test.cic - hand.analysis.cic);
      if (!(gap < 1e-6))
        throw new Error(`the API's CIC ${first.test.cic} differs from the baseline's ${hand.analysis.cic}`);

      const apiMs = [];
      const handMs = [];
      for (let i = 0; i < RUNS; i++) {
        apiMs.push(await timed(fresh));
        handMs.push(await timed(byHand));
      }
      report(
        `item analysis: 20 items × ${ATTEMPTS.toLocaleString('en')} attempts, median of ${RUNS}`,
        median(apiMs),
        'ms',
        median(handMs),
        '≤ 2000 ms',
      );
      // What an instructor waits for once it is calculated: the stored figures.
      const storedMs = [];
      for (let i = 0; i < RUNS; i++) storedMs.push(await timed(() => getJson(api.base, route, token)));
      report('item analysis: stored figures, median', median(storedMs), 'ms');
    } finally {
      await db.end();
    }
  } finally {
    if (api) await api.stop();
    await close();
  }
}

/** The hand-written calculation: one query, a marks matrix by pool position, Moodle's figures and Rasch. */
async function baseline(db, scoring, moduleVersionId) {
  const { rows } = await db.query(
    `SELECT f.attempt_id, p.position::int AS position, f.score,
            f.outcome IN ('hit', 'correctRejection') AS right_decision, f.response_time_ms
       FROM report_attempt_facts a
       JOIN module_versions v ON v.id = a.module_version_id
       JOIN report_item_facts f ON f.attempt_id = a.attempt_id
       JOIN LATERAL jsonb_array_elements_text(v.pool) WITH ORDINALITY p(version_id, position)
         ON p.version_id::uuid = f.exercise_version_id
      WHERE a.module_version_id = $1 AND a.finished_at IS NOT NULL
      ORDER BY f.attempt_id`,
    [moduleVersionId],
  );
  const marks = [];
  const decisions = [];
  const times = new Array(ITEMS).fill(0);
  let current = null;
  for (const r of rows) {
    if (r.attempt_id !== current) {
      current = r.attempt_id;
      marks.push(new Array(ITEMS).fill(0));
      decisions.push(new Array(ITEMS).fill(0));
    }
    marks[marks.length - 1][r.position - 1] = r.score;
    decisions[decisions.length - 1][r.position - 1] = r.right_decision ? 1 : 0;
    times[r.position - 1] += r.response_time_ms ?? 0;
  }
  const analysis = scoring.itemAnalysis(marks, new Array(ITEMS).fill(1));
  const rasch = scoring.estimateRasch(decisions);
  return { analysis, rasch, meanMs: times.map((t) => t / marks.length) };
}

async function timed(fn) {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

const median = (xs) => percentile(xs, 50);

async function getJson(base, route, token) {
  const res = await fetch(base + route, { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok) throw new Error(`${route}: ${res.status} ${await res.text()}`);
  return res.json();
}

// Benchmark: competence reports at national scale. A generator bulk-loads (COPY) 10,000 officers in 20 cohorts of
// 500, 1,000 exercises and 1,000,000 answered items (with their report facts) into a fresh database; then the cohort
// dashboard of one 500-officer cohort and the unit roll-up over all 10,000 officers are timed as p95 over repeated
// HTTP calls to the real API, each against one hand-written SQL query computing the same figures in the same run, and
// beside them the HTTP floor: that query behind bare node:http (reports-floor.mjs), what the transport alone costs.
// Runs on DATABASE_URL's server, or on an embedded PostgreSQL when it is unset.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { pipeline } from 'node:stream/promises';
import { apiDist as dist, signIn, startApi } from './api-process.mjs';
import { openBenchDatabase } from './bench-database.mjs';
import { percentile } from './measure.mjs';
import { COHORT_OFFICERS, UNIT } from './reports-baseline.mjs';
import { bulkLoad, COHORT_SIZE } from './reports-data.mjs';
import { startFloor } from './reports-floor-process.mjs';

const require = createRequire(import.meta.url);

export const name = 'reports';

const CALLS = { cohort: 40, unit: 40 };
/** Untimed calls of each kind, on every side, before the timed ones. */
const WARM_UP = 10;

export async function run(report) {
  if (!fs.existsSync(dist('reports/index.js'))) {
    console.log('reports: API not built (npm run build) — skipped');
    return;
  }
  const { Client } = require('pg');
  const { url, dataDir, close } = await openBenchDatabase('reports');
  let api = null;
  let floor = null;
  try {
    const db = new Client({ connectionString: url });
    await db.connect();
    try {
      const t0 = performance.now();
      const loaded = await bulkLoad(db, (sql) => require('pg-copy-streams').from(sql), pipeline);
      const loadMs = performance.now() - t0;
      report('reports: bulk load (10k officers, 1M answers)', loadMs / 1000, 's', undefined, '≤ 180 s');

      api = await startApi(url, dataDir);
      floor = await startFloor(url);
      const token = await signIn(api.base, 'bench-supervisor');
      const cohortId = loaded.cohortIds[0];
      const cohortPath = `/api/reports/cohorts/${cohortId}/officers`;
      const sides = (apiPath, floorPath, query) => [
        ['API', () => getJson(api.base, apiPath, token)],
        ['HTTP floor', () => getJson(floor.base, floorPath, token)],
        ['query', query],
      ];
      const cohort = sides(cohortPath, `/cohorts/${cohortId}`, () => db.query(COHORT_OFFICERS, [cohortId]));
      const unit = sides(`/api/reports/units/${loaded.unitId}`, `/units/${loaded.unitId}`, () =>
        db.query(UNIT, [loaded.unitId]),
      );
      // Check the API answers what the query answers, then warm every side alike before timing: the API's pool opens
      // its connections (each a new PostgreSQL backend with cold caches) and V8 optimises its code over the first
      // calls, as a server that has been running would have; the other sides get the same number of calls.
      const first = await getJson(api.base, cohortPath, token);
      if (first.officers.length !== COHORT_SIZE) throw new Error(`cohort has ${first.officers.length} officers`);
      for (let i = 0; i < WARM_UP; i++) for (const [, call] of [...cohort, ...unit]) await call();

      const cohortTimes = await alternately(cohort, CALLS.cohort);
      reportSides(report, 'cohort dashboard p95 (500 officers)', cohortTimes, 'ratio ≤ 1.5; ≤ 300 ms');
      const unitTimes = await alternately(unit, CALLS.unit);
      reportSides(report, 'unit roll-up p95 (10,000 officers)', unitTimes, 'ratio ≤ 1.5; ≤ 1000 ms');
    } finally {
      await db.end();
    }
  } finally {
    if (api) await api.stop();
    if (floor) await floor.stop();
    await close();
  }
}

/** Each side's times over `calls` rounds, the sides called in turn within a round: { API, HTTP floor, query }. */
async function alternately(sides, calls) {
  const times = Object.fromEntries(sides.map(([side]) => [side, []]));
  for (let i = 0; i < calls; i++) for (const [side, call] of sides) times[side].push(await timed(call));
  return times;
}

/**
 * The API's p95 against the query's (the goal), then the HTTP floor's against the query's: the hand-written query
 * behind bare node:http, what the transport alone costs on this machine. Medians beside them: a p95 of 40 calls moves
 * with two slow calls, the median shows the typical one.
 */
function reportSides(report, figure, times, goal) {
  const query = percentile(times.query, 95);
  report(`reports: ${figure}`, percentile(times.API, 95), 'ms', query, goal);
  report(`reports: HTTP floor, ${figure}`, percentile(times['HTTP floor'], 95), 'ms', query, 'none: context');
  const median = (side) => `${side} ${percentile(times[side], 50).toFixed(1)} ms`;
  console.log(`  median: ${['API', 'HTTP floor', 'query'].map(median).join(', ')}`);
}

async function timed(fn) {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

/**
 * A report as the dashboard's browser fetches it: asking for the encodings a browser accepts (Chromium's list), where
 * Node's fetch offers only gzip and deflate. The API answers a browser in Brotli, and so does the HTTP floor.
 */
const BROWSER_ENCODINGS = 'gzip, deflate, br, zstd';

async function getJson(base, route, token) {
  const res = await fetch(base + route, {
    headers: { authorization: `Bearer ${token}`, 'accept-encoding': BROWSER_ENCODINGS },
  });
  if (!res.ok) throw new Error(`${route}: ${res.status} ${await res.text()}`);
  return res.json();
}

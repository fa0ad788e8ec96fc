// Benchmark: competence reports at national scale. A generator bulk-loads (COPY) 10,000 officers in 20 cohorts of
// 500, 1,000 exercises and 1,000,000 answered items (with their report facts) into a fresh database; then the cohort
// dashboard of one 500-officer cohort and the unit roll-up over all 10,000 officers are timed as p95 over repeated
// HTTP calls to the real API, each against one hand-written SQL query computing the same figures in the same run.
// Runs on DATABASE_URL's server, or on an embedded PostgreSQL when it is unset.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { pipeline } from 'node:stream/promises';
import { apiDist as dist, signIn, startApi } from './api-process.mjs';
import { openBenchDatabase } from './bench-database.mjs';
import { percentile } from './measure.mjs';
import { bulkLoad, COHORT_SIZE } from './reports-data.mjs';

const require = createRequire(import.meta.url);

export const name = 'reports';

const CALLS = { cohort: 40, unit: 15 };
/** Untimed calls of each kind, on both sides, before the timed ones. */
const WARM_UP = 10;

export async function run(report) {
  if (!fs.existsSync(dist('reports/index.js'))) {
    console.log('reports: API not built (npm run build) — skipped');
    return;
  }
  const { Client } = require('pg');
  const { url, dataDir, close } = await openBenchDatabase('reports');
  let api = null;
  try {
    const db = new Client({ connectionString: url });
    await db.connect();
    try {
      const t0 = performance.now();
      const loaded = await bulkLoad(db, (sql) => require('pg-copy-streams').from(sql), pipeline);
      const loadMs = performance.now() - t0;
      report('reports: bulk load (10k officers, 1M answers)', loadMs / 1000, 's', undefined, '≤ 180 s');

      api = await startApi(url, dataDir);
      const token = await signIn(api.base, 'bench-supervisor');
      const cohortId = loaded.cohortIds[0];
      const cohortPath = `/api/reports/cohorts/${cohortId}/officers`;
      const unitPath = `/api/reports/units/${loaded.unitId}`;
      // Check the API answers what the query answers, then warm both sides alike before timing: the API's pool opens
      // its connections (each a new PostgreSQL backend with cold caches) and V8 optimises its code over the first
      // calls, as a server that has been running would have; the query side gets the same number of calls.
      const first = await getJson(api.base, cohortPath, token);
      if (first.officers.length !== COHORT_SIZE) throw new Error(`cohort has ${first.officers.length} officers`);
      for (let i = 0; i < WARM_UP; i++) {
        await getJson(api.base, cohortPath, token);
        await getJson(api.base, unitPath, token);
        await baselineCohort(db, cohortId);
        await baselineUnit(db, loaded.unitId);
      }

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
      medians(cohortApi, cohortSql);
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
      medians(unitApi, unitSql);
    } finally {
      await db.end();
    }
  } finally {
    if (api) await api.stop();
    await close();
  }
}

/** The medians beside each p95: a p95 of 15–40 calls moves with one slow call, the median shows the typical one. */
function medians(api, sql) {
  console.log(`  median: API ${percentile(api, 50).toFixed(1)} ms, query ${percentile(sql, 50).toFixed(1)} ms`);
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

// The baselines: what a developer would write by hand for the same figures as the API, one query each, from the
// fastest tables for the job (the daily roll-up for the counts, the decided-time index for medians, the attempt facts
// for standings); d′ from the counts is arithmetic, left out of both timings' SQL alike.

/** Each assignment's standing of each officer of the cohorts `cohorts` picks (as moduleStanding), from the facts. */
const standings = (cohorts) => `
  SELECT m.cohort_id, m.user_id, s.id AS assignment_id, t.n AS attempts, t.best,
         CASE WHEN t.passed THEN 'passed' WHEN t.in_progress THEN 'in-progress' WHEN t.finished > 0 THEN 'failed'
              WHEN s.closes_at <= now() THEN 'overdue' ELSE 'not-started' END AS standing
    FROM cohort_members m
    JOIN assignments s ON s.cohort_id = m.cohort_id
    LEFT JOIN (SELECT user_id, assignment_id, count(*) AS n, count(finished_at) AS finished,
                      bool_or(passed) AS passed, bool_or(finished_at IS NULL) AS in_progress, max(score) AS best
                 FROM report_attempt_facts WHERE cohort_id ${cohorts} GROUP BY 1, 2) t
           ON t.user_id = m.user_id AND t.assignment_id = s.id
   WHERE m.cohort_id ${cohorts}`;

const SUMS = `
  sum(decisions) AS decisions, sum(hits) AS hits, sum(misses) AS misses, sum(false_alarms) AS false_alarms,
  sum(correct_rejections) AS correct_rejections, sum(decision_ms_sum)::float8 / nullif(sum(decision_ms_n), 0) AS mean_ms,
  sum(locate_sum) / nullif(sum(locate_n), 0) AS locate, sum(fraud_type_sum) / nullif(sum(fraud_type_n), 0) AS fraud_type`;

const COHORT_OFFICERS = `
  WITH sums AS (
    SELECT user_id, ${SUMS}, max(last_at) AS last_answer
      FROM report_officer_days WHERE cohort_id = $1 GROUP BY GROUPING SETS ((user_id), ())
  ), medians AS (
    SELECT user_id, percentile_cont(0.5) WITHIN GROUP (ORDER BY response_time_ms) AS median_ms
      FROM report_item_facts WHERE cohort_id = $1 AND outcome IS NOT NULL GROUP BY GROUPING SETS ((user_id), ())
  ), attempts AS (
    SELECT user_id, count(*) AS attempts, max(score) FILTER (WHERE finished_at IS NOT NULL) AS best,
           (array_agg(score ORDER BY finished_at DESC) FILTER (WHERE finished_at IS NOT NULL))[1] AS latest,
           max(started_at) AS last_started
      FROM report_attempt_facts WHERE cohort_id = $1 GROUP BY user_id
  ), modules AS (
    SELECT user_id, json_agg(json_build_object('assignment', assignment_id, 'standing', standing,
                                               'attempts', coalesce(attempts, 0), 'best', best)) AS modules,
           count(*) FILTER (WHERE standing = 'not-started') AS not_started,
           count(*) FILTER (WHERE standing = 'overdue') AS overdue
      FROM (${standings('= $1')}) x GROUP BY user_id
  )
  SELECT u.id, u.username, u.display_name, s.*, md.median_ms, a.attempts, a.best, a.latest,
         greatest(s.last_answer, a.last_started) AS last_activity, mo.modules, mo.not_started, mo.overdue
    FROM cohort_members m
    JOIN users u ON u.id = m.user_id
    LEFT JOIN sums s ON s.user_id = m.user_id
    LEFT JOIN medians md ON md.user_id = m.user_id
    LEFT JOIN attempts a ON a.user_id = m.user_id
    LEFT JOIN modules mo ON mo.user_id = m.user_id
   WHERE m.cohort_id = $1
  UNION ALL
  SELECT NULL, NULL, NULL, s.*, md.median_ms, NULL, NULL, NULL, NULL, NULL, NULL, NULL
    FROM sums s, medians md WHERE s.user_id IS NULL AND md.user_id IS NULL`;

const baselineCohort = (db, cohortId) => db.query(COHORT_OFFICERS, [cohortId]);

// Per cohort of the unit: pooled counts (no median, as the API), officers, passed the latest assessment, officers
// with a module not started or overdue, and the readiness list (each officer's standing on that assessment).
const UNIT = `
  WITH cohorts AS (SELECT id, name FROM cohorts WHERE unit_id = $1),
  sums AS (
    SELECT cohort_id, ${SUMS} FROM report_officer_days WHERE cohort_id IN (SELECT id FROM cohorts) GROUP BY cohort_id
  ), standings AS (${standings('IN (SELECT id FROM cohorts)')}),
  latest AS (
    SELECT DISTINCT ON (s.cohort_id) s.cohort_id, s.id AS assignment_id
      FROM assignments s JOIN module_versions mv ON mv.id = s.module_version_id
     WHERE s.cohort_id IN (SELECT id FROM cohorts) AND mv.settings->>'mode' = 'assessment'
     ORDER BY s.cohort_id, s.opens_at DESC, s.id DESC
  ), officers AS (
    SELECT st.cohort_id, st.user_id, bool_or(st.standing = 'not-started') AS not_started,
           bool_or(st.standing = 'overdue') AS overdue,
           max(st.standing) FILTER (WHERE st.assignment_id = l.assignment_id) AS on_latest,
           max(st.best) FILTER (WHERE st.assignment_id = l.assignment_id) AS best
      FROM standings st LEFT JOIN latest l ON l.cohort_id = st.cohort_id
     GROUP BY st.cohort_id, st.user_id
  )
  SELECT c.id, c.name, s.decisions, s.hits, s.misses, s.false_alarms, s.correct_rejections, s.mean_ms, s.locate,
         s.fraud_type, count(o.user_id) AS officers, count(*) FILTER (WHERE o.on_latest = 'passed') AS passed,
         count(*) FILTER (WHERE o.not_started) AS not_started, count(*) FILTER (WHERE o.overdue) AS overdue,
         json_agg(json_build_object('userId', u.id, 'username', u.username, 'name', u.display_name,
                                    'standing', o.on_latest, 'bestScore', o.best)) AS readiness
    FROM cohorts c
    LEFT JOIN sums s ON s.cohort_id = c.id
    LEFT JOIN officers o ON o.cohort_id = c.id
    LEFT JOIN users u ON u.id = o.user_id
   GROUP BY c.id, c.name, s.decisions, s.hits, s.misses, s.false_alarms, s.correct_rejections, s.mean_ms, s.locate,
            s.fraud_type`;

const baselineUnit = (db, unitId) => db.query(UNIT, [unitId]);

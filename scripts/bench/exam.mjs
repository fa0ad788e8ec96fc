// Benchmark: exam day. The demo's timed assessment (20 items) is assigned to a shift of bench officers, who sign in and
// start their attempts first (not measured); then, with FirstLine and the baseline server (exam-baseline.mjs: node:http
// and pg doing the same database writes) taking turns under identical load (exam-load.mjs):
// - closed loop: 200 officers answer their whole exam with no think time — answers/s, FirstLine against baseline;
// - open loop: 1,000 officers answer one item every 12 s on average for a minute — submit and item-fetch latencies.
// The API's resident memory is sampled throughout. Runs on DATABASE_URL's server, or an embedded PostgreSQL.
import { fork } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { apiDist, BENCH_JWT_SECRET, signIn, startApi } from './api-process.mjs';
import { openBenchDatabase } from './bench-database.mjs';
import { assessmentVersion, assignExam, seedOfficers } from './exam-data.mjs';
import { closedLoop, openLoop, signInAll, startAttempts } from './exam-load.mjs';

const require = createRequire(import.meta.url);

export const name = 'exam';

const CLOSED_OFFICERS = 200;
const OPEN_OFFICERS = 1000;
const ITEMS = 20;
const ROUNDS = 2;
const THINK_MS = 12_000;
const OPEN_MS = 60_000;

export async function run(report) {
  if (!fs.existsSync(apiDist('main.js'))) {
    console.log('exam: API not built (npm run build) — skipped');
    return;
  }
  const { Client } = require('pg');
  const { url, dataDir, close } = await openBenchDatabase('exam');
  let api = null;
  let baseline = null;
  let rss = null;
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    // No item-model generation: the demo's certification would otherwise render and ingest its officers' documents
    // in this process throughout the load, and the benchmark would measure the media pipeline beside the exam.
    api = await startApi(url, dataDir, {
      SEED_DEMO: 'true',
      DEMO_HISTORY: 'false',
      ACCESS_TOKEN_TTL: '7200',
      ITEM_MODEL_GENERATION: 'false',
    });
    const moduleVersionId = await demoAssessment(api.base, db);
    const { cohortId, usernames } = await seedOfficers(db, OPEN_OFFICERS);
    baseline = await startBaseline(url, path.join(dataDir, 'media'));
    // The shift begins once the library is prepared: the image worker that processed it has left (as it does when
    // idle). Memory is sampled from here on, the worker's included should it run again.
    await untilNoChildren(api.pid);
    rss = sampleRss(api.pid);
    console.log(`exam: signing in ${OPEN_OFFICERS} officers`);
    const tokens = await signInAll(api.base, usernames);
    const shift = async () =>
      startAttempts(api.base, tokens.slice(0, CLOSED_OFFICERS), await assignExam(db, moduleVersionId, cohortId));

    const closed = { api: [], baseline: [] };
    let errors = 0;
    let baselineErrors = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const a = await closedLoop(api.base, await shift(), ITEMS);
      const b = await closedLoop(baseline.base, await shift(), ITEMS);
      closed.api.push(a.answers / a.seconds);
      closed.baseline.push(b.answers / b.seconds);
      errors += a.errors;
      baselineErrors += b.errors;
      console.log(
        `exam: closed loop round ${round + 1}: FirstLine ${(a.answers / a.seconds).toFixed(1)} answers/s ` +
          `(${JSON.stringify(a.statuses)}), baseline ${(b.answers / b.seconds).toFixed(1)} (${JSON.stringify(b.statuses)})`,
      );
    }
    report('exam answers/s', Math.max(...closed.api), '/s', Math.max(...closed.baseline), 'ratio ≥ 0.5, 0 errors');

    const openShift = async () => startAttempts(api.base, tokens, await assignExam(db, moduleVersionId, cohortId));
    console.log(`exam: open loop, ${OPEN_OFFICERS} officers for ${OPEN_MS / 1000} s each side`);
    const open = await openLoop(api.base, await openShift(), { thinkMs: THINK_MS, durationMs: OPEN_MS });
    const base = await openLoop(baseline.base, await openShift(), { thinkMs: THINK_MS, durationMs: OPEN_MS });
    errors += open.errors;
    baselineErrors += base.errors;
    console.log(
      `exam: open loop: FirstLine ${open.submit.totalCount} answers (${JSON.stringify(open.statuses)}), ` +
        `baseline ${base.submit.totalCount} (${JSON.stringify(base.statuses)})`,
    );
    const ms = (h, p) => h.getValueAtPercentile(p) / 1000;
    report('exam submit p50', ms(open.submit, 50), 'ms', ms(base.submit, 50));
    report('exam submit p95', ms(open.submit, 95), 'ms', ms(base.submit, 95));
    report('exam submit p99', ms(open.submit, 99), 'ms', ms(base.submit, 99), '≤ 100 ms');
    report('exam item p99', ms(open.item, 99), 'ms', ms(base.item, 99), '≤ 150 ms');
    report('exam errors', errors, '', baselineErrors, '0');
    report('exam API peak RSS', rss.stop() / 1024, 'MB', baseline.peakRss() / 1024, '≤ 300 MB');
  } finally {
    rss?.stop();
    if (baseline) await baseline.stop();
    if (api) await api.stop();
    await db.end();
    await close();
  }
}

/** Waits for the demo content (the assessment is published last) and returns the assessment's module version. */
async function demoAssessment(base, db) {
  const token = await signIn(base, 'admin');
  for (let i = 0; i < 600; i++) {
    const res = await fetch(`${base}/api/demo-content/status`, { headers: { authorization: `Bearer ${token}` } });
    const status = await res.json();
    if (status.state === 'failed') throw new Error('the demo content could not be prepared');
    if (status.state === 'ready') {
      const id = await assessmentVersion(db);
      if (id) return id;
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error('the demo assessment was not ready in 10 minutes');
}

/** Resolves when `pid` has no child processes (the API's image worker has left), within a minute. */
async function untilNoChildren(pid) {
  for (let i = 0; i < 600; i++) {
    if (childrenOf(pid).length === 0) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(
    `the API still has child processes (${childrenOf(pid).join(', ')}) a minute after its library was ready`,
  );
}

/** The child processes of `pid`. */
function childrenOf(pid) {
  try {
    return fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(' ').filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/**
 * The peak VmRSS (kB) of a process together with its child processes (the API's image worker, while it runs), sampled
 * every 200 ms until stop() returns it.
 */
function sampleRss(pid) {
  let peak = 0;
  /** kB, or null once the process is gone. */
  const rssOf = (p) => {
    try {
      return Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      return null;
    }
  };
  const sample = () => {
    const own = rssOf(pid);
    // the process has exited: its peak is what was sampled
    if (own === null) return clearInterval(timer);
    peak = Math.max(
      peak,
      childrenOf(pid).reduce((kb, child) => kb + (rssOf(child) ?? 0), own),
    );
  };
  const timer = setInterval(sample, 200);
  return {
    stop: () => {
      clearInterval(timer);
      sample();
      return peak;
    },
  };
}

/** The baseline server as a child process on its own port. */
async function startBaseline(databaseUrl, mediaDir) {
  const port = 20000 + ((process.pid + 1) % 20000);
  const child = fork(fileURLToPath(new URL('./exam-baseline.mjs', import.meta.url)), [], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      MEDIA_DIR: mediaDir,
      JWT_SECRET: BENCH_JWT_SECRET,
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  await new Promise((resolve, reject) => {
    child.once('message', resolve);
    child.once('exit', (code) => reject(new Error(`the baseline server exited with ${code}`)));
  });
  const rss = sampleRss(child.pid);
  return {
    base: `http://127.0.0.1:${port}`,
    peakRss: () => rss.stop(),
    stop: () =>
      new Promise((resolve) => {
        rss.stop();
        if (child.exitCode !== null) return resolve();
        child.once('exit', resolve);
        child.kill('SIGTERM');
      }),
  };
}

// Benchmark: the first start. `npm start` is run as a new user runs it (a fresh data folder, the embedded PostgreSQL,
// the demo library drawn and ingested in the background), and a demo trainee tries, every half second from the
// moment the banner is printed, to do what a new user does first: sign in, find the practice module in My training,
// start it and load the first document's image. The figure is the time from the banner until that works; the
// baseline, measured in the same run, is the time until all the demo content is ready — what a trainee waited
// before the practice pool came first.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { apiDist } from './api-process.mjs';

export const name = 'first-start';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const main = apiDist('main.js');
const TIMEOUT_MS = 10 * 60_000;
const DEMO_PASSWORD = 'firstline-demo';

export async function run(report) {
  if (!fs.existsSync(main)) {
    console.log('first start: API not built (npm run build) — skipped');
    return;
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'firstline-bench-first-start-'));
  fs.chmodSync(dataDir, 0o755);
  const port = await freePort();
  const env = { ...process.env, DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL; // the first start of a new user: no database server, the embedded one
  // As `npm start` runs it: with the API's Node flags (not the Docker image's environment).
  const { API_NODE_FLAGS } = createRequire(import.meta.url)(apiDist('process-settings.js'));
  const server = spawn(process.execPath, [...API_NODE_FLAGS, main], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  server.stderr.on('data', (d) => (stderr = (stderr + d).slice(-4000)));
  const exited = new Promise((resolve) => server.once('exit', resolve));
  try {
    const bannerAt = await banner(server, exited, () => stderr);
    const base = `http://127.0.0.1:${port}/api`;
    const practiceAt = await until(() => practiceStarted(base), exited);
    const readyAt = await until(async () => (await get(base, '/health')).body?.demoContent === 'ready', exited);
    const practice = (practiceAt - bannerAt) / 1000;
    const all = (readyAt - bannerAt) / 1000;
    report('first start: practice startable after the banner', practice, 's', all, '≤ 60 s');
  } finally {
    server.kill('SIGTERM');
    await Promise.race([exited, sleep(20_000)]);
    if (server.exitCode === null) server.kill('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Resolves with the time the banner was printed; rejects if the server exits first. */
function banner(server, exited, stderr) {
  return new Promise((resolve, reject) => {
    let out = '';
    server.stdout.on('data', (d) => {
      out += d;
      if (out.includes('FirstLine is running')) resolve(performance.now());
    });
    void exited.then((code) => reject(new Error(`the server exited (${code}) before its banner: ${stderr()}`)));
  });
}

let token = null;

/** One try of what a new trainee does first; true once it all worked. */
async function practiceStarted(base) {
  if (!token) {
    const login = await post(base, '/auth/login', { username: 'trainee01', password: DEMO_PASSWORD });
    if (login.status !== 200 && login.status !== 201) return false;
    token = login.body.accessToken;
  }
  const assignments = await get(base, '/me/assignments', token);
  const practice = (assignments.body ?? []).find(
    (a) => a.module.mode === 'practice' && /practice/.test(a.module.title),
  );
  if (!practice) return false;
  const started = await post(base, '/attempts', { assignmentId: practice.id }, token);
  if (started.status !== 201 && started.status !== 200) return false;
  const item = await get(base, `/attempts/${started.body.id}/items/1`, token);
  const url = Object.values(item.body?.sides?.[0]?.images?.[0]?.urls?.variants ?? {})[0];
  if (!url) return false;
  const image = await fetch(new URL(url, base));
  await image.arrayBuffer();
  return image.status === 200;
}

async function until(check, exited) {
  let gone = false;
  void exited.then(() => (gone = true));
  const t0 = performance.now();
  for (;;) {
    if (gone) throw new Error('the server exited while the bench waited');
    if (await check().catch(() => false)) return performance.now();
    if (performance.now() - t0 > TIMEOUT_MS) throw new Error('first start: gave up after 10 minutes');
    await sleep(500);
  }
}

async function get(base, route, bearer) {
  const res = await fetch(`${base}${route}`, { headers: bearer ? { authorization: `Bearer ${bearer}` } : {} });
  return { status: res.status, body: await res.json().catch(() => null) };
}

async function post(base, route, body, bearer) {
  const res = await fetch(`${base}${route}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json().catch(() => null) };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

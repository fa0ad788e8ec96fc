// Starts a fresh FirstLine server for the browser tests: the built API (which also serves apps/web/dist) on a
// free port, with its own embedded database in a temp dir — or, when DATABASE_URL is set, a new database on
// that server, dropped again afterwards.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const API_MAIN = path.join(ROOT, 'apps', 'api', 'dist', 'main.js');
const WEB_INDEX = path.join(ROOT, 'apps', 'web', 'dist', 'index.html');

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** `pg` is a dependency of the API; load it from there. */
function loadPg() {
  const require = createRequire(path.join(ROOT, 'apps', 'api', 'package.json'));
  return require('pg');
}

async function withAdminClient(adminUrl, fn) {
  const { Client } = loadPg();
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function createDatabase(adminUrl) {
  const name = `firstline_web_e2e_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  await withAdminClient(adminUrl, (c) => c.query(`CREATE DATABASE "${name}"`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { name, url: url.toString() };
}

async function dropDatabase(adminUrl, name) {
  await withAdminClient(adminUrl, async (c) => {
    await c.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
      [name],
    );
    await c.query(`DROP DATABASE IF EXISTS "${name}"`);
  });
}

async function waitForHealth(base, child, log, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`The server exited with code ${child.exitCode} before it was healthy:\n${log()}`);
    try {
      const res = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(2000) });
      if (res.status === 200) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 400));
  }
  throw new Error(`The server was not healthy within ${timeoutMs / 1000} s:\n${log()}`);
}

/** The demo modules appear once the background seeder has generated and ingested the library. */
async function waitForDemoContent(base, child, log, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server exited with code ${child.exitCode}:\n${log()}`);
    const health = await fetch(`${base}/api/health`)
      .then((r) => r.json())
      .catch(() => null);
    if (health?.demoContent === 'ready') return;
    if (health?.demoContent === 'failed') throw new Error(`The demo content could not be prepared:\n${log()}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`The demo content was not ready within ${timeoutMs / 1000} s:\n${log()}`);
}

export async function startServer({ timeoutMs = 60_000 } = {}) {
  for (const [file, hint] of [
    [API_MAIN, 'build the API first: npm run build -w apps/api'],
    [WEB_INDEX, 'build the web app first: npm run build -w apps/web'],
  ]) {
    if (!fs.existsSync(file)) throw new Error(`${path.relative(ROOT, file)} is missing — ${hint}`);
  }
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'firstline-web-e2e-'));
  const adminUrl = process.env.DATABASE_URL || null;
  const db = adminUrl ? await createDatabase(adminUrl) : null;

  // A small demo library (16 exercises), cached between runs so only the first run renders it.
  const env = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    SEED_DEMO: 'true',
    DEMO_EXERCISES: process.env.DEMO_EXERCISES || '16',
    DEMO_DPI: process.env.DEMO_DPI || '200',
    DEMO_LIBRARY_DIR: process.env.DEMO_LIBRARY_DIR || path.join(os.tmpdir(), 'firstline-e2e-demo-library'),
    // The demo gives each assessment item a handful of responses: judge items from 5 (the default 10 greys them all).
    ITEM_ANALYSIS_MIN_RESPONSES: process.env.ITEM_ANALYSIS_MIN_RESPONSES || '5',
    // No documents generated for the demo certification's item models: hundreds of renders would compete with every
    // flow for the CPU (item-model-flows.mjs shows the officer being told so; the API suite tests generation).
    ITEM_MODEL_GENERATION: process.env.ITEM_MODEL_GENERATION || 'false',
    LOG_LEVEL: 'warn',
    NODE_ENV: 'test',
  };
  if (db) env.DATABASE_URL = db.url;
  else delete env.DATABASE_URL;

  let output = '';
  const child = spawn(process.execPath, [API_MAIN], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const base = `http://127.0.0.1:${port}`;

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    }
    if (db)
      await dropDatabase(adminUrl, db.name).catch((err) => console.warn(`could not drop ${db.name}: ${err.message}`));
    fs.rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    await waitForHealth(base, child, () => output.slice(-4000), timeoutMs);
    await waitForDemoContent(base, child, () => output.slice(-4000), 300_000);
  } catch (err) {
    await stop();
    throw err;
  }
  return { base, stop, log: () => output, database: db ? 'PostgreSQL server (DATABASE_URL)' : 'embedded PostgreSQL' };
}

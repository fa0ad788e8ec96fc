// The built API as a child process for benchmarks: started on a free port against a bench database, signed in to,
// and stopped.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const apiDist = (p) => path.join(root, 'apps', 'api', 'dist', p);

export const BENCH_JWT_SECRET = 'bench-secret-bench-secret-bench-secret-0123';

let told = false;

/**
 * Starts `dist/main.js` on `databaseUrl` as the Docker image does (its Node flags and environment, from
 * process-settings; jemalloc preloaded where this machine has it) and waits until /api/health answers; `env` adds or
 * overrides settings.
 */
export async function startApi(databaseUrl, dataDir, env = {}) {
  const require = createRequire(import.meta.url);
  const { API_NODE_FLAGS, API_PROCESS_ENV, API_ALLOCATOR_ENV } = require(apiDist('process-settings.js'));
  const { findJemalloc } = require(apiDist('common/process/allocator.js'));
  const jemalloc = findJemalloc();
  if (!told) {
    told = true;
    console.log(
      jemalloc
        ? `API allocator: jemalloc (${jemalloc}), as in the Docker image`
        : "API allocator: glibc's — jemalloc is not installed (apt-get install libjemalloc2), unlike the Docker image",
    );
  }
  const port = 20000 + (process.pid % 20000);
  const child = spawn(process.execPath, [...API_NODE_FLAGS, apiDist('main.js')], {
    env: {
      ...API_PROCESS_ENV,
      ...(jemalloc ? { ...API_ALLOCATOR_ENV, LD_PRELOAD: jemalloc } : {}),
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      SEED_DEMO: 'false',
      LOG_LEVEL: 'warn',
      DATA_DIR: dataDir,
      JWT_SECRET: BENCH_JWT_SECRET,
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`the API exited with ${child.exitCode}`);
    if (i === 240) throw new Error('the API did not answer /api/health in 120 s');
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return {
    base,
    pid: child.pid,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', resolve);
        child.kill('SIGTERM');
      }),
  };
}

/** An access token for a demo-password user. */
export async function signIn(base, username) {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'firstline-demo' }),
  });
  if (!res.ok) throw new Error(`sign-in as ${username}: ${res.status}`);
  return (await res.json()).accessToken;
}

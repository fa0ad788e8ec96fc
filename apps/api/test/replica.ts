// One API replica for multi-process specs: the built server (`node dist/main.js`, so `npm run build` first) started
// as its own process on a given environment, reached over real HTTP once its banner names the port, and stopped —
// or killed outright, as a crashed machine would be.
import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

const MAIN = path.join(__dirname, '..', 'dist', 'main.js');

export interface Replica {
  name: string;
  /** http://127.0.0.1:<port> */
  base: string;
  pid: number;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  fetch(p: string, init?: RequestInit): Promise<Response>;
  /** SIGKILL, as a crash: no shutdown hook runs, leases and connections are left as they were. */
  kill(): Promise<void>;
  /** SIGTERM, then SIGKILL if it has not exited within 10 s. */
  stop(): Promise<void>;
  running(): boolean;
}

function exitOf(proc: ChildProcess): Promise<void> {
  return new Promise((resolve) =>
    proc.exitCode !== null || proc.signalCode !== null ? resolve() : proc.once('exit', () => resolve()),
  );
}

/**
 * What a replica under test needs to be quiet: no demo content or history writing in the background, warnings only,
 * no web app, one media worker polling often. A spec spreads it and adds its own.
 */
export const QUIET_REPLICA: Record<string, string> = {
  SEED_DEMO: 'false',
  DEMO_HISTORY: 'false',
  LOG_LEVEL: 'warn',
  WEB_DIST: '/nonexistent',
  MEDIA_WORKER_CONCURRENCY: '1',
  MEDIA_POLL_INTERVAL_MS: '200',
  // The suite's database is shared: a replica never generates documents for another spec's item models.
  ITEM_MODEL_GENERATION: 'false',
};

/** Starts a replica on `env` (over a clean copy of this process's environment without DATABASE_URL). */
export function startReplica(name: string, env: Record<string, string>): Promise<Replica> {
  const clean = { ...process.env };
  delete clean.DATABASE_URL;
  const proc = spawn(process.execPath, [MAIN], {
    env: { ...clean, HOST: '127.0.0.1', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout!.on('data', (d) => (out += d));
  proc.stderr!.on('data', (d) => (out += d));
  const running = () => proc.exitCode === null && proc.signalCode === null;
  const replica = (port: number): Replica => ({
    name,
    base: `http://127.0.0.1:${port}`,
    pid: proc.pid!,
    output: () => out,
    fetch: (p, init) => fetch(`http://127.0.0.1:${port}${p}`, init),
    running,
    async kill() {
      if (running()) proc.kill('SIGKILL');
      await exitOf(proc);
    },
    async stop() {
      if (!running()) return;
      proc.kill('SIGTERM');
      const timer = setTimeout(() => running() && proc.kill('SIGKILL'), 10_000);
      await exitOf(proc);
      clearTimeout(timer);
    },
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      proc.kill('SIGKILL');
      reject(new Error(`replica ${name} did not start in 60 s:\n${out}`));
    }, 60_000);
    const check = () => {
      const m = /Web app\s+http:\/\/[^/\s]+:(\d+)\//.exec(out);
      if (!m) return;
      clearTimeout(timer);
      proc.stdout!.off('data', check);
      resolve(replica(Number(m[1])));
    };
    proc.stdout!.on('data', check);
    proc.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`replica ${name} exited (${code ?? signal}) before it served:\n${out}`));
    });
  });
}

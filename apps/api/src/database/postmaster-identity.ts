// Whether a pid named by a stale postmaster.pid is still that PostgreSQL server. Pids are reused (on Linux the range
// is often 32768), so after a crash the pid in the file may now be any other process — which must not be signalled.
import fs from 'node:fs';
import path from 'node:path';

/**
 * True when `pid` runs a `postgres` program on `pgDir` (its `-D` argument). Where /proc is missing (not Linux) the
 * command line cannot be read cheaply, and a live pid is taken for the server, as PostgreSQL itself does.
 */
export function isPostmasterOf(pid: number, pgDir: string): boolean {
  let cmdline: string;
  try {
    cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT' && !fs.existsSync('/proc/self')) return true;
    return false;
  }
  const [program, ...args] = cmdline.split('\0').filter(Boolean);
  if (!program || !/^postgres(\.exe)?$/.test(path.basename(program))) return false;
  const dir = args[args.indexOf('-D') + 1];
  return args.includes('-D') && dir !== undefined && samePath(dir, pgDir);
}

function samePath(a: string, b: string): boolean {
  const real = (p: string) => {
    try {
      return fs.realpathSync(p);
    } catch {
      return path.resolve(p);
    }
  };
  return real(a) === real(b);
}

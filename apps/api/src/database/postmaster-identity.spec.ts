import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isPostmasterOf } from './postmaster-identity';

// A stale postmaster.pid whose pid now belongs to another process must not make start-up signal that process.
describe('isPostmasterOf', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'firstline-postmaster-'));
  const children: ChildProcess[] = [];
  const run = (program: string, args: string[]) => {
    const child = spawn(program, args, { stdio: 'ignore' });
    children.push(child);
    return child.pid!;
  };
  afterAll(() => {
    for (const c of children) c.kill('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('is false for a live process that is not PostgreSQL (a reused pid)', () => {
    expect(isPostmasterOf(run('sleep', ['30']), dir)).toBe(false);
    expect(isPostmasterOf(process.pid, dir)).toBe(false);
  });

  it('is true only for a program named postgres running on that data directory', async () => {
    // A stand-in whose program is named `postgres` (a link to node) with PostgreSQL's `-D` argument.
    const fake = path.join(dir, 'postgres');
    fs.symlinkSync(process.execPath, fake);
    const pgDir = path.join(dir, 'pg');
    fs.mkdirSync(pgDir);
    const pid = run(fake, ['-e', 'setTimeout(() => {}, 30000)', '--', '-D', pgDir]);
    // Until the child has exec'd, /proc shows the forked copy of this process.
    for (let i = 0; i < 100 && !fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(pgDir); i++) {
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(isPostmasterOf(pid, pgDir)).toBe(true);
    expect(isPostmasterOf(pid, path.join(dir, 'elsewhere'))).toBe(false);
  });

  it('is false for a pid that does not exist', () => {
    expect(isPostmasterOf(2 ** 22 + 12345, dir)).toBe(false);
  });
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { clusterLocaleFlags, initCluster, startServer } from './postgres-process';
import { StartupError } from './startup-error';

describe('running PostgreSQL programs', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'firstline-pgproc-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const log = () => undefined;

  it('a program that cannot be executed rejects with a StartupError saying why (no unhandled error event)', async () => {
    const notAProgram = path.join(dir, 'bin'); // a directory: spawn fails with EACCES, as for an unreachable binary
    fs.mkdirSync(notAProgram);
    const programs = { initdb: notAProgram, postgres: notAProgram };
    const init = initCluster(programs, { pgDir: path.join(dir, 'pg'), superuser: 'postgres', passwordFile: 'x', log });
    await expect(init).rejects.toThrow(StartupError);
    await expect(init).rejects.toThrow(/cannot be executed by this user \(EACCES\)/);
    const start = startServer(programs, { pgDir: path.join(dir, 'pg'), port: 1, settings: {}, log });
    await expect(start).rejects.toThrow(/cannot be executed/);
  });

  it('a missing program says to run npm install', async () => {
    const missing = path.join(dir, 'nope');
    const init = initCluster(
      { initdb: missing, postgres: missing },
      { pgDir: path.join(dir, 'pg'), superuser: 'postgres', passwordFile: 'x', log },
    );
    await expect(init).rejects.toThrow(/does not exist \(ENOENT\)\. Run npm install again/);
  });

  it('a server that exits while starting rejects with what it printed, also what comes after its exit', async () => {
    const script = path.join(dir, 'fake-postgres');
    // The reason reaches the pipe after the process has exited (written by a child that holds the pipe, as a
    // server's own processes can), as a reason still unread at 'exit' does.
    const late = '(sleep 0.3; echo "FATAL:  could not bind" >&2) &';
    fs.writeFileSync(script, `#!/bin/sh\necho "starting"\n${late}\nexit 1\n`, { mode: 0o755 });
    const start = startServer(
      { initdb: script, postgres: script },
      { pgDir: path.join(dir, 'pg'), port: 1, settings: {}, log },
    );
    await expect(start).rejects.toThrow(/stopped while starting \(exit 1\):\nstarting\nFATAL: {2}could not bind/);
  });

  it('creates UTF-8 clusters; the C locale where the environment names no UTF-8 one (else SQL_ASCII)', () => {
    expect(clusterLocaleFlags({ LANG: 'C.UTF-8' })).toEqual(['--encoding=UTF8', '--lc-messages=C']);
    expect(clusterLocaleFlags({ LC_ALL: 'en_US.utf8', LANG: 'C' })).toEqual(['--encoding=UTF8', '--lc-messages=C']);
    expect(clusterLocaleFlags({})).toEqual(['--encoding=UTF8', '--lc-messages=C', '--locale=C']);
    expect(clusterLocaleFlags({ LANG: 'POSIX' })).toContain('--locale=C');
  });
});

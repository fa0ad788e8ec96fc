// Slow and abusive clients, on loopback against the built server with short timeouts: hundreds of connections that
// send their headers a byte at a time (slowloris), that send headers and a Content-Length but never the whole body,
// or that go idle after a request — kept up, each replaced as soon as the server drops it, for as long as a shift of
// officers takes an assessment beside them. The officers all finish, every answer acknowledged and none refused; the
// server closes every abusive connection itself (408, or a plain close for an idle one), within its timeout and a
// generous margin; and the process's resident memory stays under a stated bound. Also: timeouts that cannot work
// stop start-up with a message naming the variable. Needs `npm run build` first (npm test does it).
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { expectExamIntact, ExamSeed, Ledger, seedAssessment, takeExam, Target } from './exam-officers';
import { OwnDatabase, ownDatabase } from './own-database';
import { Replica, QUIET_REPLICA, startReplica } from './replica';
import { tearDown } from './teardown';

const HEADERS_TIMEOUT_MS = 2000;
const REQUEST_TIMEOUT_MS = 4000;
const KEEP_ALIVE_TIMEOUT_MS = 3000;
/** Open at any moment while the officers answer. */
const SLOW_HEADERS = 240;
const SLOW_BODIES = 160;
const IDLE_KEEP_ALIVE = 60;
const OFFICERS = 12;
const ITEMS = 8;
/** The server has this long beyond a timeout to close a connection (Node checks every 500 ms here; a busy machine). */
const MARGIN_MS = 10_000;
/** The API's resident memory may not pass this while under attack (about 210 MB before it, 290 MB at the peak). */
const RSS_BOUND_MB = 400;

type Kind = 'slow-headers' | 'slow-body' | 'idle-keep-alive';

interface Abuser {
  kind: Kind;
  socket: net.Socket;
  openedAt: number;
  closedAt: number | null;
  /** What the server sent back (a 408, or an idle connection's one 200). */
  received: string;
  /** The client's own end: only at the very end, for a socket the server had not closed by then. */
  endedByUs: boolean;
  /** Connected and its request begun (a byte dripped before that would come first). */
  begun: boolean;
}

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/^VmRSS:\s+(\d+) kB/m.exec(status)![1]) / 1024;
}

describe('slow and abusive clients', () => {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'firstline-slow-clients-'));
  let db: OwnDatabase;
  let api: Replica;
  const target: Target = { base: '' };
  let seed: ExamSeed;
  let env: Record<string, string>;

  beforeAll(async () => {
    db = await ownDatabase('slowclients');
    env = {
      DATABASE_URL: db.url,
      DATA_DIR: scratch,
      JWT_SECRET: 'slow-clients-jwt-secret-slow-clients-jwt-secret-0123',
      ...QUIET_REPLICA,
      LOG_LEVEL: 'error',
      HTTP_HEADERS_TIMEOUT_MS: String(HEADERS_TIMEOUT_MS),
      HTTP_REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS),
      HTTP_KEEP_ALIVE_TIMEOUT_MS: String(KEEP_ALIVE_TIMEOUT_MS),
    };
    api = await startReplica('api', env);
    target.base = api.base;
    seed = await seedAssessment(target, { label: 'Slow clients', officers: OFFICERS, items: ITEMS });
  }, 90_000);

  afterAll(async () => {
    await tearDown([() => api?.kill(), () => db?.drop(), () => fs.rmSync(scratch, { recursive: true, force: true })]);
  }, 30_000);

  it('keeps officers answering, closes every abusive connection itself, and stays within its memory', async () => {
    const port = Number(new URL(api.base).port);
    const abusers: Abuser[] = [];
    let attacking = true;

    const open = (kind: Kind): void => {
      const socket = net.connect(port, '127.0.0.1');
      const abuser: Abuser = {
        kind,
        socket,
        openedAt: Date.now(),
        closedAt: null,
        received: '',
        endedByUs: false,
        begun: false,
      };
      abusers.push(abuser);
      socket.setEncoding('latin1');
      socket.on('data', (chunk: string) => (abuser.received += chunk));
      socket.on('error', () => undefined); // a reset after the 408 is the server closing it too
      socket.on('close', () => {
        abuser.closedAt = Date.now();
        if (attacking) open(kind); // the attack is kept up: another takes its place
      });
      socket.on('connect', () => {
        abuser.begun = true;
        if (kind === 'slow-headers') socket.write('GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ');
        else if (kind === 'slow-body')
          socket.write(
            'POST /api/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n' +
              `Content-Length: 65536\r\n\r\n{"username":"${'x'.repeat(4000)}`,
          );
        else socket.write('GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n'); // then silence: idle, kept alive
      });
    };
    // Slowloris: one more header byte on every slow-headers socket, four times a second.
    const drip = setInterval(() => {
      for (const a of abusers)
        if (a.kind === 'slow-headers' && a.begun && a.closedAt === null && a.socket.writable) a.socket.write('a');
    }, 250);

    const rssBefore = rssMb(api.pid);
    let rssPeak = rssBefore;
    const sampler = setInterval(() => {
      if (api.running()) rssPeak = Math.max(rssPeak, rssMb(api.pid));
    }, 100);

    const ledger = new Ledger();
    try {
      for (let i = 0; i < SLOW_HEADERS; i++) open('slow-headers');
      for (let i = 0; i < SLOW_BODIES; i++) open('slow-body');
      for (let i = 0; i < IDLE_KEEP_ALIVE; i++) open('idle-keep-alive');
      // The officers start once the abusers are in, and answer beside them until the last has finished.
      await new Promise((resolve) => setTimeout(resolve, 500));
      await Promise.all(seed.officers.map((officer) => takeExam(target, seed, officer, ledger)));
      // Held a little longer, so every kind has been dropped and replaced at least once.
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, REQUEST_TIMEOUT_MS + 1000)));
    } finally {
      attacking = false;
    }
    // Those still open now are the server's to close.
    const lastOpened = Math.max(...abusers.map((a) => a.openedAt));
    const deadline = lastOpened + REQUEST_TIMEOUT_MS + KEEP_ALIVE_TIMEOUT_MS + MARGIN_MS;
    while (abusers.some((a) => a.closedAt === null) && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 100));
    clearInterval(drip);
    clearInterval(sampler);
    for (const a of abusers.filter((x) => x.closedAt === null)) {
      a.endedByUs = true;
      a.socket.destroy();
    }

    // The officers were not held up: every request answered, nothing refused, nothing dropped.
    expect(ledger.networkErrors).toEqual([]);
    expect(Object.keys(ledger.statusCounts()).filter((s) => Number(s) >= 300)).toEqual([]);
    const pg = new Client({ connectionString: db.url });
    await pg.connect();
    try {
      await expectExamIntact(pg, seed, ledger);
    } finally {
      await pg.end();
    }

    // Every abusive connection was closed by the server, slow ones with a 408, within its timeout and the margin.
    const bound: Record<Kind, number> = {
      'slow-headers': HEADERS_TIMEOUT_MS,
      'slow-body': REQUEST_TIMEOUT_MS,
      'idle-keep-alive': KEEP_ALIVE_TIMEOUT_MS,
    };
    const byKind = (kind: Kind) => abusers.filter((a) => a.kind === kind);
    for (const kind of Object.keys(bound) as Kind[]) {
      const all = byKind(kind);
      expect({ kind, endedByUs: all.filter((a) => a.endedByUs).length }).toEqual({ kind, endedByUs: 0 });
      // Kept up: more were opened than were open at any one time.
      expect(all.length).toBeGreaterThan(
        kind === 'slow-headers' ? SLOW_HEADERS : kind === 'slow-body' ? SLOW_BODIES : IDLE_KEEP_ALIVE,
      );
      const overdue = all.filter((a) => a.closedAt! - a.openedAt > bound[kind] + MARGIN_MS);
      expect({ kind, overdue: overdue.length }).toEqual({ kind, overdue: 0 });
    }
    for (const a of [...byKind('slow-headers'), ...byKind('slow-body')].filter((x) => x.received))
      expect(a.received).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/);
    for (const a of byKind('idle-keep-alive'))
      expect(a.received).toMatch(/^HTTP\/1\.1 200 OK\r\n[\s\S]*Keep-Alive: timeout=3/i);

    // Bounded memory, and the process still serves.
    expect(rssPeak).toBeLessThan(RSS_BOUND_MB);
    expect(api.running()).toBe(true);
    expect((await fetch(`${api.base}/api/health`)).status).toBe(200);
  }, 120_000);

  it('refuses to start with timeouts that cannot work, naming the variable', async () => {
    const started = startReplica('bad-timeouts', {
      ...env,
      HTTP_HEADERS_TIMEOUT_MS: '60000',
      HTTP_REQUEST_TIMEOUT_MS: '20000',
    });
    await expect(started).rejects.toThrow(
      /exited \(2\) before it served:\nFirstLine cannot start\. Invalid configuration:\n {2}- HTTP_HEADERS_TIMEOUT_MS: must not exceed HTTP_REQUEST_TIMEOUT_MS \(20000\)/,
    );
  });
});

// A server killed mid-exam. 32 officers take one assessment against the built server (its own process, its own
// database); once a third of the answers are acknowledged the server is killed with SIGKILL — no shutdown hook,
// requests cut off mid-flight — and started again on the same database. The officers go on, retrying what failed
// with the same Idempotency-Keys, and finish. Then: every acknowledged answer is stored exactly once with its
// receipt, no attempt is corrupted (one per officer, every item, scores as re-scoring gives), and each item's clock
// survived the restart (first served once, response time = received − first served, nothing late by accident).
// Needs `npm run build` first (npm test does it).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { expectExamIntact, ExamSeed, Ledger, seedAssessment, servedTimes, takeExam, Target } from './exam-officers';
import { OwnDatabase, ownDatabase } from './own-database';
import { Replica, QUIET_REPLICA, startReplica } from './replica';
import { tearDown } from './teardown';

const OFFICERS = 32;
const ITEMS = 10;

describe('the API killed (SIGKILL) in the middle of an exam', () => {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'firstline-exam-kill-'));
  let db: OwnDatabase;
  let pg: Client;
  let env: Record<string, string>;
  const replicas: Replica[] = [];
  const target: Target = { base: '' };
  let seed: ExamSeed;

  const start = async (name: string) => {
    const replica = await startReplica(name, env);
    replicas.push(replica);
    target.base = replica.base;
    return replica;
  };

  beforeAll(async () => {
    db = await ownDatabase('examkill');
    pg = new Client({ connectionString: db.url });
    await pg.connect();
    env = {
      DATABASE_URL: db.url,
      DATA_DIR: scratch, // the same media directory after the restart
      JWT_SECRET: 'exam-kill-jwt-secret-exam-kill-jwt-secret-0123456789',
      ...QUIET_REPLICA,
      DB_POOL_SIZE: '20',
    };
    await start('first');
    seed = await seedAssessment(target, { label: 'Exam kill', officers: OFFICERS, items: ITEMS });
  }, 90_000);

  afterAll(async () => {
    await tearDown([
      () => Promise.all(replicas.map((r) => r.kill())),
      () => pg?.end(),
      () => db?.drop(),
      () => fs.rmSync(scratch, { recursive: true, force: true }),
    ]);
  }, 30_000);

  it('stores every acknowledged answer exactly once, keeps attempts whole and clocks right', async () => {
    const ledger = new Ledger();
    const killAfter = Math.floor((OFFICERS * ITEMS) / 3);
    let killed: { acksBefore: number; served: Map<string, number> } | null = null;
    let restarted: Promise<Replica> | null = null;

    const killAndRestart = async () => {
      const first = replicas[0];
      await first.kill(); // whatever was in flight is cut off: the officers see resets and refused connections
      const acksBefore = ledger.acks.length;
      killed = { acksBefore, served: await servedTimes(pg, seed) };
      await start('second');
    };

    await Promise.all(
      seed.officers.map((officer) =>
        takeExam(target, seed, officer, ledger, {
          onAck: () => {
            if (!restarted && ledger.acks.length >= killAfter) restarted = killAndRestart().then(() => replicas[1]);
          },
        }),
      ),
    );
    await restarted;

    // It really happened mid-run: answers were acknowledged on both sides of the kill, and requests failed.
    expect(killed).not.toBeNull();
    const { acksBefore, served } = killed!;
    expect(acksBefore).toBeGreaterThan(0);
    expect(acksBefore).toBeLessThan(OFFICERS * ITEMS);
    expect(replicas[0].running()).toBe(false);
    expect(replicas[1].running()).toBe(true);
    expect(ledger.statuses.get(0) ?? 0).toBeGreaterThan(0); // network errors while the server was down
    // A killed server answers nothing at all; the restarted one never a 5xx.
    expect(Object.keys(ledger.statusCounts()).filter((s) => Number(s) >= 500)).toEqual([]);

    // Clocks started before the kill were not restarted by it.
    const after = await servedTimes(pg, seed);
    for (const [item, time] of served) expect({ item, time: after.get(item) }).toEqual({ item, time });

    await expectExamIntact(pg, seed, ledger);
  }, 120_000);
});

// The demo content on first start, on real PostgreSQL through the real media pipeline: the practice pool comes first
// (the practice module and the drill are assigned while the rest of the library is still being prepared, so a trainee
// can start within a minute), My training's status route says what is being prepared and how far it is, and the
// assessment draws on documents whose truth practice feedback never shows.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DemoContentStatus } from '@firstline/contracts';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DemoContentService } from '../src/seed';
import { DEMO_ITEM_MODELS, DRILL_POOL, PRACTICE_POOL } from '../src/seed/demo-modules';
import { ownDatabase, type OwnDatabase } from './own-database';
import { bearer, signIn, testApp } from './utils';

jest.setTimeout(300_000);

/**
 * Large enough to split three ways: the practice pool, the drill's own 12, and an assessment on the 20 after them —
 * two reviewed attempts of 10 (half the demo's draw, the least demoPlan gives an assessment of its own), each with
 * its 40 % genuine.
 */
const EXERCISES = 48;

describe('demo content on first start', () => {
  let app: NestExpressApplication;
  let db: OwnDatabase;
  let trainee: string;
  let instructor: string;
  const http = () => request(app.getHttpServer());
  const libraryDir = fs.mkdtempSync(path.join(os.tmpdir(), 'firstline-demo-first-'));
  const statuses: DemoContentStatus[] = [];
  /** The trainee's module titles the first time the status said practice was ready and the library step ran. */
  let listedWhilePreparing: string[] | null = null;

  const titles = async () =>
    (await http().get('/api/me/assignments').set(bearer(trainee))).body.map(
      (a: { module: { title: string } }) => a.module.title,
    );

  beforeAll(async () => {
    // A first start: a database of its own, with no demo content yet (the shared one has other specs' modules).
    db = await ownDatabase('first');
    app = await testApp({ DATABASE_URL: db.url });
    trainee = await signIn(app, 'trainee05');
    instructor = await signIn(app, 'instructor1');
    const seeding = app.get(DemoContentService).seed({ dir: libraryDir, dpi: 50, exercises: EXERCISES, log: () => {} });
    let done = false;
    void seeding.finally(() => (done = true));
    // Watch as My training does, polling the status route while the seeder runs.
    while (!done) {
      const res = await http().get('/api/demo-content/status').set(bearer(trainee));
      expect(res.status).toBe(200);
      statuses.push(res.body);
      if (res.body.step === 'library' && listedWhilePreparing === null) listedWhilePreparing = await titles();
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await seeding;
  });

  afterAll(async () => {
    await app.close();
    await db.drop();
    fs.rmSync(libraryDir, { recursive: true, force: true });
  });

  it('says what is being prepared: the practice step, then the library step, each counting up', () => {
    const preparing = statuses.filter((s) => s.state === 'preparing');
    expect(preparing.length).toBeGreaterThan(2);
    const steps = [...new Set(preparing.map((s) => s.step))];
    expect(steps).toEqual(['practice', 'library']);
    for (const step of steps) {
      const seen = preparing.filter((s) => s.step === step);
      const percents = seen.map((s) => s.percent);
      expect(percents).toEqual([...percents].sort((a, b) => a - b));
      expect(seen.every((s) => s.percent < 100)).toBe(true);
    }
    // The practice step prepares the six specimens (the lessons) and the practice pool; the library step the rest.
    expect(preparing.filter((s) => s.step === 'practice').at(-1)).toMatchObject({
      practiceReady: false,
      documents: 6 + 16,
    });
    expect(preparing.find((s) => s.step === 'library')).toMatchObject({
      practiceReady: true,
      documents: EXERCISES - PRACTICE_POOL,
    });
  });

  it('assigns the practice module while the drill and the assessment are still being prepared', () => {
    expect(listedWhilePreparing).not.toBeNull();
    expect([...listedWhilePreparing!]).toEqual(['First-line document check — practice']);
  });

  it('ends ready, with all four modules assigned', async () => {
    const status = await http().get('/api/demo-content/status').set(bearer(trainee));
    expect(status.body).toEqual({ state: 'ready', step: null, practiceReady: true, percent: 100, documents: 0 });
    expect((await titles()).sort()).toEqual([
      '12-second drill',
      'First-line assessment — timed',
      'First-line certification — your own documents',
      'First-line document check — practice',
    ]);
  });

  it('gives practice, the drill and the assessment documents of their own, as exposure control needs', async () => {
    const modules: Array<{
      title: string;
      exerciseIds: string[];
      settings: { drawCount: number; attemptsAllowed: number };
    }> = (await http().get('/api/modules').set(bearer(instructor))).body;
    const find = (title: RegExp) => modules.find((m) => title.test(m.title))!;
    const practice = find(/practice/).exerciseIds;
    const drill = find(/drill/).exerciseIds;
    const assessment = find(/assessment/);
    expect(practice).toHaveLength(PRACTICE_POOL);
    expect(drill).toHaveLength(DRILL_POOL);
    expect(assessment.exerciseIds).toHaveLength(EXERCISES - PRACTICE_POOL - DRILL_POOL);
    expect(new Set([...practice, ...drill, ...assessment.exerciseIds]).size).toBe(EXERCISES);
    // Two attempts, each reviewed: two draws of 10 use up the 20 documents of its own.
    expect(assessment.settings).toMatchObject({ drawCount: 10, attemptsAllowed: 2 });
  });

  it('builds the certification from item models only: every officer gets documents of their own', async () => {
    const modules: Array<{
      title: string;
      exerciseIds: string[];
      itemModels: Array<{ id: string }>;
      settings: { mode: string; drawCount: number };
      publishedVersion: object | null;
    }> = (await http().get('/api/modules').set(bearer(instructor))).body;
    const certification = modules.find((m) => /certification/.test(m.title))!;
    expect(certification.exerciseIds).toEqual([]);
    expect(certification.itemModels.map(({ id: _, ...spec }) => spec)).toEqual(DEMO_ITEM_MODELS);
    expect(certification.settings).toMatchObject({ mode: 'assessment', drawCount: DEMO_ITEM_MODELS.length });
    expect(certification.publishedVersion).not.toBeNull();
  });

  it('answers only signed-in users', async () => {
    expect((await http().get('/api/demo-content/status')).status).toBe(401);
  });
});

// What the library and the editor read about an exercise from the features above it: the facility index of its latest
// stored item analysis (a column, a filter and an order of the library list), and the question parts its modules'
// pools ask (GET /api/exercises/:id/pool-parts).
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import sharp from 'sharp';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { MediaService } from '../src/media/media.service';
import { bearer, signIn, testApp } from './utils';

jest.setTimeout(120_000);

const ALL_PARTS = { locate: { maxPoints: 3 }, fraudType: true, features: false, mrz: false };

describe('facility and pool parts', () => {
  let app: NestExpressApplication;
  let db: DataSource;
  let instructor: string;
  let otherUnit: string;
  let asset: string;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'firstline-pool-figures-'));
  const http = () => request(app.getHttpServer());

  const create = async (title: string, tag: string, parts: object = ALL_PARTS) => {
    const res = await http()
      .post('/api/exercises')
      .set(bearer(instructor))
      .send({
        title,
        issuingState: 'UTO',
        documentType: 'TD3',
        tags: [tag],
        parts,
        images: [{ side: 'data-page', light: 'visible', frame: 1, assetId: asset }],
        truth: { verdict: 'genuine', fraudType: 'genuine', regions: [], explanation: 'Nothing wrong.' },
      });
    expect(res.status).toBe(201);
    return res.body as { id: string; versionId: string };
  };
  /** An item analysis as item analysis stores it (facility in percent), calculated `daysAgo` days ago. */
  const storeAnalysis = (items: Array<{ versionId: string; facility: number | null }>, daysAgo: number) =>
    db.query(
      `INSERT INTO report_item_analyses (module_version_id, result, calculated_at, attempts_counted)
       VALUES ($1, $2, now() - make_interval(days => $3), 10)`,
      [
        randomUUID(),
        JSON.stringify({
          test: {},
          items: items.map((i) => ({ exerciseVersionId: i.versionId, responses: 10, facility: i.facility })),
          abilities: [],
          extremeAbilities: { allRight: 0, allWrong: 0 },
        }),
        daysAgo,
      ],
    );
  const listed = async (query: string) => {
    const res = await http().get(`/api/exercises?limit=200&${query}`).set(bearer(instructor));
    expect(res.status).toBe(200);
    return res.body.items as Array<{ id: string; facility: number | null }>;
  };

  beforeAll(async () => {
    app = await testApp();
    db = app.get(DataSource);
    const media = app.get(MediaService);
    const file = path.join(tmp, 'page.png');
    await sharp({ create: { width: 320, height: 220, channels: 3, background: '#e8e2d0' } })
      .png()
      .toFile(file);
    asset = (await media.ingestFile(file, { createdBy: null, group: 'pool-figures:data-page' })).id;
    await media.waitForIdle();
    instructor = await signIn(app, 'instructor1');
    otherUnit = await signIn(app, 'instructor2');
  });
  afterAll(async () => {
    await app.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  describe('facility in the library list', () => {
    let hard: { id: string; versionId: string };
    let easy: { id: string; versionId: string };
    let fresh: { id: string; versionId: string };
    beforeAll(async () => {
      hard = await create('FAC hard', 'fac');
      easy = await create('FAC easy', 'fac');
      fresh = await create('FAC not analysed', 'fac');
      // An older analysis found the first one easy; the latest finds it hard. The latest counts.
      await storeAnalysis(
        [
          { versionId: hard.versionId, facility: 80 },
          { versionId: easy.versionId, facility: 95 },
        ],
        2,
      );
      await storeAnalysis(
        [
          { versionId: hard.versionId, facility: 20 },
          { versionId: fresh.versionId, facility: null }, // drawn by nobody yet: no figure
        ],
        0,
      );
    });

    it('gives each exercise the facility (0–1) of its latest analysis, blank when none', async () => {
      const byId = new Map((await listed('tag=fac')).map((e) => [e.id, e.facility]));
      expect(byId.get(hard.id)).toBeCloseTo(0.2);
      expect(byId.get(easy.id)).toBeCloseTo(0.95);
      expect(byId.get(fresh.id)).toBeNull();
    });

    it('filters by facility band', async () => {
      const ids = async (band: string) => (await listed(`tag=fac&facility=${band}`)).map((e) => e.id);
      expect(await ids('hard')).toEqual([hard.id]);
      expect(await ids('easy')).toEqual([easy.id]);
      expect(await ids('middling')).toEqual([]);
      expect(await ids('unanalysed')).toEqual([fresh.id]);
    });

    it('sorts by facility either way, the not analysed last', async () => {
      expect((await listed('tag=fac&sort=facility')).map((e) => e.id)).toEqual([hard.id, easy.id, fresh.id]);
      expect((await listed('tag=fac&sort=-facility')).map((e) => e.id)).toEqual([easy.id, hard.id, fresh.id]);
    });

    it('answers 400 in words for a band or an order it does not know', async () => {
      for (const query of ['facility=tricky', 'sort=difficulty']) {
        const res = await http().get(`/api/exercises?${query}`).set(bearer(instructor));
        expect(res.status).toBe(400);
        expect(res.body.message).toMatch(/facility|sort/);
      }
    });
  });

  describe('pool parts', () => {
    const NO_MRZ_FEATURES = { locate: { maxPoints: 5 }, fraudType: true, features: false, mrz: false };
    let pool: Array<{ id: string; versionId: string }>;
    let odd: { id: string; versionId: string };
    let alone: { id: string; versionId: string };
    let moduleId: string;
    beforeAll(async () => {
      pool = [await create('POOL a', 'pool'), await create('POOL b', 'pool'), await create('POOL c', 'pool')];
      odd = await create('POOL odd', 'pool', NO_MRZ_FEATURES);
      alone = await create('POOL alone', 'pool');
      const res = await http()
        .post('/api/modules')
        .set(bearer(instructor))
        .send({
          title: 'Pool parts module',
          exerciseIds: [...pool.map((e) => e.id), odd.id],
          settings: { mode: 'assessment', feedback: 'after-finish', passMark: 50, attemptsAllowed: 1 },
        });
      expect(res.status).toBe(201);
      moduleId = res.body.id;
    });
    const partsOf = async (id: string, token = instructor) =>
      http().get(`/api/exercises/${id}/pool-parts`).set(bearer(token));

    it('names the parts most of the other exercises ask, and how many ask them', async () => {
      const res = await partsOf(odd.id);
      expect(res.status).toBe(200);
      expect(res.body.modules).toEqual([
        { id: moduleId, title: 'Pool parts module', others: 3, commonParts: ALL_PARTS, sharedBy: 3 },
      ]);
      const typical = await partsOf(pool[0].id);
      expect(typical.body.modules[0]).toMatchObject({ others: 3, commonParts: ALL_PARTS, sharedBy: 2 });
    });

    it('still counts a pool once it is published (the frozen versions), and lists no module for an unpooled one', async () => {
      await http().post(`/api/modules/${moduleId}/publish`).set(bearer(instructor)).expect(200);
      expect((await partsOf(odd.id)).body.modules[0]).toMatchObject({ others: 3, sharedBy: 3 });
      expect((await partsOf(alone.id)).body).toEqual({ modules: [] });
    });

    it('is 404 to another unit', async () => {
      expect((await partsOf(odd.id, otherUnit)).status).toBe(404);
    });
  });
});

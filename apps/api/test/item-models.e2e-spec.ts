// Item models on real PostgreSQL, with the real forge and media pipeline: an assessment pools item models, and once it
// is assigned every officer gets documents of their own, generated in the background — two officers' documents share
// no exercise, image byte, URL or MRZ. An officer pressing Start before theirs are ready is told so and waits for no
// rendering; a model whose generation fails leaves the assignment usable (the draw takes the other items) and tells
// the instructor why. Item analysis reports each model as one item, with how much its documents vary.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ItemModelSpec } from '@firstline/contracts';
import type { NestExpressApplication } from '@nestjs/platform-express';
import sharp from 'sharp';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { ExerciseJobsService } from '../src/authoring';
import { ItemGenerationService } from '../src/item-models';
import { MediaService } from '../src/media/media.service';
import { bearer, expectBody as ok, newTrainee, signIn, testApp } from './utils';

jest.setTimeout(300_000);

const TAG = `item-models-${Date.now().toString(36)}`;
const FAILURE = 'The renderer ran out of memory (injected by the test)';

const PHOTO: ItemModelSpec = {
  issuingState: 'UTO',
  documentType: 'TD3',
  fraudType: 'forged:photo-substitution',
  subtlety: 0.5,
};
const GENUINE: ItemModelSpec = { issuingState: 'UTO', documentType: 'TD3', fraudType: 'genuine', subtlety: 0.5 };
/** Its generation always fails (see the injected fault below). */
const BROKEN: ItemModelSpec = { issuingState: 'BRG', documentType: 'TD1', fraudType: 'counterfeit', subtlety: 0.4 };

interface Presented {
  issuingState: string;
  documentType: string;
  parts: { mrz: { lines: string[] } | null };
  sides: Array<{
    side: string;
    images: Array<{
      light: string;
      frame: number;
      urls: { width: number; height: number; variants: Record<string, string> };
    }>;
  }>;
  traveller: { width: number; height: number } | null;
}

/** Every key path of a JSON value (array elements under `[]`): the shape, not the values. */
function shapeOf(value: unknown, at = ''): string[] {
  if (Array.isArray(value)) return [`${at}[]`, ...value.flatMap((v) => shapeOf(v, `${at}[]`))];
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => [`${at}.${k}`, ...shapeOf(v, `${at}.${k}`)]);
  return [];
}

describe('item models', () => {
  let app: NestExpressApplication;
  let db: DataSource;
  const t: Record<string, string> = {};
  let unitId: string;
  const fixedIds: string[] = [];
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'firstline-item-models-'));
  const http = () => request(app.getHttpServer());
  let release: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));

  const settings = {
    mode: 'assessment',
    feedback: 'after-finish',
    timePerItemSeconds: 600,
    drawCount: 4,
    minGenuineShare: 0.25,
    attemptsAllowed: 1,
  };

  const officer = (name: string) => newTrainee(app, t.admin, unitId, `${TAG}.${name}`, 'models-password');

  async function status(moduleId: string) {
    return ok(http().get(`/api/modules/${moduleId}/item-models`).set(bearer(t.instructor)));
  }

  /** Waits until no document is being generated and `done` holds of the status. */
  async function settled(moduleId: string, done: (s: Awaited<ReturnType<typeof status>>) => boolean) {
    const deadline = Date.now() + 240_000;
    for (;;) {
      const s = await status(moduleId);
      if (done(s) && s.models.every((m: { generating: number }) => m.generating === 0)) return s;
      if (Date.now() > deadline) throw new Error(`generation did not settle: ${JSON.stringify(s)}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  beforeAll(async () => {
    // The injected fault: every BRG document fails while rendering; the first job waits until the test lets it go
    // (so that Start is pressed before any document exists). Everything else is the real forge.
    const proto = ExerciseJobsService.prototype as unknown as {
      forgeWork: (ctx: unknown, request: { issuingState: string }) => Promise<unknown>;
    };
    const original = proto.forgeWork;
    jest.spyOn(proto, 'forgeWork').mockImplementation(async function (this: unknown, ctx, req) {
      await gate;
      if (req.issuingState === 'BRG') throw new Error(FAILURE);
      return original.call(this, ctx, req);
    });
    app = await testApp({
      DEMO_DPI: '60',
      ITEM_MODEL_GENERATION: 'true',
      ITEM_MODEL_BUFFER: '1',
      MEDIA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'firstline-item-models-media-')),
    });
    db = app.get(DataSource);
    t.admin = await signIn(app, 'admin');
    t.instructor = await signIn(app, 'instructor1');
    t.otherUnit = await signIn(app, 'instructor2');
    t.trainee = await signIn(app, 'trainee01');
    const units = await ok(http().get('/api/units').set(bearer(t.admin)));
    unitId = units.find((u: { code: string }) => u.code === 'ISB-IMM').id;
    // Two fixed documents besides the models: one genuine, one forged.
    const media = app.get(MediaService);
    for (const [i, genuine] of [true, false].entries()) {
      const file = path.join(tmp, `page-${i}.png`);
      await sharp({ create: { width: 320, height: 220, channels: 3, background: { r: 90 + i * 80, g: 180, b: 200 } } })
        .png()
        .toFile(file);
      const asset = (await media.ingestFile(file, { createdBy: null, group: `${TAG}:${i}` })).id;
      const exercise = await ok(
        http()
          .post('/api/exercises')
          .set(bearer(t.instructor))
          .send({
            title: `${TAG} fixed ${i + 1}`,
            issuingState: 'UTO',
            documentType: 'TD3',
            tags: [TAG],
            parts: { locate: null, fraudType: true, features: false, mrz: false },
            images: [{ side: 'data-page', light: 'visible', frame: 1, assetId: asset }],
            truth: genuine
              ? { verdict: 'genuine', fraudType: 'genuine', regions: [], explanation: 'Nothing wrong.' }
              : {
                  verdict: 'fraudulent',
                  fraudType: 'counterfeit',
                  regions: [],
                  explanation: 'The whole page is printed on plain paper.',
                },
          }),
        201,
      );
      fixedIds.push(exercise.id);
    }
    await media.waitForIdle();
  });

  afterAll(async () => {
    release();
    // Closed, so that no later spec's server (the suite shares its database) generates for this version again.
    await db?.query(
      `UPDATE assignments a SET closes_at = now() FROM module_versions v, training_modules m
                      WHERE v.id = a.module_version_id AND m.id = v.module_id AND m.title LIKE $1`,
      [`${TAG}%`],
    );
    jest.restoreAllMocks();
    await app.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  describe('in a draft', () => {
    it('belong in assessments only', async () => {
      const res = await http()
        .post('/api/modules')
        .set(bearer(t.instructor))
        .send({
          title: `${TAG} practice`,
          exerciseIds: [],
          itemModels: [PHOTO],
          settings: { mode: 'practice', feedback: 'after-item' },
        });
      expect(res.status).toBe(400);
      expect(res.body.message).toMatch(/^Item models belong in assessments/);
    });

    it('are checked as forge requests are, in words naming the model', async () => {
      const res = await http()
        .post('/api/modules')
        .set(bearer(t.instructor))
        .send({
          title: `${TAG} bad model`,
          exerciseIds: [],
          itemModels: [PHOTO, { ...GENUINE, operation: 'alter-data' }],
          settings,
        });
      expect(res.status).toBe(400);
      expect(res.body.message).toBe('Item model 2: A genuine document takes no forgery operation');
    });

    it('a pool needs an exercise or an item model', async () => {
      const res = await http()
        .post('/api/modules')
        .set(bearer(t.instructor))
        .send({ title: `${TAG} empty`, exerciseIds: [], settings });
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body)).toMatch(/at least one exercise or item model/);
    });
  });

  describe('assigned to a cohort', () => {
    let moduleId: string;
    let versionId: string;
    let assignmentId: string;
    let modelIds: { photo: string; genuine: string; broken: string };
    let a: { id: string; token: string };
    let b: { id: string; token: string };
    const taken: Record<string, { attemptId: string; items: Presented[] }> = {};

    beforeAll(async () => {
      const mod = await ok(
        http()
          .post('/api/modules')
          .set(bearer(t.instructor))
          .send({
            title: `${TAG} certification`,
            exerciseIds: fixedIds,
            itemModels: [PHOTO, GENUINE, BROKEN],
            settings,
          }),
        201,
      );
      moduleId = mod.id;
      const [photo, genuine, broken] = mod.itemModels.map((m: { id: string }) => m.id);
      modelIds = { photo, genuine, broken };
      // Saving the draft again keeps the models' ids (item analysis follows a model by it).
      const again = await ok(
        http()
          .put(`/api/modules/${moduleId}`)
          .set(bearer(t.instructor))
          .send({ title: `${TAG} certification`, exerciseIds: fixedIds, itemModels: mod.itemModels, settings }),
      );
      expect(again.itemModels.map((m: { id: string }) => m.id)).toEqual([photo, genuine, broken]);
      versionId = (await ok(http().post(`/api/modules/${moduleId}/publish`).set(bearer(t.instructor)))).publishedVersion
        .id;
      a = await officer('a');
      b = await officer('b');
      const cohort = await ok(
        http()
          .post('/api/cohorts')
          .set(bearer(t.instructor))
          .send({ name: `Certification ${TAG}`, unitId }),
        201,
      );
      await ok(
        http()
          .post(`/api/cohorts/${cohort.id}/members`)
          .set(bearer(t.instructor))
          .send({ userIds: [a.id, b.id] }),
        201,
      );
      const assignment = await ok(
        http()
          .post('/api/assignments')
          .set(bearer(t.instructor))
          .send({
            moduleVersionId: versionId,
            cohortId: cohort.id,
            opensAt: new Date(Date.now() - 60_000).toISOString(),
          }),
        201,
      );
      assignmentId = assignment.id;
      expect(assignment.module.itemCount).toBe(4);
    });

    it('tells an officer who starts before their documents exist, and starts nothing', async () => {
      const res = await http().post('/api/attempts').set(bearer(a.token)).send({ assignmentId });
      expect(res.status).toBe(409);
      expect(res.body.details).toEqual({ reason: 'preparing', models: 3, ready: 0 });
      expect(res.body.message).toMatch(/still being generated .* Nothing was started; try again in a minute$/);
      const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM attempts WHERE user_id = $1`, [a.id]);
      expect(n).toBe(0);
    });

    it('generates one document per officer and model plus the buffer, and tells the instructor what failed', async () => {
      release();
      const s = await settled(moduleId, (st) =>
        st.models.every((m: { ready: number; failed: number }) => m.ready === 3 || m.failed === 3),
      );
      expect(s).toMatchObject({ moduleId, moduleVersionId: versionId, version: 1, buffer: 1, officers: 2 });
      const byModel = new Map(s.models.map((m: { model: { id: string } }) => [m.model.id, m]));
      expect(byModel.get(modelIds.photo)).toMatchObject({ ready: 3, used: 0, failed: 0, lastError: null });
      expect(byModel.get(modelIds.genuine)).toMatchObject({ ready: 3, used: 0, failed: 0, lastError: null });
      // Three failures in a row: the model is left for the instructor rather than retried for ever.
      expect(byModel.get(modelIds.broken)).toMatchObject({ ready: 0, used: 0, failed: 3, lastError: FAILURE });
      expect(await app.get(ItemGenerationService).topUp(versionId)).toBe(0);
      // Generated documents are no library content.
      const generated: Array<{ id: string }> = await db.query(
        `SELECT e.id FROM exercises e JOIN item_instances i ON i.exercise_id = e.id WHERE i.module_version_id = $1`,
        [versionId],
      );
      expect(generated).toHaveLength(6);
      const library = await ok(http().get('/api/exercises?limit=200&tag=forged').set(bearer(t.instructor)));
      const listed = new Set(library.items.map((e: { id: string }) => e.id));
      expect(generated.filter((g) => listed.has(g.id))).toEqual([]);
    });

    it('gives two officers documents of their own: no exercise, image, URL or MRZ in common', async () => {
      for (const [name, who] of Object.entries({ a, b })) {
        const attempt = await ok(http().post('/api/attempts').set(bearer(who.token)).send({ assignmentId }), 201);
        // The broken model has no document, so the draw takes the other four items: the assignment stays usable.
        expect(attempt.itemCount).toBe(4);
        // Officer a refers every document, b accepts every one (item analysis below sees the difference).
        const decision = name === 'a' ? 'refer' : 'accept';
        const items: Presented[] = [];
        for (let n = 1; n <= 4; n++) {
          items.push(await ok(http().get(`/api/attempts/${attempt.id}/items/${n}`).set(bearer(who.token))));
          await ok(
            http()
              .put(`/api/attempts/${attempt.id}/items/${n}/response`)
              .set(bearer(who.token))
              .set('Idempotency-Key', `${attempt.id}-${n}`)
              .send({ decision, final: true }),
          );
        }
        taken[name] = { attemptId: attempt.id, items };
      }
      const generatedOf = async (attemptId: string) =>
        (await db.query(
          `SELECT i.n, e.id, e.item_model_id AS "modelId" FROM attempt_items i
             JOIN exercise_versions v ON v.id = i.exercise_version_id JOIN exercises e ON e.id = v.exercise_id
            WHERE i.attempt_id = $1 AND e.item_model_id IS NOT NULL ORDER BY i.n`,
          [attemptId],
        )) as Array<{ n: number; id: string; modelId: string }>;
      const mine = await generatedOf(taken.a.attemptId);
      const theirs = await generatedOf(taken.b.attemptId);
      expect(mine.map((g) => g.modelId).sort()).toEqual([modelIds.photo, modelIds.genuine].sort());
      expect(theirs.map((g) => g.modelId).sort()).toEqual([modelIds.photo, modelIds.genuine].sort());
      expect(mine.filter((g) => theirs.some((o) => o.id === g.id))).toEqual([]);

      const fingerprints = async (item: Presented) => {
        const urls = item.sides.flatMap((s) => s.images.flatMap((i) => Object.values(i.urls.variants)));
        const bytes: string[] = [];
        for (const url of urls) {
          const res = await http().get(url).buffer(true);
          expect(res.status).toBe(200);
          bytes.push(
            createHash('sha256')
              .update(res.body as Buffer)
              .digest('hex'),
          );
        }
        return { bytes, urls: urls.map((u) => u.split('?')[0]), mrz: item.parts.mrz?.lines.join('\n') ?? null };
      };
      const print = async (who: 'a' | 'b', gen: Array<{ n: number }>) => {
        const all = await Promise.all(gen.map((g) => fingerprints(taken[who].items[g.n - 1])));
        return {
          bytes: new Set(all.flatMap((f) => f.bytes)),
          urls: new Set(all.flatMap((f) => f.urls)),
          mrz: all.map((f) => f.mrz).filter((m): m is string => m !== null),
        };
      };
      const pa = await print('a', mine);
      const pb = await print('b', theirs);
      expect(pa.bytes.size).toBeGreaterThan(0);
      expect([...pa.bytes].filter((h) => pb.bytes.has(h))).toEqual([]);
      expect([...pa.urls].filter((u) => pb.urls.has(u))).toEqual([]);
      expect(pa.mrz).toHaveLength(2);
      expect(pa.mrz.filter((m) => pb.mrz.includes(m))).toEqual([]);

      // Each document was claimed by one officer only; a spare of each model waits for a late joiner.
      const claims: Array<{ userId: string; n: number }> = await db.query(
        `SELECT user_id AS "userId", count(*)::int AS n FROM item_instances
          WHERE module_version_id = $1 AND user_id IS NOT NULL GROUP BY user_id ORDER BY user_id`,
        [versionId],
      );
      expect(claims).toEqual([a.id, b.id].sort().map((userId) => ({ userId, n: 2 })));
    });

    it('presents a generated genuine document and a generated forgery alike: same shape, same image sizes', async () => {
      const rows: Array<{ n: number; modelId: string }> = await db.query(
        `SELECT i.n, e.item_model_id AS "modelId" FROM attempt_items i
           JOIN exercise_versions v ON v.id = i.exercise_version_id JOIN exercises e ON e.id = v.exercise_id
          WHERE i.attempt_id = $1 AND e.item_model_id IS NOT NULL`,
        [taken.a.attemptId],
      );
      const itemOf = (modelId: string) => taken.a.items[rows.find((r) => r.modelId === modelId)!.n - 1];
      const forged = itemOf(modelIds.photo);
      const genuine = itemOf(modelIds.genuine);
      const strip = (p: Presented) => ({ ...p, itemId: undefined, n: undefined, firstServedAt: undefined });
      expect(new Set(shapeOf(strip(forged)))).toEqual(new Set(shapeOf(strip(genuine))));
      const sizes = (p: Presented) =>
        p.sides.flatMap((s) =>
          s.images.map(
            (i) =>
              `${s.side}/${i.light}/${i.frame}: ${i.urls.width}×${i.urls.height} ` +
              Object.keys(i.urls.variants).sort().join(','),
          ),
        );
      expect(sizes(forged)).toEqual(sizes(genuine));
      expect(forged.traveller && [forged.traveller.width, forged.traveller.height]).toEqual(
        genuine.traveller && [genuine.traveller.width, genuine.traveller.height],
      );
      expect(shapeOf(forged).filter((k) => /truth|verdict|fraudulent|explanation|regions/i.test(k))).toEqual([]);
    });

    it('reports each item model as one item in item analysis, with how much its documents vary', async () => {
      for (const [who, token] of [
        ['a', a.token],
        ['b', b.token],
      ] as const)
        await ok(http().post(`/api/attempts/${taken[who].attemptId}/finish`).set(bearer(token)));
      const analysis = await ok(
        http().get(`/api/reports/modules/${moduleId}/item-analysis?version=1`).set(bearer(t.instructor)),
      );
      expect(analysis.test.attempts).toBe(2);
      expect(analysis.items).toHaveLength(5);
      const row = (id: string) => analysis.items.find((i: { exerciseId: string }) => i.exerciseId === id);
      const scores: Array<{ modelId: string; score: number }> = await db.query(
        `SELECT e.item_model_id AS "modelId", i.score FROM attempt_items i
           JOIN exercise_versions v ON v.id = i.exercise_version_id JOIN exercises e ON e.id = v.exercise_id
          WHERE i.attempt_id = ANY($1::uuid[]) AND e.item_model_id IS NOT NULL`,
        [[taken.a.attemptId, taken.b.attemptId]],
      );
      for (const modelId of [modelIds.photo, modelIds.genuine]) {
        const own = scores.filter((s) => s.modelId === modelId).map((s) => s.score);
        const r = row(modelId);
        expect(r.title).toMatch(/^Item model: UTO passport, /);
        expect(r.responses).toBe(2);
        expect(r.facility).toBeCloseTo((100 * (own[0] + own[1])) / 2, 6);
        // Two documents: the sample SD of two values is |x − y| / √2.
        expect(r.itemModel).toEqual({ instances: 2, facilitySd: expect.any(Number) });
        expect(r.itemModel.facilitySd).toBeCloseTo((100 * Math.abs(own[0] - own[1])) / Math.SQRT2, 6);
      }
      expect(row(modelIds.genuine).verdict).toBe('genuine');
      expect(row(modelIds.broken)).toMatchObject({ responses: 0, itemModel: { instances: 0, facilitySd: null } });
      expect(row(fixedIds[0]).itemModel).toBeUndefined();
    });

    it('keeps generated documents out of module pools', async () => {
      const [{ id }] = await db.query(
        `SELECT exercise_id AS id FROM item_instances WHERE module_version_id = $1 AND user_id IS NOT NULL LIMIT 1`,
        [versionId],
      );
      const res = await http()
        .post('/api/modules')
        .set(bearer(t.instructor))
        .send({ title: `${TAG} harvest`, exerciseIds: [id], settings });
      expect(res.status).toBe(400);
      expect(res.body.message).toMatch(/generated from an item model for one officer/);
    });

    it('shows the generation to staff of the unit only', async () => {
      expect((await http().get(`/api/modules/${moduleId}/item-models`).set(bearer(t.trainee))).status).toBe(403);
      expect((await http().get(`/api/modules/${moduleId}/item-models`).set(bearer(t.otherUnit))).status).toBe(404);
    });
  });
});

// Forging on a genuine specimen (issue 12, the second way): a region drawn on one side, an operation applied under
// every light the specimen was photographed in, the forged set written as new media through the real pipeline and
// the region, its compromised features and the lights where it shows as the truth. 400 in words before any job; a
// failed job leaves no media and no exercise.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ExerciseView, Polygon } from '@firstline/contracts';
import { renderGenuine, renderImages, type DocumentInstance } from '@firstline/forge';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../src/config/config';
import { ExercisesService } from '../src/exercises';
import { MediaService } from '../src/media/media.service';
import { bearer, listFiles, signIn, testApp } from './utils';

jest.setTimeout(240_000);

interface Job {
  id: string;
  status: string;
  progress: number;
  exerciseId: string | null;
  error: string | null;
}

const DESK_LIGHTS = ['visible', 'transmitted', 'oblique', 'uv365', 'ir'] as const;

const boxOf = (poly: Polygon): Polygon => {
  const xs = poly.map((p) => p[0]);
  const ys = poly.map((p) => p[1]);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  return [
    [x0, y0],
    [x1, y0],
    [x1, y1],
    [x0, y1],
  ];
};

describe('forging on a specimen (POST /api/exercises/forge-from-specimen)', () => {
  let app: NestExpressApplication;
  let db: DataSource;
  let media: MediaService;
  let mediaDir: string;
  let instructor: string;
  let instance: DocumentInstance;
  /** A specimen photographed under every desk light (and UV 254), with its features annotated. */
  let specimenId: string;
  /** The same document photographed in visible light only, nothing annotated. */
  let bareSpecimenId: string;
  let portrait: Polygon;
  const http = () => request(app.getHttpServer());
  const count = async (table: string) => Number((await db.query(`SELECT count(*) AS n FROM ${table}`))[0].n);
  const forge = (body: object, token = instructor) =>
    http().post('/api/exercises/forge-from-specimen').set(bearer(token)).send(body);

  async function finished(id: string): Promise<Job> {
    for (let i = 0; i < 600; i++) {
      const res = await http().get(`/api/exercise-jobs/${id}`).set(bearer(instructor));
      expect(res.status).toBe(200);
      if (res.body.status === 'done' || res.body.status === 'failed') return res.body;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`job ${id} did not finish`);
  }

  async function specimen(title: string, lights: readonly string[], annotate: boolean): Promise<string> {
    const created = await http()
      .post('/api/specimens')
      .set(bearer(instructor))
      .send({ title, issuingState: 'UTO', documentType: 'TD3' })
      .expect(201);
    const id = created.body.id;
    const images = await renderImages(instance, { lights: lights as never });
    for (const img of images) {
      await http()
        .post(`/api/specimens/${id}/images`)
        .set(bearer(instructor))
        .field('side', img.side)
        .field('light', img.light)
        .field('frame', String(img.frame ?? 1))
        .attach('file', img.png, { filename: `${img.light}.png`, contentType: 'image/png' })
        .expect(202);
    }
    if (annotate) {
      const features = instance.features.map((f) => ({
        name: f.label,
        kind: f.name,
        category: f.category,
        side: f.side,
        lights: f.lights,
        region: f.polygon,
      }));
      await http().put(`/api/specimens/${id}/features`).set(bearer(instructor)).send({ features }).expect(200);
    }
    return id;
  }

  /** Mean absolute difference per channel between two images' pixels, inside and outside a polygon's box. */
  async function difference(a: string, b: string, poly: Polygon) {
    const [pa, pb] = [await media.pixels(a), await media.pixels(b)];
    expect([pa.width, pa.height]).toEqual([pb.width, pb.height]);
    const [[x0, y0], , [x1, y1]] = boxOf(poly).map(([x, y]) => [x * pa.width, y * pa.height]);
    const margin = 4;
    let inside = 0;
    let nInside = 0;
    let outside = 0;
    let nOutside = 0;
    for (let y = 0; y < pa.height; y++) {
      for (let x = 0; x < pa.width; x++) {
        const o = (y * pa.width + x) * 3;
        const d =
          (Math.abs(pa.data[o] - pb.data[o]) +
            Math.abs(pa.data[o + 1] - pb.data[o + 1]) +
            Math.abs(pa.data[o + 2] - pb.data[o + 2])) /
          3;
        if (x > x0 + margin && x < x1 - margin && y > y0 + margin && y < y1 - margin) {
          inside += d;
          nInside++;
        } else if (x < x0 - margin || x > x1 + margin || y < y0 - margin || y > y1 + margin) {
          outside += d;
          nOutside++;
        }
      }
    }
    return { inside: inside / nInside, outside: outside / nOutside };
  }

  beforeAll(async () => {
    app = await testApp({ MEDIA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'firstline-specimen-forge-')) });
    db = app.get(DataSource);
    media = app.get(MediaService);
    mediaDir = app.get<AppConfig>(APP_CONFIG).MEDIA_DIR;
    instructor = await signIn(app, 'instructor1');
    instance = renderGenuine({ state: 'UTO', type: 'TD3', seed: 'specimen-forge', dpi: 60 });
    portrait = boxOf(instance.features.find((f) => f.name === 'laser-engraving')!.polygon);
    specimenId = await specimen('Utopia passport for forging', [...DESK_LIGHTS, 'uv254'], true);
    bareSpecimenId = await specimen('Utopia passport, visible only', ['visible'], false);
    await media.waitForIdle();
  });

  afterAll(async () => {
    await app.close();
    fs.rmSync(mediaDir, { recursive: true, force: true });
  });

  describe('bad requests answer 400 in words, and no job starts', () => {
    const square: Polygon = [
      [0.1, 0.2],
      [0.3, 0.2],
      [0.3, 0.5],
      [0.1, 0.5],
    ];
    const base = () => ({ specimenId, side: 'data-page', region: portrait, operation: 'photo-substitution' });
    it.each([
      ['two points', { region: square.slice(0, 2) }, /at least 3 points.*it has 2/],
      ['a point outside 0–1', { region: [...square.slice(0, 3), [1.2, 0.5]] }, /Point 4 .*outside the image/],
      [
        'a bow tie',
        {
          region: [
            [0.1, 0.1],
            [0.4, 0.4],
            [0.4, 0.1],
            [0.1, 0.4],
          ],
        },
        /crosses itself/,
      ],
      [
        'points on one line',
        {
          region: [
            [0.1, 0.1],
            [0.2, 0.2],
            [0.3, 0.3],
          ],
        },
        /encloses no area/,
      ],
      [
        'a fraud type the operation does not make',
        { options: { fraudType: 'counterfeit' } },
        /makes.*not "counterfeit"/,
      ],
      ['a side with no photographs', { side: 'back' }, /no photographs of its back/],
      ['a region away from the portrait', { region: square.map(([x, y]) => [x + 0.6, y]) }, /does not touch/],
      [
        'a feature the region does not cover',
        { operation: 'remove-feature', options: { feature: 'mrz' } },
        /covers no annotated mrz/,
      ],
      ['an unknown operation', { operation: 'bleach' }, /operation/],
      ['an unknown option', { options: { colour: 'red' } }, /colour/],
    ])('%s', async (_what, change, message) => {
      const jobs = await count('exercise_jobs');
      const res = await forge({ ...base(), ...change });
      expect(res.status).toBe(400);
      expect(String(res.body.message)).toMatch(message);
      expect(await count('exercise_jobs')).toBe(jobs);
    });

    it('a specimen without a portrait annotated, or without UV photographs, cannot take a photo substitution', async () => {
      const res = await forge({ ...base(), specimenId: bareSpecimenId });
      expect(res.status).toBe(400);
      expect(res.body.message).toMatch(/no portrait annotated on its data page/);
      await http()
        .put(`/api/specimens/${bareSpecimenId}/features`)
        .set(bearer(instructor))
        .send({
          features: [
            {
              name: 'Portrait',
              kind: 'portrait',
              category: 'personalisation',
              side: 'data-page',
              lights: ['visible'],
              region: portrait,
            },
          ],
        })
        .expect(200);
      const noUv = await forge({ ...base(), specimenId: bareSpecimenId });
      expect(noUv.status).toBe(400);
      expect(noUv.body.message).toMatch(/needs a photograph of the data page under uv 365 nm or uv 254 nm/i);
    });

    it('an unknown specimen is 404; a trainee gets 403', async () => {
      expect((await forge({ ...base(), specimenId: '00000000-0000-4000-8000-000000000000' })).status).toBe(404);
      expect((await forge(base(), await signIn(app, 'trainee01'))).status).toBe(403);
    });
  });

  describe('a photo substitution', () => {
    let job: Job;
    let exercise: ExerciseView;
    let specimenImages: Array<{ side: string; light: string; frame: number; asset: { id: string } }>;

    beforeAll(async () => {
      const res = await forge({
        specimenId,
        side: 'data-page',
        region: portrait,
        operation: 'photo-substitution',
        options: { seed: 11, subtlety: 0.2 },
      });
      expect(res.status).toBe(202);
      expect(res.body).toMatchObject({ kind: 'forge-from-specimen', status: 'queued', progress: 0 });
      job = await finished(res.body.id);
      exercise = (await http().get(`/api/exercises/${job.exerciseId}`).set(bearer(instructor))).body;
      specimenImages = (await http().get(`/api/specimens/${specimenId}`).set(bearer(instructor))).body.images;
    });

    it('ends done with an exercise linked to the specimen', () => {
      expect(job).toMatchObject({ status: 'done', progress: 100, error: null });
      expect(exercise.specimenId).toBe(specimenId);
      expect(exercise.title).toMatch(/photo substitution \(seed 11\)/);
      expect(exercise.difficulty).toBe(2);
    });

    it('has the drawn region as its truth: that side, the portrait and what covers it, the lights where it shows', () => {
      expect(exercise.truth.verdict).toBe('fraudulent');
      expect(exercise.truth.fraudType).toBe('forged:photo-substitution');
      expect(exercise.truth.regions).toHaveLength(1);
      const [region] = exercise.truth.regions;
      expect(region.side).toBe('data-page');
      expect(region.polygon).toEqual(portrait);
      for (const [x, y] of region.polygon) {
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(1);
        expect(y).toBeGreaterThanOrEqual(0);
        expect(y).toBeLessThanOrEqual(1);
      }
      expect(region.features).toContain('portrait');
      expect(region.features).toContain('kinegram'); // the OVD over the portrait's corner is interrupted
      expect(region.features).not.toContain('guilloche'); // the page-wide background is not "the" feature
      expect([...region.lights].sort()).toEqual(['ir', 'oblique', 'transmitted', 'uv365', 'visible']);
      expect(exercise.truth.explanation).toMatch(/UV.*infrared/);
      for (const f of region.features) expect(exercise.featureOptions).toContain(f);
    });

    it("has the specimen's desk photographs, each as new media of the same size, and a traveller", async () => {
      const desk = specimenImages.filter((i) => i.light !== 'uv254');
      expect(exercise.images.map((i) => `${i.side}/${i.light}/${i.frame}`).sort()).toEqual(
        desk.map((i) => `${i.side}/${i.light}/${i.frame}`).sort(),
      );
      const specimenAssets = new Set(specimenImages.map((i) => i.asset.id));
      for (const img of exercise.images) expect(specimenAssets.has(img.assetId)).toBe(false);
      const views = await media.views(exercise.images.map((i) => i.assetId));
      const genuine = await media.views(desk.map((i) => i.asset.id));
      expect(new Set(views.map((v) => `${v.width}×${v.height}`))).toEqual(
        new Set(genuine.map((v) => `${v.width}×${v.height}`)),
      );
      expect(views.every((v) => v.status === 'ready')).toBe(true);
      expect(exercise.travellerAssetId).toBeTruthy();
    });

    it('changed the portrait under every light and nothing else', async () => {
      for (const light of DESK_LIGHTS) {
        const forged = exercise.images.find((i) => i.light === light && i.frame === 1)!;
        const genuine = specimenImages.find((i) => i.light === light && i.frame === 1)!;
        const d = await difference(forged.assetId, genuine.asset.id, portrait);
        expect(d.outside).toBeLessThan(3); // re-encoding only
        expect(d.inside).toBeGreaterThan(12);
      }
    });
  });

  it('an alteration retypes a field: the data on that side, shown under visible, UV, IR and against the light', async () => {
    const field = boxOf(instance.viz.find((v) => v.key === 'dateOfBirth')!.polygon);
    const res = await forge({
      specimenId,
      side: 'data-page',
      region: field,
      operation: 'alter-field',
      options: { text: '14 MAR 1979', seed: 2 },
    });
    expect(res.status).toBe(202);
    const job = await finished(res.body.id);
    expect(job.status).toBe('done');
    const exercise: ExerciseView = (await http().get(`/api/exercises/${job.exerciseId}`).set(bearer(instructor))).body;
    expect(exercise.truth.fraudType).toBe('forged:data-alteration');
    const [region] = exercise.truth.regions;
    expect(region.features).toContain('viz-data');
    expect([...region.lights].sort()).toEqual(['ir', 'transmitted', 'uv365', 'visible']);
    expect(region.note).toMatch(/14 MAR 1979/);
    expect(exercise.travellerAssetId).toBeNull();
  });

  it('a removed feature shows only under the lights it answers to', async () => {
    const emblem = instance.features.find((f) => f.name === 'uv-fluorescent-ink' && f.lights.includes('uv365'))!;
    const res = await forge({
      specimenId,
      side: 'data-page',
      region: boxOf(emblem.polygon),
      operation: 'remove-feature',
      options: { feature: 'uv-fluorescent-ink', seed: 4 },
    });
    expect(res.status).toBe(202);
    const job = await finished(res.body.id);
    expect(job.status).toBe('done');
    const exercise: ExerciseView = (await http().get(`/api/exercises/${job.exerciseId}`).set(bearer(instructor))).body;
    expect(exercise.truth.fraudType).toBe('counterfeit');
    expect(exercise.truth.regions[0].lights).toEqual(['uv365']);
    expect(exercise.truth.regions[0].features[0]).toBe('uv-fluorescent-ink');
  });

  it('a failed job leaves no media and no exercise behind, and says why', async () => {
    const [assets, exercises, files] = [await count('media_assets'), await count('exercises'), listFiles(mediaDir)];
    const create = jest
      .spyOn(app.get(ExercisesService), 'create')
      .mockRejectedValueOnce(new Error('the database refused the exercise'));
    try {
      const res = await forge({
        specimenId,
        side: 'data-page',
        region: portrait,
        operation: 'stamp',
        options: { seed: 9 },
      });
      expect(res.status).toBe(202);
      const job = await finished(res.body.id);
      expect(job).toMatchObject({ status: 'failed', error: 'the database refused the exercise', exerciseId: null });
    } finally {
      create.mockRestore();
    }
    expect(await count('media_assets')).toBe(assets);
    expect(await count('exercises')).toBe(exercises);
    expect(listFiles(mediaDir)).toEqual(files);
  });
});

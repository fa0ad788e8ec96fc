// Forging an exercise in the background (issue 12, the first way): 400 in words before any job exists, 202 with a
// job that renders every desk light, ingests through the real media pipeline and fills in the forge's exact truth;
// a failed job leaves no media and no exercise behind; a job left open by a stopped server is failed and cleaned.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FORGE_OPERATIONS_BY_FRAUD_TYPE, type ExerciseView } from '@firstline/contracts';
import { checkMrz, OPERATIONS_BY_FRAUD_TYPE } from '@firstline/forge';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { ExerciseJobsService } from '../src/authoring/exercise-jobs.service';
import { FORGERY_OF } from '../src/authoring/forge-plan';
import { APP_CONFIG, type AppConfig } from '../src/config/config';
import { ExercisesService } from '../src/exercises';
import { MediaService } from '../src/media/media.service';
import { bearer, listFiles, signIn, testApp } from './utils';

jest.setTimeout(240_000);

interface Job {
  id: string;
  status: string;
  progress: number;
  step: string | null;
  exerciseId: string | null;
  error: string | null;
}

describe('forging an exercise (POST /api/exercises/forge, GET /api/exercise-jobs/:id)', () => {
  let app: NestExpressApplication;
  let db: DataSource;
  let mediaDir: string;
  let instructor: string;
  let instructor2: string;
  const http = () => request(app.getHttpServer());
  const count = async (table: string) => Number((await db.query(`SELECT count(*) AS n FROM ${table}`))[0].n);

  async function finished(id: string, token = instructor): Promise<Job> {
    const seen: number[] = [];
    for (let i = 0; i < 600; i++) {
      const res = await http().get(`/api/exercise-jobs/${id}`).set(bearer(token));
      expect(res.status).toBe(200);
      seen.push(res.body.progress);
      if (res.body.status === 'done' || res.body.status === 'failed') {
        // Progress only ever moves forward.
        expect([...seen].sort((a, b) => a - b)).toEqual(seen);
        return res.body;
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`job ${id} did not finish`);
  }

  const forge = (body: object, token = instructor) => http().post('/api/exercises/forge').set(bearer(token)).send(body);

  beforeAll(async () => {
    app = await testApp({ DEMO_DPI: '60', MEDIA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'firstline-forge-')) });
    db = app.get(DataSource);
    mediaDir = app.get<AppConfig>(APP_CONFIG).MEDIA_DIR;
    instructor = await signIn(app, 'instructor1');
    instructor2 = await signIn(app, 'instructor2');
  });

  afterAll(async () => {
    await app.close();
    fs.rmSync(mediaDir, { recursive: true, force: true });
  });

  it("names the forge's operations: each fraud type's operations are the forge's own", () => {
    for (const [fraudType, ops] of Object.entries(FORGE_OPERATIONS_BY_FRAUD_TYPE))
      expect(ops.map((op) => FORGERY_OF[op])).toEqual(
        OPERATIONS_BY_FRAUD_TYPE[fraudType as keyof typeof OPERATIONS_BY_FRAUD_TYPE],
      );
  });

  describe('bad requests answer 400 in words, and no job starts', () => {
    const base = { issuingState: 'UTO', documentType: 'TD3', fraudType: 'forged:photo-substitution' };
    it.each([
      [{ ...base, issuingState: 'XXA' }, /Unknown issuing state "XXA".*UTO, ARC, BRG/],
      [
        { ...base, operation: 'tamper-mrz' },
        /tamper-mrz produces forged:data-alteration, not forged:photo-substitution/,
      ],
      [{ ...base, fraudType: 'genuine', operation: 'counterfeit' }, /genuine document takes no forgery operation/],
      [{ ...base, fraudType: 'forged:visa-or-stamp', documentType: 'TD1' }, /forge-stamp needs a passport \(TD3\)/],
      [{ ...base, target: 'surname' }, /photo-substitution takes no target field/],
      [
        { ...base, fraudType: 'forged:data-alteration', operation: 'tamper-mrz', target: 'surname' },
        /cannot change "surname"/,
      ],
      [{ ...base, subtlety: 2 }, /subtlety/],
      [{ ...base, documentType: 'TD2' }, /documentType/],
      [{ ...base, colour: 'red' }, /colour/],
    ])('%j', async (body, message) => {
      const jobs = await count('exercise_jobs');
      const res = await forge(body);
      expect(res.status).toBe(400);
      expect(String(res.body.message)).toMatch(message);
      expect(await count('exercise_jobs')).toBe(jobs);
    });

    it('is for instructors and admins: a trainee or a supervisor gets 403', async () => {
      for (const who of ['trainee01', 'supervisor1']) {
        const res = await forge(base, await signIn(app, who));
        expect(res.status).toBe(403);
      }
    });

    it('asks an admin which unit owns the exercise', async () => {
      const res = await forge(base, await signIn(app, 'admin'));
      expect(res.status).toBe(400);
      expect(res.body.message).toMatch(/unitId/);
    });
  });

  it('previews every desk light of the request, small, with the truth the job would store — and stores nothing', async () => {
    const [jobs, assets, exercises] = [
      await count('exercise_jobs'),
      await count('media_assets'),
      await count('exercises'),
    ];
    const body = { issuingState: 'UTO', documentType: 'TD3', fraudType: 'forged:photo-substitution', seed: 4242 };
    const res = await http().post('/api/exercises/forge/preview').set(bearer(instructor)).send(body);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ operation: 'photo-substitution', seed: 4242 });
    expect(res.body.images.map((i: { light: string }) => i.light)).toEqual([
      'visible',
      'uv365',
      'ir',
      'transmitted',
      'oblique',
    ]);
    for (const img of res.body.images) {
      expect(img.dataUrl).toMatch(/^data:image\/webp;base64,/);
      expect(img.width).toBeLessThanOrEqual(480);
    }
    expect(res.body.truth.fraudType).toBe('forged:photo-substitution');
    expect([await count('exercise_jobs'), await count('media_assets'), await count('exercises')]).toEqual([
      jobs,
      assets,
      exercises,
    ]);
    // The same request, forged: the stored truth is the previewed one (the seed draws the same document).
    const forged = await finished((await forge(body)).body.id);
    const stored = (await http().get(`/api/exercises/${forged.exerciseId}`).set(bearer(instructor))).body;
    expect(stored.truth).toEqual(res.body.truth);
    expect(stored.title).toBe(res.body.title);
    // Bad input is the forge's 400, as for a job.
    const bad = await http()
      .post('/api/exercises/forge/preview')
      .set(bearer(instructor))
      .send({ ...body, operation: 'counterfeit' });
    expect(bad.status).toBe(400);
  });

  describe('a photo substitution on a Utopian passport', () => {
    let job: Job;
    let exercise: ExerciseView;

    beforeAll(async () => {
      const res = await forge({
        issuingState: 'UTO',
        documentType: 'TD3',
        fraudType: 'forged:photo-substitution',
        subtlety: 0.25,
        seed: 4242,
      });
      expect(res.status).toBe(202);
      expect(res.body).toMatchObject({ status: 'queued', progress: 0, exerciseId: null, error: null });
      job = await finished(res.body.id);
      exercise = (await http().get(`/api/exercises/${job.exerciseId}`).set(bearer(instructor))).body;
    });

    it('ends done at 100 % with the exercise it made', () => {
      expect(job).toMatchObject({ status: 'done', progress: 100, error: null });
      expect(exercise.id).toBe(job.exerciseId);
    });

    it('has the truth of the operation: fraudulent, photo substitution, the portrait region on the data page', () => {
      expect(exercise.truth.verdict).toBe('fraudulent');
      expect(exercise.truth.fraudType).toBe('forged:photo-substitution');
      expect(exercise.truth.regions.length).toBeGreaterThan(0);
      for (const region of exercise.truth.regions) {
        expect(region.side).toBe('data-page');
        expect(region.polygon.length).toBeGreaterThanOrEqual(3);
        for (const [x, y] of region.polygon) {
          expect(x).toBeGreaterThanOrEqual(0);
          expect(x).toBeLessThanOrEqual(1);
          expect(y).toBeGreaterThanOrEqual(0);
          expect(y).toBeLessThanOrEqual(1);
        }
        expect(region.lights.length).toBeGreaterThan(0);
      }
      expect(exercise.truth.regions.flatMap((r: { features: string[] }) => r.features)).toContain('portrait');
      expect(exercise.truth.explanation.length).toBeGreaterThan(20);
    });

    it('has every desk light of the data page (not the second-line UV 254), each a processed image', async () => {
      const lights = exercise.images.map((i: { light: string }) => i.light);
      for (const light of ['visible', 'uv365', 'ir', 'transmitted', 'oblique']) expect(lights).toContain(light);
      expect(lights).not.toContain('uv254');
      const ids = [...exercise.images.map((i: { assetId: string }) => i.assetId), exercise.travellerAssetId!];
      const views = await app.get(MediaService).views(ids);
      expect(views.map((v) => v.status)).toEqual(ids.map(() => 'ready'));
    });

    it('keeps a valid MRZ (a photo substitution leaves the data alone), checked with the mrz package', () => {
      const checked = checkMrz(exercise.mrz);
      expect(checked.valid).toBe(true);
      expect(exercise.truth.mrzFailedChecks).toEqual([]);
    });

    it('is titled, tagged and rated from the request', () => {
      expect(exercise.title).toBe('UTO TD3 — photo substitution (seed 4242)');
      expect(exercise.tags).toEqual(['forged', 'forged:photo-substitution']);
      expect(exercise.difficulty).toBe(2); // subtlety 0.25 → 1 + round(1)
    });

    it("is the starter's job: another instructor gets 404, an unknown id 404, a bad id 400", async () => {
      expect((await http().get(`/api/exercise-jobs/${job.id}`).set(bearer(instructor2))).status).toBe(404);
      const unknown = '00000000-0000-4000-8000-000000000000';
      expect((await http().get(`/api/exercise-jobs/${unknown}`).set(bearer(instructor))).status).toBe(404);
      expect((await http().get(`/api/exercise-jobs/not-an-id`).set(bearer(instructor))).status).toBe(400);
    });
  });

  it('an MRZ tampering fails exactly the check digits its truth names', async () => {
    const res = await forge({
      issuingState: 'ARC',
      documentType: 'TD1',
      fraudType: 'forged:data-alteration',
      operation: 'tamper-mrz',
      target: 'documentNumber',
      seed: 7,
    });
    expect(res.status).toBe(202);
    const job = await finished(res.body.id);
    expect(job.status).toBe('done');
    const exercise = (await http().get(`/api/exercises/${job.exerciseId}`).set(bearer(instructor))).body;
    expect(exercise.documentType).toBe('TD1');
    const sides = new Set(exercise.images.map((i: { side: string }) => i.side));
    expect(sides).toEqual(new Set(['front', 'back']));
    for (const region of exercise.truth.regions) expect(sides.has(region.side)).toBe(true);
    const checked = checkMrz(exercise.mrz);
    expect([...checked.failedChecks].sort()).toEqual([...exercise.truth.mrzFailedChecks].sort());
  });

  it('a genuine document: verdict genuine, no regions, a valid MRZ', async () => {
    const res = await forge({ issuingState: 'BRG', documentType: 'TD3', fraudType: 'genuine', seed: 11 });
    const job = await finished(res.body.id);
    const exercise = (await http().get(`/api/exercises/${job.exerciseId}`).set(bearer(instructor))).body;
    expect(exercise.truth).toMatchObject({ verdict: 'genuine', fraudType: 'genuine', regions: [] });
    expect(checkMrz(exercise.mrz).valid).toBe(true);
  });

  it('a failed job leaves no media and no exercise behind, and says why', async () => {
    const [assets, exercises, files] = [await count('media_assets'), await count('exercises'), listFiles(mediaDir)];
    const create = jest
      .spyOn(app.get(ExercisesService), 'create')
      .mockRejectedValueOnce(new Error('the database refused the exercise'));
    try {
      const res = await forge({ issuingState: 'UTO', documentType: 'TD1', fraudType: 'counterfeit', seed: 3 });
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

  it('a job a stopped server left open is failed at the next start, and its media removed', async () => {
    const media = app.get(MediaService);
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'firstline-forge-stale-'));
    const file = path.join(tmp, 'x.png');
    const sharp = (await import('sharp')).default;
    await sharp({ create: { width: 64, height: 48, channels: 3, background: '#888' } })
      .png()
      .toFile(file);
    const asset = await media.ingestFile(file, { createdBy: null });
    await media.waitForIdle();
    fs.rmSync(tmp, { recursive: true, force: true });
    const [{ id: userId }] = await db.query(`SELECT id FROM users WHERE username = 'instructor1'`);
    const [{ unit_id: unitId }] = await db.query(`SELECT unit_id FROM users WHERE username = 'instructor1'`);
    // The run's specs share one database: jobs other specs' servers left open count too once they are old enough.
    await app.get(ExerciseJobsService).failStale();
    const [{ id }] = await db.query(
      `INSERT INTO exercise_jobs (kind, status, progress, request, unit_id, created_by, asset_ids, updated_at)
       VALUES ('forge', 'running', 60, '{}', $1, $2, ARRAY[$3]::uuid[], now() - interval '10 minutes') RETURNING id`,
      [unitId, userId, asset.id],
    );
    expect(await app.get(ExerciseJobsService).failStale()).toBe(1);
    const job = (await http().get(`/api/exercise-jobs/${id}`).set(bearer(instructor))).body;
    expect(job.status).toBe('failed');
    expect(job.error).toMatch(/server stopped/);
    expect(await media.existingIds([asset.id])).toEqual([]);
  });
});

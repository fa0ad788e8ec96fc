// Authoring: exercises (validation, versioning once used), modules (publishing freezes a version), assignments
// (cohort scope), on real PostgreSQL with images through the real media pipeline.
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

describe('exercises, modules and assignments', () => {
  let app: NestExpressApplication;
  let db: DataSource;
  let instructor: string;
  let instructor2: string;
  let supervisor: string;
  let trainee: string;
  let assets: string[];
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'firstline-exercise-img-'));
  const http = () => request(app.getHttpServer());

  const exercise = (over: Record<string, unknown> = {}) => ({
    title: 'UTO TD3 — data alteration',
    issuingState: 'UTO',
    documentType: 'TD3',
    difficulty: 3,
    tags: ['test'],
    parts: { locate: { maxPoints: 3 }, fraudType: true, features: true, mrz: false },
    images: [
      { side: 'data-page', light: 'visible', frame: 1, assetId: assets[0] },
      { side: 'data-page', light: 'uv365', frame: 1, assetId: assets[1] },
    ],
    featureOptions: ['viz-data', 'mrz', 'portrait', 'guilloche'],
    truth: {
      verdict: 'fraudulent',
      fraudType: 'forged:data-alteration',
      regions: [
        {
          side: 'data-page',
          polygon: [
            [0.4, 0.3],
            [0.7, 0.3],
            [0.7, 0.36],
            [0.4, 0.36],
          ],
          features: ['viz-data'],
          lights: ['visible', 'uv365'],
        },
      ],
      explanation: 'The date of birth was retyped in a different font.',
    },
    ...over,
  });

  beforeAll(async () => {
    app = await testApp();
    db = app.get(DataSource);
    const media = app.get(MediaService);
    assets = [];
    for (const [i, colour] of ['#e8e2d0', '#1a1a40'].entries()) {
      const file = path.join(tmp, `img-${i}.png`);
      await sharp({ create: { width: 640, height: 450, channels: 3, background: colour } })
        .png()
        .toFile(file);
      assets.push((await media.ingestFile(file, { createdBy: null, group: 'exercise-test:data-page' })).id);
    }
    await media.waitForIdle();
    instructor = await signIn(app, 'instructor1');
    instructor2 = await signIn(app, 'instructor2');
    supervisor = await signIn(app, 'supervisor1');
    trainee = await signIn(app, 'trainee03');
  });
  afterAll(async () => {
    await app.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('creates an exercise and rejects inconsistent ones with every problem listed', async () => {
    const ok = await http().post('/api/exercises').set(bearer(instructor)).send(exercise());
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({
      version: 1,
      verdict: 'fraudulent',
      fraudType: 'forged:data-alteration',
      responseCount: 0,
    });

    const bad = await http()
      .post('/api/exercises')
      .set(bearer(instructor))
      .send(
        exercise({
          images: [{ side: 'data-page', light: 'uv365', frame: 1, assetId: assets[1] }],
          featureOptions: ['mrz'],
        }),
      );
    expect(bad.status).toBe(400);
    const messages = bad.body.details.map((d: { message: string }) => d.message).join('\n');
    expect(messages).toMatch(/visible-light image/);
    expect(messages).toMatch(/viz-data is not among featureOptions/);

    const genuineWithRegions = await http()
      .post('/api/exercises')
      .set(bearer(instructor))
      .send(exercise({ truth: { ...exercise().truth, verdict: 'genuine', fraudType: 'genuine' } }));
    expect(genuineWithRegions.status).toBe(400);
    const mismatch = await http()
      .post('/api/exercises')
      .set(bearer(instructor))
      .send(exercise({ truth: { ...exercise().truth, verdict: 'genuine' } }));
    expect(mismatch.status).toBe(400);
    const unknownAsset = await http()
      .post('/api/exercises')
      .set(bearer(instructor))
      .send(
        exercise({
          images: [{ side: 'data-page', light: 'visible', frame: 1, assetId: '00000000-0000-4000-8000-000000000000' }],
        }),
      );
    expect(unknownAsset.status).toBe(400);
    expect(unknownAsset.body.message).toMatch(/Unknown media/);
    // A trainee cannot read the bank (it holds the truth).
    expect((await http().get('/api/exercises').set(bearer(trainee))).status).toBe(403);
  });

  it('searches with % and _ taken literally, as the user and specimen searches do (not as wildcards)', async () => {
    const literal = await http()
      .post('/api/exercises')
      .set(bearer(instructor))
      .send(exercise({ title: 'Stamp 100% over photo_edge' }));
    expect(literal.status).toBe(201);
    const ids = async (q: string) =>
      (
        (
          await http()
            .get(`/api/exercises?q=${encodeURIComponent(q)}&limit=200`)
            .set(bearer(instructor))
            .expect(200)
        ).body.items as Array<{ id: string }>
      ).map((item) => item.id);
    expect(await ids('100%')).toEqual([literal.body.id]);
    expect(await ids('o_e')).toEqual([literal.body.id]);
    expect(await ids('100%%')).toEqual([]);
    expect(await ids('0%o')).toEqual([]); // "%" as a wildcard would match "0% o"
    expect(await ids('p_oto')).toEqual([]); // "_" as a wildcard would match "photo"
  });

  it('editing an unused exercise changes it in place; once published in a module, an edit makes version 2 and the module keeps version 1', async () => {
    const created = (await http().post('/api/exercises').set(bearer(instructor)).send(exercise())).body;
    const genuine = (
      await http()
        .post('/api/exercises')
        .set(bearer(instructor))
        .send(
          exercise({
            title: 'UTO TD3 — genuine',
            truth: { verdict: 'genuine', fraudType: 'genuine', regions: [], explanation: 'All features present.' },
          }),
        )
    ).body;
    const inPlace = await http()
      .put(`/api/exercises/${created.id}`)
      .set(bearer(instructor))
      .send(exercise({ difficulty: 4 }));
    expect(inPlace.body).toMatchObject({ version: 1, versionId: created.versionId, difficulty: 4 });

    const moduleInput = {
      title: 'Test module',
      description: 'Two documents',
      exerciseIds: [created.id, genuine.id],
      settings: {
        mode: 'assessment',
        feedback: 'after-finish',
        timePerItemSeconds: 30,
        moduleTimeSeconds: null,
        drawCount: null,
        minGenuineShare: 0.5,
        passMark: 50,
        attemptsAllowed: 1,
      },
    };
    const mod = await http().post('/api/modules').set(bearer(instructor)).send(moduleInput);
    expect(mod.status).toBe(201);
    expect(mod.body).toMatchObject({ publishedVersion: null, hasUnpublishedChanges: true });
    const published = await http().post(`/api/modules/${mod.body.id}/publish`).set(bearer(instructor));
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ publishedVersion: { version: 1 }, hasUnpublishedChanges: false });

    const edited = await http()
      .put(`/api/exercises/${created.id}`)
      .set(bearer(instructor))
      .send(exercise({ difficulty: 5 }));
    expect(edited.body).toMatchObject({ version: 2, difficulty: 5 });
    expect(edited.body.versionId).not.toBe(created.versionId);
    const [frozen] = await db.query('SELECT pool FROM module_versions WHERE id = $1', [
      published.body.publishedVersion.id,
    ]);
    expect(frozen.pool).toContain(created.versionId);
    // The draft now differs from what was published; publishing again makes version 2 of the module.
    expect((await http().get(`/api/modules/${mod.body.id}`).set(bearer(supervisor))).body.hasUnpublishedChanges).toBe(
      true,
    );
    const again = await http().post(`/api/modules/${mod.body.id}/publish`).set(bearer(instructor));
    expect(again.body.publishedVersion.version).toBe(2);

    // Settings the pool cannot satisfy are refused at publishing.
    await http()
      .put(`/api/modules/${mod.body.id}`)
      .set(bearer(instructor))
      .send({ ...moduleInput, settings: { ...moduleInput.settings, minGenuineShare: 1 } })
      .expect(200);
    const refused = await http().post(`/api/modules/${mod.body.id}/publish`).set(bearer(instructor));
    expect(refused.status).toBe(400);
    expect(refused.body.message).toMatch(/genuine/);
    // Practice modules give feedback after each item; a mismatch is a 400.
    const wrongFeedback = await http()
      .post('/api/modules')
      .set(bearer(instructor))
      .send({ ...moduleInput, settings: { ...moduleInput.settings, mode: 'practice' } });
    expect(wrongFeedback.status).toBe(400);
  });

  it('assigns a published version to a cohort the instructor runs, and not to another unit’s cohort', async () => {
    const created = (await http().post('/api/exercises').set(bearer(instructor)).send(exercise())).body;
    const mod = (
      await http()
        .post('/api/modules')
        .set(bearer(instructor))
        .send({ title: 'Assign me', exerciseIds: [created.id], settings: { mode: 'practice', feedback: 'after-item' } })
    ).body;
    const version = (await http().post(`/api/modules/${mod.id}/publish`).set(bearer(instructor))).body.publishedVersion
      .id;
    const isb = (
      (await http().get('/api/cohorts').set(bearer(instructor))).body as Array<{ id: string; name: string }>
    ).filter((c) => c.name === 'Islamabad Intake 2026-A');
    const lahore = (
      (await http().get('/api/cohorts').set(bearer(instructor2))).body as Array<{ id: string; name: string }>
    ).filter((c) => c.name === 'Lahore Intake 2026-A');
    const cohorts = isb;
    expect(isb).toHaveLength(1);
    expect(lahore).toHaveLength(1);
    const opensAt = new Date(Date.now() - 60_000).toISOString();

    const ok = await http()
      .post('/api/assignments')
      .set(bearer(instructor))
      .send({ moduleVersionId: version, cohortId: cohorts[0].id, opensAt });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({
      cohort: { id: cohorts[0].id },
      module: { id: mod.id, itemCount: 1, mode: 'practice' },
    });
    expect(
      (
        await http()
          .post('/api/assignments')
          .set(bearer(instructor))
          .send({ moduleVersionId: version, cohortId: lahore[0].id, opensAt })
      ).status,
    ).toBe(404);
    expect(
      (
        await http()
          .post('/api/assignments')
          .set(bearer(instructor))
          .send({
            moduleVersionId: version,
            cohortId: cohorts[0].id,
            opensAt,
            closesAt: new Date(Date.now() - 120_000).toISOString(),
          })
      ).status,
    ).toBe(400);
    // The trainee of that cohort sees it; the supervisor of the unit lists it; another unit's instructor does not.
    const mine = (await http().get('/api/me/assignments').set(bearer(trainee))).body as Array<{ id: string }>;
    expect(mine.map((a) => a.id)).toContain(ok.body.id);
    expect(
      ((await http().get('/api/assignments').set(bearer(supervisor))).body as Array<{ id: string }>).map((a) => a.id),
    ).toContain(ok.body.id);
    expect(
      ((await http().get('/api/assignments').set(bearer(instructor2))).body as Array<{ id: string }>).map((a) => a.id),
    ).not.toContain(ok.body.id);
    expect((await http().delete(`/api/assignments/${ok.body.id}`).set(bearer(instructor2))).status).toBe(404);

    // Once a trainee has started, it cannot be deleted.
    await http().post('/api/attempts').set(bearer(trainee)).send({ assignmentId: ok.body.id }).expect(201);
    const del = await http().delete(`/api/assignments/${ok.body.id}`).set(bearer(instructor));
    expect(del.status).toBe(409);
  });

  it('names the assignment’s cohort when it is assigned, listed, and shown to a trainee', async () => {
    const created = (await http().post('/api/exercises').set(bearer(instructor)).send(exercise())).body;
    const settings = { mode: 'practice', feedback: 'after-item' };
    const mod = (
      await http()
        .post('/api/modules')
        .set(bearer(instructor))
        .send({ title: 'Cohort named', exerciseIds: [created.id], settings })
    ).body;
    const published = (await http().post(`/api/modules/${mod.id}/publish`).set(bearer(instructor))).body;
    const cohorts = (await http().get('/api/cohorts').set(bearer(instructor))).body as Array<{
      id: string;
      name: string;
    }>;
    const cohort = cohorts.find((c) => c.name === 'Islamabad Intake 2026-A')!;
    const named = { id: cohort.id, name: 'Islamabad Intake 2026-A' };
    const opensAt = new Date(Date.now() - 60_000).toISOString();
    const assigned = (
      await http()
        .post('/api/assignments')
        .set(bearer(instructor))
        .send({ moduleVersionId: published.publishedVersion.id, cohortId: cohort.id, opensAt })
    ).body;
    const listed = (await http().get(`/api/assignments?moduleId=${mod.id}`).set(bearer(supervisor))).body;
    const mine = (await http().get('/api/me/assignments').set(bearer(trainee))).body as Array<{ id: string }>;
    expect(assigned.cohort).toEqual(named);
    expect(listed.map((a: { cohort: unknown }) => a.cohort)).toEqual([named]);
    expect(mine.find((a) => a.id === assigned.id)).toMatchObject({ cohort: named });
  });

  describe('exercises and modules belong to a unit', () => {
    // instructor1 (Islamabad, ISB-IMM) owns an exercise and a module; instructor2 (Lahore, LHE-IMM) must not see them.
    let exerciseId: string;
    let moduleId: string;
    let versionId: string;
    let admin: string;
    let isbUnitId: string;
    let lheUnitId: string;
    const settings = { mode: 'practice', feedback: 'after-item' };
    beforeAll(async () => {
      admin = await signIn(app, 'admin');
      const units = (await http().get('/api/units').set(bearer(admin))).body as Array<{ id: string; code: string }>;
      isbUnitId = units.find((unit) => unit.code === 'ISB-IMM')!.id;
      lheUnitId = units.find((unit) => unit.code === 'LHE-IMM')!.id;
      const created = await http().post('/api/exercises').set(bearer(instructor)).send(exercise());
      exerciseId = created.body.id;
      const mod = await http()
        .post('/api/modules')
        .set(bearer(instructor))
        .send({ title: 'Islamabad only', exerciseIds: [exerciseId], settings });
      moduleId = mod.body.id;
      versionId = (await http().post(`/api/modules/${moduleId}/publish`).set(bearer(instructor))).body.publishedVersion
        .id;
    });

    it('gives an instructor’s exercise and module their unit', async () => {
      expect((await http().get(`/api/exercises/${exerciseId}`).set(bearer(instructor))).body.unitId).toBe(isbUnitId);
      expect((await http().get(`/api/modules/${moduleId}`).set(bearer(instructor))).body.unitId).toBe(isbUnitId);
    });

    it('another unit’s instructor gets 404 reading, changing or listing the exercise (its truth stays hidden)', async () => {
      expect((await http().get(`/api/exercises/${exerciseId}`).set(bearer(instructor2))).status).toBe(404);
      const put = await http().put(`/api/exercises/${exerciseId}`).set(bearer(instructor2)).send(exercise());
      expect(put.status).toBe(404);
      const bank = (await http().get('/api/exercises?limit=200').set(bearer(instructor2))).body.items as Array<{
        id: string;
      }>;
      expect(bank.map((item) => item.id)).not.toContain(exerciseId);
    });

    it('another unit’s instructor gets 404 reading, changing, publishing or assigning the module', async () => {
      expect((await http().get(`/api/modules/${moduleId}`).set(bearer(instructor2))).status).toBe(404);
      const put = await http()
        .put(`/api/modules/${moduleId}`)
        .set(bearer(instructor2))
        .send({ title: 'Taken over', exerciseIds: [exerciseId], settings });
      expect(put.status).toBe(404);
      expect((await http().post(`/api/modules/${moduleId}/publish`).set(bearer(instructor2))).status).toBe(404);
      const lahore = ((await http().get('/api/cohorts').set(bearer(instructor2))).body as Array<{ id: string }>)[0];
      const assign = await http()
        .post('/api/assignments')
        .set(bearer(instructor2))
        .send({ moduleVersionId: versionId, cohortId: lahore.id, opensAt: new Date().toISOString() });
      expect(assign.status).toBe(404);
      const listed = (await http().get('/api/modules').set(bearer(instructor2))).body as Array<{ id: string }>;
      expect(listed.map((mod) => mod.id)).not.toContain(moduleId);
      // Nothing changed.
      const after = await http().get(`/api/modules/${moduleId}`).set(bearer(instructor));
      expect(after.body).toMatchObject({ title: 'Islamabad only', publishedVersion: { version: 1 } });
    });

    it('the unit’s supervisor reads them; another unit’s pool cannot take the exercise', async () => {
      expect((await http().get(`/api/exercises/${exerciseId}`).set(bearer(supervisor))).status).toBe(200);
      expect((await http().get(`/api/modules/${moduleId}`).set(bearer(supervisor))).status).toBe(200);
      const theirs = await http()
        .post('/api/modules')
        .set(bearer(instructor2))
        .send({ title: 'Borrowed pool', exerciseIds: [exerciseId], settings });
      expect(theirs.status).toBe(400);
    });

    it('an admin sees every unit’s, names the unit of what they create, and keeps a module to its unit', async () => {
      expect((await http().get(`/api/exercises/${exerciseId}`).set(bearer(admin))).status).toBe(200);
      const noUnit = await http().post('/api/exercises').set(bearer(admin)).send(exercise());
      expect(noUnit.status).toBe(400);
      expect(noUnit.body.message).toMatch(/which unit/);
      const lahoreExercise = await http()
        .post('/api/exercises')
        .set(bearer(admin))
        .send(exercise({ unitId: lheUnitId }));
      expect(lahoreExercise.status).toBe(201);
      expect((await http().get(`/api/exercises/${lahoreExercise.body.id}`).set(bearer(instructor2))).status).toBe(200);
      const mixed = await http()
        .post('/api/modules')
        .set(bearer(admin))
        .send({ title: 'Mixed pool', exerciseIds: [exerciseId, lahoreExercise.body.id], settings });
      expect(mixed.status).toBe(400);
      const lahoreModule = await http()
        .post('/api/modules')
        .set(bearer(admin))
        .send({ title: 'Lahore pool', exerciseIds: [lahoreExercise.body.id], settings });
      expect(lahoreModule.status).toBe(201);
      expect(lahoreModule.body.unitId).toBe(lheUnitId);
      // An Islamabad module is not assigned to a Lahore cohort, not even by an admin.
      const lahore = ((await http().get('/api/cohorts').set(bearer(instructor2))).body as Array<{ id: string }>)[0];
      const crossed = await http()
        .post('/api/assignments')
        .set(bearer(admin))
        .send({ moduleVersionId: versionId, cohortId: lahore.id, opensAt: new Date().toISOString() });
      expect(crossed.status).toBe(400);
      expect(crossed.body.message).toMatch(/cohorts of its own unit/);
      expect(isbUnitId).not.toBe(lheUnitId);
    });
  });
});

// The exercise library: list filters, use counts, duplicate, retire and restore (a retired exercise leaves the pool
// pickers and cannot join a new module version), on real PostgreSQL with images through the real media pipeline.
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

const NO_ID = '00000000-0000-4000-8000-000000000000';

describe('exercise library', () => {
  let app: NestExpressApplication;
  let db: DataSource;
  let instructor: string;
  let otherUnit: string;
  let supervisor: string;
  let trainee: string;
  let asset: string;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'firstline-library-img-'));
  const http = () => request(app.getHttpServer());

  const exercise = (over: Record<string, unknown> = {}) => ({
    title: 'LIB UTO TD3 — data alteration',
    issuingState: 'UTO',
    documentType: 'TD3',
    difficulty: 3,
    tags: ['library-test'],
    parts: { locate: { maxPoints: 3 }, fraudType: true, features: false, mrz: false },
    images: [{ side: 'data-page', light: 'visible', frame: 1, assetId: asset }],
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
          ],
          features: ['viz-data'],
          lights: ['visible'],
        },
      ],
      explanation: 'The date of birth was retyped.',
    },
    ...over,
  });
  const genuine = (title: string, over: Record<string, unknown> = {}) =>
    exercise({
      title,
      truth: { verdict: 'genuine', fraudType: 'genuine', regions: [], explanation: 'Nothing wrong.' },
      ...over,
    });
  const create = async (body: Record<string, unknown>) => {
    const res = await http().post('/api/exercises').set(bearer(instructor)).send(body);
    expect(res.status).toBe(201);
    return res.body as { id: string; versionId: string; title: string };
  };
  const listed = async (query: string, token = instructor) => {
    const res = await http().get(`/api/exercises?limit=200&${query}`).set(bearer(token));
    expect(res.status).toBe(200);
    return res.body.items as Array<{ id: string; title: string; useCount: number; retiredAt: string | null }>;
  };
  const moduleInput = (exerciseIds: string[]) => ({
    title: `Library module ${exerciseIds.length}`,
    exerciseIds,
    settings: {
      mode: 'assessment',
      feedback: 'after-finish',
      timePerItemSeconds: 30,
      drawCount: null,
      minGenuineShare: 0,
      passMark: 50,
      attemptsAllowed: 1,
    },
  });
  const audited = async (action: string, entityId: string) =>
    (
      await db.query('SELECT count(*)::int AS n FROM audit_log WHERE action = $1 AND entity_id = $2', [
        action,
        entityId,
      ])
    )[0].n as number;

  beforeAll(async () => {
    app = await testApp();
    db = app.get(DataSource);
    const media = app.get(MediaService);
    const file = path.join(tmp, 'page.png');
    await sharp({ create: { width: 640, height: 450, channels: 3, background: '#e8e2d0' } })
      .png()
      .toFile(file);
    asset = (await media.ingestFile(file, { createdBy: null, group: 'library-test:data-page' })).id;
    await media.waitForIdle();
    instructor = await signIn(app, 'instructor1');
    otherUnit = await signIn(app, 'instructor2');
    supervisor = await signIn(app, 'supervisor1');
    trainee = await signIn(app, 'trainee03');
  });
  afterAll(async () => {
    await app.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('filters the list by state, document type, fraud type, difficulty, tag and search', async () => {
    const forged = await create(exercise({ title: 'LIB filter forged', tags: ['lib-a'] }));
    const td1 = await create(
      genuine('LIB filter genuine TD1', { documentType: 'TD1', difficulty: 5, tags: ['lib-b'], issuingState: 'XXA' }),
    );
    const ids = async (query: string) => (await listed(query)).map((item) => item.id);
    expect(await ids('q=LIB%20filter&issuingState=xxa')).toEqual([td1.id]);
    expect(await ids('q=LIB%20filter&documentType=TD1')).toEqual([td1.id]);
    expect(await ids('q=LIB%20filter&fraudType=forged:data-alteration')).toEqual([forged.id]);
    expect(await ids('q=LIB%20filter&difficulty=5')).toEqual([td1.id]);
    expect(await ids('tag=lib-a')).toEqual([forged.id]);
    expect(await ids('tag=lib')).toEqual([]); // a tag matches whole, not in part
    expect((await ids('q=LIB%20filter')).sort()).toEqual([forged.id, td1.id].sort());
  });

  it('answers 400 in words for a filter it cannot read', async () => {
    for (const query of ['difficulty=9', 'issuingState=TOOLONG', 'includeRetired=yes', 'fraudType=forged']) {
      const res = await http().get(`/api/exercises?${query}`).set(bearer(instructor));
      expect(res.status).toBe(400);
      expect(typeof res.body.message).toBe('string');
    }
  });

  it('counts the modules that use an exercise and names them in its view', async () => {
    const used = await create(exercise({ title: 'LIB used twice' }));
    const other = await create(genuine('LIB used partner'));
    expect((await listed('q=LIB%20used%20twice'))[0].useCount).toBe(0);
    const a = await http()
      .post('/api/modules')
      .set(bearer(instructor))
      .send(moduleInput([used.id, other.id]));
    expect(a.status).toBe(201);
    await http().post(`/api/modules/${a.body.id}/publish`).set(bearer(instructor)).expect(200);
    // The published module's draft drops it: still used through the published version.
    await http()
      .put(`/api/modules/${a.body.id}`)
      .set(bearer(instructor))
      .send({ ...moduleInput([other.id]), title: 'LIB module A' })
      .expect(200);
    const b = await http()
      .post('/api/modules')
      .set(bearer(instructor))
      .send({ ...moduleInput([used.id]), title: 'LIB module B' });
    expect(b.status).toBe(201);
    expect((await listed('q=LIB%20used%20twice'))[0].useCount).toBe(2);
    const view = await http().get(`/api/exercises/${used.id}`).set(bearer(instructor)).expect(200);
    expect(view.body.modules).toEqual([
      { id: a.body.id, title: 'LIB module A' },
      { id: b.body.id, title: 'LIB module B' },
    ]);
  });

  it('filters by use: in a module (a draft pool or only a published version), or in none', async () => {
    const drafted = await create(exercise({ title: 'LIB by-use drafted' }));
    const published = await create(genuine('LIB by-use published'));
    await create(exercise({ title: 'LIB by-use unused' }));
    const titles = async (use: string) => (await listed(`q=by-use&use=${use}`)).map((e) => e.title).sort();
    expect(await titles('unused')).toEqual(['LIB by-use drafted', 'LIB by-use published', 'LIB by-use unused']);
    const mod = await http()
      .post('/api/modules')
      .set(bearer(instructor))
      .send({ ...moduleInput([drafted.id, published.id]), title: 'LIB by-use module' });
    expect(mod.status).toBe(201);
    await http().post(`/api/modules/${mod.body.id}/publish`).set(bearer(instructor)).expect(200);
    // The draft drops one: it stays in use through the published version only.
    await http()
      .put(`/api/modules/${mod.body.id}`)
      .set(bearer(instructor))
      .send({ ...moduleInput([drafted.id]), title: 'LIB by-use module' })
      .expect(200);
    expect(await titles('in-modules')).toEqual(['LIB by-use drafted', 'LIB by-use published']);
    expect(await titles('unused')).toEqual(['LIB by-use unused']);
    expect((await http().get('/api/exercises?use=sometimes').set(bearer(instructor))).status).toBe(400);
  });

  it('duplicates the current version as a new exercise titled "… (copy)", audited', async () => {
    const source = await create(exercise({ title: 'LIB original' }));
    const res = await http().post(`/api/exercises/${source.id}/duplicate`).set(bearer(instructor));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      title: 'LIB original (copy)',
      version: 1,
      useCount: 0,
      retiredAt: null,
      modules: [],
      truth: exercise().truth,
    });
    expect(res.body.id).not.toBe(source.id);
    expect(await audited('exercise.duplicate', res.body.id)).toBe(1);
    const long = await create(exercise({ title: 'L'.repeat(160) }));
    const copy = await http().post(`/api/exercises/${long.id}/duplicate`).set(bearer(instructor)).expect(201);
    expect(copy.body.title).toHaveLength(160);
    expect(copy.body.title.endsWith(' (copy)')).toBe(true);
  });

  it('refuses duplicate, retire and restore to those who may not change the exercise', async () => {
    const source = await create(exercise({ title: 'LIB guarded' }));
    for (const action of ['duplicate', 'retire', 'restore']) {
      expect((await http().post(`/api/exercises/${source.id}/${action}`).set(bearer(supervisor))).status).toBe(403);
      expect((await http().post(`/api/exercises/${source.id}/${action}`).set(bearer(trainee))).status).toBe(403);
      // Another unit's exercise does not exist for its instructors.
      expect((await http().post(`/api/exercises/${source.id}/${action}`).set(bearer(otherUnit))).status).toBe(404);
      expect((await http().post(`/api/exercises/${NO_ID}/${action}`).set(bearer(instructor))).status).toBe(404);
      expect((await http().post(`/api/exercises/not-an-id/${action}`).set(bearer(instructor))).status).toBe(400);
    }
  });

  it('retires: hidden from the list by default, listed with includeRetired, kept with its history; restore undoes it', async () => {
    const ex = await create(exercise({ title: 'LIB retiring' }));
    const retired = await http().post(`/api/exercises/${ex.id}/retire`).set(bearer(instructor));
    expect(retired.status).toBe(200);
    expect(retired.body.retiredAt).toEqual(expect.any(String));
    expect(await listed('q=LIB%20retiring')).toEqual([]);
    expect((await listed('q=LIB%20retiring&includeRetired=true')).map((i) => i.id)).toEqual([ex.id]);
    // Still readable by id, with its truth.
    const read = await http().get(`/api/exercises/${ex.id}`).set(bearer(instructor)).expect(200);
    expect(read.body.retiredAt).toBe(retired.body.retiredAt);
    const again = await http().post(`/api/exercises/${ex.id}/retire`).set(bearer(instructor));
    expect(again.status).toBe(409);
    expect(again.body.message).toMatch(/already retired/);
    expect(await audited('exercise.retire', ex.id)).toBe(1);

    const restored = await http().post(`/api/exercises/${ex.id}/restore`).set(bearer(instructor));
    expect(restored.status).toBe(200);
    expect(restored.body.retiredAt).toBeNull();
    expect((await listed('q=LIB%20retiring')).map((i) => i.id)).toEqual([ex.id]);
    const notRetired = await http().post(`/api/exercises/${ex.id}/restore`).set(bearer(instructor));
    expect(notRetired.status).toBe(409);
    expect(notRetired.body.message).toMatch(/not retired/);
    expect(await audited('exercise.restore', ex.id)).toBe(1);
  });

  it('a retired exercise cannot be added to a module nor published in a new module version', async () => {
    const keep = await create(genuine('LIB pool keep'));
    const old = await create(exercise({ title: 'LIB pool old' }));
    const mod = await http()
      .post('/api/modules')
      .set(bearer(instructor))
      .send(moduleInput([keep.id, old.id]));
    expect(mod.status).toBe(201);
    await http().post(`/api/modules/${mod.body.id}/publish`).set(bearer(instructor)).expect(200);
    await http().post(`/api/exercises/${old.id}/retire`).set(bearer(instructor)).expect(200);

    const added = await http()
      .post('/api/modules')
      .set(bearer(instructor))
      .send(moduleInput([keep.id, old.id]));
    expect(added.status).toBe(409);
    expect(added.body.message).toMatch(/Retired exercises cannot be added to a module/);
    // Already in the draft: the draft can still be edited, but not published with it.
    await http()
      .put(`/api/modules/${mod.body.id}`)
      .set(bearer(instructor))
      .send({ ...moduleInput([keep.id, old.id]), title: 'LIB pool renamed' })
      .expect(200);
    const publish = await http().post(`/api/modules/${mod.body.id}/publish`).set(bearer(instructor));
    expect(publish.status).toBe(409);
    expect(publish.body.message).toMatch(/retired exercises/);
    // The published version keeps it (history), so it still counts as used.
    expect((await listed('q=LIB%20pool%20old&includeRetired=true'))[0].useCount).toBe(1);
    await http()
      .put(`/api/modules/${mod.body.id}`)
      .set(bearer(instructor))
      .send(moduleInput([keep.id]))
      .expect(200);
    await http().post(`/api/modules/${mod.body.id}/publish`).set(bearer(instructor)).expect(200);
  });
});

// Uploads not tied to a specimen (POST /api/media/uploads): photographs of a seized forgery made into an exercise.
// The same checks and progress as specimen uploads; the uploader owns them, and an instructor of another unit cannot
// put them into an exercise.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import sharp from 'sharp';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AppConfig, APP_CONFIG } from '../src/config/config';
import { MediaService } from '../src/media';
import { bearer, listFiles, signIn, testApp } from './utils';

jest.setTimeout(120_000);

const photo = (width: number, height: number, background = '#c9c1a8') =>
  sharp({ create: { width, height, channels: 3, background } })
    .jpeg()
    .toBuffer();

describe('uploading photographs for an exercise', () => {
  let app: NestExpressApplication;
  let db: DataSource;
  let media: MediaService;
  let mediaDir: string;
  const tokens: Record<string, string> = {};
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    app = await testApp({ MEDIA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'firstline-uploads-')) });
    db = app.get(DataSource);
    media = app.get(MediaService);
    mediaDir = app.get<AppConfig>(APP_CONFIG).MEDIA_DIR;
    for (const u of ['instructor1', 'instructor2', 'supervisor1', 'admin', 'trainee01'])
      tokens[u] = await signIn(app, u);
  });
  afterAll(() => app.close());

  const upload = async (
    fields: Record<string, string>,
    file: Buffer | Promise<Buffer> = photo(320, 220),
    who = 'instructor1',
    filename = 'p.jpg',
  ) => {
    let req = http().post('/api/media/uploads').set(bearer(tokens[who]));
    for (const [k, v] of Object.entries(fields)) req = req.field(k, v);
    return req.attach('file', await file, { filename, contentType: 'image/jpeg' });
  };

  const exercise = (images: Array<{ side: string; light: string; assetId: string }>) => ({
    title: 'UTO TD3 — seized forgery, photo substitution',
    issuingState: 'UTO',
    documentType: 'TD3',
    parts: { locate: { maxPoints: 3 }, fraudType: true, features: true, mrz: false },
    images: images.map((i) => ({ ...i, frame: 1 })),
    featureOptions: ['portrait', 'laminate'],
    truth: {
      verdict: 'fraudulent',
      fraudType: 'forged:photo-substitution',
      regions: [],
      explanation: 'Seized at the desk: the portrait was replaced under a new laminate.',
    },
  });

  describe('an accepted upload', () => {
    let visible: request.Response;
    let uv: request.Response;
    beforeAll(async () => {
      visible = await upload({ side: 'data-page', light: 'visible', group: 'seized-1' }, photo(400, 280));
      uv = await upload({ side: 'data-page', light: 'uv365', group: 'seized-1' }, photo(404, 282, '#202050'));
    });

    it('answers 202 at once with the queued asset, owned by the uploader and audited', async () => {
      expect(visible.status).toBe(202);
      expect(visible.body).toMatchObject({ status: 'queued', progress: 0, urls: null });
      const [row] = await db.query('SELECT created_by FROM media_assets WHERE id = $1', [visible.body.id]);
      const [me] = await db.query(`SELECT id FROM users WHERE username = 'instructor1'`);
      expect(row.created_by).toBe(me.id);
      const audit = await db.query(`SELECT action FROM audit_log WHERE entity_id = $1`, [visible.body.id]);
      expect(audit.map((a: { action: string }) => a.action)).toEqual(['media.upload']);
    });

    it('GET /media/:id follows it to ready, and the lights of one side come out the same size', async () => {
      await media.waitForIdle();
      const a = await http().get(`/api/media/${visible.body.id}`).set(bearer(tokens.instructor1)).expect(200);
      const b = await http().get(`/api/media/${uv.body.id}`).set(bearer(tokens.instructor1)).expect(200);
      expect(a.body).toMatchObject({ status: 'ready', progress: 100 });
      expect(a.body.urls.dzi).toMatch(/^\/api\/media\/s\//);
      expect(b.body.status).toBe('ready');
      expect([b.body.width, b.body.height]).toEqual([a.body.width, a.body.height]);
    });

    it('an exercise can be made of them (regions drawn later)', async () => {
      const res = await http()
        .post('/api/exercises')
        .set(bearer(tokens.instructor1))
        .send(
          exercise([
            { side: 'data-page', light: 'visible', assetId: visible.body.id },
            { side: 'data-page', light: 'uv365', assetId: uv.body.id },
          ]),
        );
      expect(res.status).toBe(201);
      expect(res.body.images.map((i: { assetId: string }) => i.assetId)).toEqual([visible.body.id, uv.body.id]);
    });

    it('another unit’s instructor cannot use them, even once an exercise shows them (400, as unknown)', async () => {
      const res = await http()
        .post('/api/exercises')
        .set(bearer(tokens.instructor2))
        .send(exercise([{ side: 'data-page', light: 'visible', assetId: visible.body.id }]));
      expect(res.status).toBe(400);
      expect(res.body.message).toBe(`Unknown media: ${visible.body.id}`);
    });

    it('an upload nothing uses yet is its uploader’s alone: refused to another instructor', async () => {
      const own = await upload({ side: 'data-page', light: 'visible' }, photo(300, 200), 'instructor2');
      expect(own.status).toBe(202);
      const fresh = await upload({ side: 'data-page', light: 'ir' });
      const res = await http()
        .post('/api/exercises')
        .set(bearer(tokens.instructor2))
        .send(
          exercise([
            { side: 'data-page', light: 'visible', assetId: own.body.id },
            { side: 'data-page', light: 'ir', assetId: fresh.body.id },
          ]),
        );
      expect(res.status).toBe(400);
      expect(res.body.message).toBe(`Unknown media: ${fresh.body.id}`);
      // Their own upload alone is fine.
      await http()
        .post('/api/exercises')
        .set(bearer(tokens.instructor2))
        .send(exercise([{ side: 'data-page', light: 'visible', assetId: own.body.id }]))
        .expect(201);
    });

    it('an admin may use any upload (admins see every unit)', async () => {
      const [unit] = await db.query(`SELECT id FROM units WHERE code = 'LHE-IMM'`);
      await http()
        .post('/api/exercises')
        .set(bearer(tokens.admin))
        .send({ ...exercise([{ side: 'data-page', light: 'visible', assetId: visible.body.id }]), unitId: unit.id })
        .expect(201);
    });
  });

  describe('refusals: a clear 4xx and nothing left behind', () => {
    const before = { files: [] as string[], rows: 0 };
    beforeEach(async () => {
      await media.waitForIdle();
      before.files = listFiles(mediaDir).filter((f) => !f.includes(`${path.sep}tmp${path.sep}`));
      [{ n: before.rows }] = await db.query('SELECT count(*)::int AS n FROM media_assets');
    });
    afterEach(async () => {
      const [{ n }] = await db.query('SELECT count(*)::int AS n FROM media_assets');
      expect(n).toBe(before.rows);
      expect(listFiles(mediaDir).filter((f) => !f.includes(`${path.sep}tmp${path.sep}`))).toEqual(before.files);
    });

    it('a PDF named .jpg → 415 in words', async () => {
      const res = await upload(
        { side: 'front' },
        Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'),
      );
      expect(res.status).toBe(415);
      expect(res.body.message).toMatch(/PDF files are not accepted/);
    });

    it('a truncated JPEG → 400 in words', async () => {
      const whole = await photo(640, 480);
      const res = await upload({}, whole.subarray(0, Math.floor(whole.length / 2)));
      expect(res.status).toBe(400);
      expect(res.body.message).toMatch(/truncated or corrupt|damaged/);
    });

    it('an unknown light, or a second frame of a light that has one → 400', async () => {
      const bad = await upload({ light: 'blacklight' });
      expect(bad.status).toBe(400);
      expect(bad.body.message).toMatch(/^Invalid request: light/);
      const frame = await upload({ light: 'visible', frame: '2' });
      expect(frame.status).toBe(400);
      expect(frame.body.message).toBe('Only oblique light has several frames: use frame 1 for other lights');
    });

    it('a group that is not a short plain name → 400', async () => {
      const res = await upload({ group: '../../etc' });
      expect(res.status).toBe(400);
      expect(res.body.message).toMatch(/group is 1–64 letters/);
    });

    it('not multipart → 415', async () => {
      const res = await http().post('/api/media/uploads').set(bearer(tokens.instructor1)).send({ file: 'x' });
      expect(res.status).toBe(415);
    });

    it('supervisors and trainees may not upload (403)', async () => {
      expect((await upload({}, photo(64, 64), 'supervisor1')).status).toBe(403);
      expect((await upload({}, photo(64, 64), 'trainee01')).status).toBe(403);
    });
  });
});

// The specimen library: CRUD with validation, images per side × light, annotations (audited before/after),
// who may do what, and that deleting leaves neither rows nor files behind.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LessonView } from '@firstline/contracts';
import type { NestExpressApplication } from '@nestjs/platform-express';
import sharp from 'sharp';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AppConfig, APP_CONFIG } from '../src/config/config';
import { MediaService } from '../src/media';
import { UrlSigner } from '../src/media/signing';
import { LessonsService } from '../src/specimens';
import { bearer, listFiles, signIn, testApp } from './utils';

const MRZ_FEATURE = {
  name: 'Machine-readable zone',
  kind: 'mrz',
  category: 'machine-readable',
  side: 'data-page',
  lights: ['visible', 'ir'],
  region: [
    [0.02, 0.78],
    [0.98, 0.78],
    [0.98, 0.97],
    [0.02, 0.97],
  ],
  description: 'Two lines of 44 characters; OCR-B; check digits must verify.',
  zoomHint: { center: [0.5, 0.87], zoom: 3 },
};
const GHOST_FEATURE = {
  name: 'Ghost image',
  kind: 'ghost-image',
  category: 'personalisation',
  side: 'data-page',
  lights: ['visible', 'uv365'],
  region: [
    [0.7, 0.2],
    [0.9, 0.2],
    [0.9, 0.5],
    [0.7, 0.5],
  ],
};

describe('specimen library', () => {
  let app: NestExpressApplication;
  let db: DataSource;
  let media: MediaService;
  let mediaDir: string;
  const tokens: Record<string, string> = {};
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    app = await testApp({ MEDIA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'firstline-specimens-')) });
    db = app.get(DataSource);
    media = app.get(MediaService);
    mediaDir = app.get<AppConfig>(APP_CONFIG).MEDIA_DIR;
    for (const u of ['instructor1', 'instructor2', 'supervisor1', 'admin', 'trainee01'])
      tokens[u] = await signIn(app, u);
  });
  afterAll(() => app.close());

  const create = (body: object, who = 'instructor1') =>
    http().post('/api/specimens').set(bearer(tokens[who])).send(body);
  const upload = async (id: string, side: string, light: string, width = 320, height = 220, frame?: number) => {
    let req = http()
      .post(`/api/specimens/${id}/images`)
      .set(bearer(tokens.instructor1))
      .field('side', side)
      .field('light', light);
    if (frame) req = req.field('frame', String(frame));
    return req.attach(
      'file',
      await sharp({ create: { width, height, channels: 3, background: '#c9c1a8' } })
        .jpeg()
        .toBuffer(),
      { filename: 'p.jpg', contentType: 'image/jpeg' },
    );
  };

  describe('creating, changing and listing', () => {
    let id: string;
    let created: request.Response;
    beforeAll(async () => {
      created = await create({
        title: '  Utopia passport 2020  ',
        issuingState: 'uto',
        documentType: 'TD3',
        series: 'B',
        year: 2020,
        description: 'Polycarbonate data page.',
      });
      id = created.body.id;
      await create({ title: 'Utopia identity card 2019', issuingState: 'UTO', documentType: 'TD1' }).expect(201);
      await create({ title: 'Arcadia visa', issuingState: 'ARC', documentType: 'MRV-A' }).expect(201);
    });

    it('creates a specimen with its fields normalised and nothing attached', () => {
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        title: 'Utopia passport 2020',
        issuingState: 'UTO',
        documentType: 'TD3',
        series: 'B',
        year: 2020,
        imageCount: 0,
        featureCount: 0,
        thumbnail: null,
        images: [],
        features: [],
      });
    });

    it('a change touches only what was sent, and is audited with before and after', async () => {
      const patched = await http()
        .patch(`/api/specimens/${id}`)
        .set(bearer(tokens.instructor1))
        .send({ series: 'C', year: null });
      expect(patched.status).toBe(200);
      expect(patched.body).toMatchObject({
        series: 'C',
        year: null,
        title: 'Utopia passport 2020',
        description: 'Polycarbonate data page.',
      }); // only what was sent changes
      const audit = await http()
        .get(`/api/audit?entityType=specimen&entityId=${id}`)
        .set(bearer(tokens.admin))
        .expect(200);
      expect(audit.body.items[0]).toMatchObject({
        action: 'specimen.update',
        before: { series: 'B', year: 2020 },
        after: { series: 'C', year: null },
      });
    });

    // Other suites may have put specimens in the shared test database (the demo library): assert on what this one made.
    it('filters by document type', async () => {
      const byType = await http().get('/api/specimens?documentType=TD1').set(bearer(tokens.supervisor1)).expect(200);
      expect(byType.body.items.map((s: { title: string }) => s.title)).toContain('Utopia identity card 2019');
      expect(byType.body.items.every((s: { documentType: string }) => s.documentType === 'TD1')).toBe(true);
    });

    it('filters by issuing state, whatever its case', async () => {
      const byState = await http().get('/api/specimens?issuingState=arc').set(bearer(tokens.admin)).expect(200);
      expect(byState.body.items.map((s: { title: string }) => s.title)).toContain('Arcadia visa');
      expect(byState.body.items.every((s: { issuingState: string }) => s.issuingState === 'ARC')).toBe(true);
    });

    it('combines filters', async () => {
      const byBoth = await http()
        .get('/api/specimens?issuingState=arc&documentType=MRV-A')
        .set(bearer(tokens.admin))
        .expect(200);
      expect(byBoth.body.items.map((s: { title: string }) => s.title)).toEqual(['Arcadia visa']);
    });

    it('finds text in the description', async () => {
      const byText = await http().get('/api/specimens?q=polycarbonate').set(bearer(tokens.instructor2)).expect(200);
      expect(byText.body.items.map((s: { id: string }) => s.id)).toEqual([id]);
    });

    it('pages', async () => {
      const page = await http().get('/api/specimens?limit=1&offset=1').set(bearer(tokens.instructor1)).expect(200);
      expect(page.body).toMatchObject({ limit: 1, offset: 1, items: [expect.any(Object)] });
      expect(page.body.total).toBeGreaterThanOrEqual(3);
    });

    it('matches % literally, not as a wildcard', async () => {
      const wildcard = await http().get('/api/specimens?q=%25').set(bearer(tokens.instructor1)).expect(200);
      expect(wildcard.body.items).toEqual([]);
    });
  });

  it.each([
    [{ title: '', issuingState: 'UTO', documentType: 'TD3' }, /title/],
    [{ title: 'X', issuingState: 'UTOPIA', documentType: 'TD3' }, /three-letter ICAO code/],
    [{ title: 'X', issuingState: 'UTO', documentType: 'TD4' }, /documentType/],
    [{ title: 'X', issuingState: 'UTO', documentType: 'TD3', year: 1800 }, /year/],
    [{ title: 'X', issuingState: 'UTO', documentType: 'TD3', colour: 'red' }, /colour|Unrecognized/i],
  ])('refuses an invalid specimen %j', async (body, message) => {
    const res = await create(body);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toMatch(message);
  });

  describe('who may do what', () => {
    let id: string;
    beforeAll(async () => {
      id = (await create({ title: 'Access test', issuingState: 'UTO', documentType: 'TD3' })).body.id;
    });

    it('trainees have no access to the library', async () => {
      expect((await http().get('/api/specimens').set(bearer(tokens.trainee01))).status).toBe(403);
      expect((await http().get(`/api/specimens/${id}`).set(bearer(tokens.trainee01))).status).toBe(403);
    });

    it('supervisors read', async () => {
      expect((await http().get(`/api/specimens/${id}`).set(bearer(tokens.supervisor1))).status).toBe(200);
    });

    it('supervisors do not write', async () => {
      expect(
        (await http().patch(`/api/specimens/${id}`).set(bearer(tokens.supervisor1)).send({ series: 'Z' })).status,
      ).toBe(403);
      expect(
        (await http().put(`/api/specimens/${id}/features`).set(bearer(tokens.supervisor1)).send({ features: [] }))
          .status,
      ).toBe(403);
    });

    it('an unknown specimen → 404', async () => {
      expect(
        (await http().get(`/api/specimens/00000000-0000-4000-8000-000000000000`).set(bearer(tokens.admin))).status,
      ).toBe(404);
    });
  });

  describe('annotations', () => {
    let id: string;
    let first: request.Response;
    let second: request.Response;
    beforeAll(async () => {
      id = (await create({ title: 'Annotated', issuingState: 'UTO', documentType: 'TD3' })).body.id;
      first = await http()
        .put(`/api/specimens/${id}/features`)
        .set(bearer(tokens.instructor1))
        .send({ features: [MRZ_FEATURE] });
      second = await http()
        .put(`/api/specimens/${id}/features`)
        .set(bearer(tokens.admin))
        .send({ features: [GHOST_FEATURE, MRZ_FEATURE] });
    });

    it('replacing returns the specimen with the features as sent', () => {
      expect(first.status).toBe(200);
      expect(first.body.features).toEqual([{ ...MRZ_FEATURE, id: expect.any(String) }]);
      expect(first.body.featureCount).toBe(1);
    });

    it('keeps the order sent and fills in defaults', () => {
      expect(second.status).toBe(200);
      expect(
        second.body.features.map((f: { name: string; description: string; zoomHint: unknown }) => [
          f.name,
          f.description,
          f.zoomHint,
        ]),
      ).toEqual([
        ['Ghost image', '', null],
        ['Machine-readable zone', MRZ_FEATURE.description, MRZ_FEATURE.zoomHint],
      ]);
    });

    it('audits every replacement with the full before and after', async () => {
      const audit = await http()
        .get(`/api/audit?entityType=specimen&entityId=${id}`)
        .set(bearer(tokens.admin))
        .expect(200);
      const changes = audit.body.items.filter((e: { action: string }) => e.action === 'specimen.features.replace');
      expect(changes).toHaveLength(2);
      const [latest, earlier] = changes; // newest first
      expect(earlier).toMatchObject({
        actorName: expect.any(String),
        before: [],
        after: [expect.objectContaining({ name: 'Machine-readable zone', region: MRZ_FEATURE.region })],
      });
      expect(latest.before).toEqual(earlier.after);
      expect(latest.after.map((f: { name: string }) => f.name)).toEqual(['Ghost image', 'Machine-readable zone']);
      expect(latest.at).toEqual(expect.any(String));
    });

    it.each<[string, object, RegExp]>([
      [
        'a kind under another category',
        { ...MRZ_FEATURE, category: 'substrate' },
        /"mrz" belongs to category "machine-readable"/,
      ],
      [
        'a region outside the image',
        {
          ...MRZ_FEATURE,
          region: [
            [0, 0],
            [1.2, 0],
            [1, 1],
          ],
        },
        /region/,
      ],
      [
        'a region of two points',
        {
          ...MRZ_FEATURE,
          region: [
            [0, 0],
            [1, 1],
          ],
        },
        /region/,
      ],
      ['no lights', { ...MRZ_FEATURE, lights: [] }, /lights/],
      ['a light listed twice', { ...MRZ_FEATURE, lights: ['visible', 'visible'] }, /a light is listed twice/],
      ['an unknown light', { ...MRZ_FEATURE, lights: ['sunlight'] }, /lights/],
      ['a zoom out of range', { ...MRZ_FEATURE, zoomHint: { center: [0.5, 0.5], zoom: 100 } }, /zoom/],
      ['an unknown kind', { ...MRZ_FEATURE, kind: 'hologram-sticker' }, /kind/],
    ])('refuses %s → 400', async (_name, feature, message) => {
      const res = await http()
        .put(`/api/specimens/${id}/features`)
        .set(bearer(tokens.instructor1))
        .send({ features: [feature] });
      expect({
        status: res.status,
        body: `${res.body.message} ${JSON.stringify(res.body.details?.issues ?? '')}`,
      }).toEqual({ status: 400, body: expect.stringMatching(message) });
    });

    it('refused requests changed nothing and audited nothing', async () => {
      const after = await http().get(`/api/specimens/${id}`).set(bearer(tokens.instructor1)).expect(200);
      expect(after.body.features).toHaveLength(2);
      const audited = await http()
        .get(`/api/audit?entityType=specimen&entityId=${id}`)
        .set(bearer(tokens.admin))
        .expect(200);
      expect(
        audited.body.items.filter((e: { action: string }) => e.action === 'specimen.features.replace'),
      ).toHaveLength(2);
    });
  });

  describe('images per side × light', () => {
    let id: string;
    let visible: request.Response;
    let accepted: number[];
    let taken: request.Response;
    let view: request.Response;
    beforeAll(async () => {
      id = (await create({ title: 'Photographed', issuingState: 'UTO', documentType: 'TD3' })).body.id;
      visible = await upload(id, 'data-page', 'visible');
      accepted = [
        (await upload(id, 'data-page', 'oblique', 320, 220, 1)).status,
        (await upload(id, 'data-page', 'oblique', 320, 220, 2)).status,
        (await upload(id, 'data-page', 'uv365')).status,
      ];
      taken = await upload(id, 'data-page', 'visible');
      await media.waitForIdle();
      view = await http().get(`/api/specimens/${id}`).set(bearer(tokens.supervisor1)).expect(200);
    });

    it('accepts an upload at once (202), queued, without URLs yet', () => {
      expect(visible.status).toBe(202);
      expect(visible.body).toMatchObject({
        side: 'data-page',
        light: 'visible',
        frame: 1,
        asset: { status: expect.stringMatching(/queued|processing/), urls: null },
      });
    });

    it('holds several oblique frames and other lights of the same side', () => {
      expect(accepted).toEqual([202, 202, 202]);
    });

    it('refuses a taken slot → 409', () => {
      expect(taken.status).toBe(409);
      expect(taken.body.message).toMatch(/already has a data-page image under visible light/);
    });

    it('lists images by light then frame, ready, with signed URLs that do not name the specimen', () => {
      expect(view.body.images.map((i: { light: string; frame: number }) => `${i.light}:${i.frame}`)).toEqual([
        'visible:1',
        'oblique:1',
        'oblique:2',
        'uv365:1',
      ]);
      for (const image of view.body.images) {
        expect(image.asset).toMatchObject({ status: 'ready', width: 320, height: 220, progress: 100 });
        expect(image.asset.urls.dzi).toMatch(/^\/api\/media\/s\/[\w-]+\/image\.dzi$/);
        expect(image.asset.urls.dzi).not.toContain(id); // nothing in a URL names the specimen
      }
    });

    it('the thumbnail is the visible data page, and it is served', async () => {
      expect(view.body.thumbnail).toBe(view.body.images[0].asset.urls.variants['640.webp']);
      expect((await http().get(view.body.thumbnail)).status).toBe(200);
    });

    it('the list shows the image count and the thumbnail', async () => {
      const list = await http().get('/api/specimens?q=Photographed').set(bearer(tokens.instructor1)).expect(200);
      expect(list.body.items[0]).toMatchObject({ imageCount: 4, thumbnail: expect.stringMatching(/640\.webp$/) });
    });
  });

  // These run in order: the image goes first, then the specimen.
  describe('deleting an image or a specimen removes rows and files, and is audited', () => {
    let id: string;
    let front: { id: string; asset: { id: string } };
    let back: { id: string; asset: { id: string } };
    let frontDir: string;
    let backDir: string;
    const storageOf = async (assetId: string) =>
      (await db.query(`SELECT storage_id FROM media_assets WHERE id = $1`, [assetId]))[0]?.storage_id as
        string | undefined;
    const dirOf = (sid: string) => path.join(mediaDir, 'objects', sid.slice(0, 2), sid);
    beforeAll(async () => {
      id = (await create({ title: 'Short-lived', issuingState: 'UTO', documentType: 'TD1' })).body.id;
      front = (await upload(id, 'front', 'visible')).body;
      back = (await upload(id, 'back', 'visible')).body;
      await media.waitForIdle();
      await http()
        .put(`/api/specimens/${id}/features`)
        .set(bearer(tokens.instructor1))
        .send({ features: [{ ...GHOST_FEATURE, side: 'front' }] })
        .expect(200);
      frontDir = dirOf((await storageOf(front.asset.id))!);
      backDir = dirOf((await storageOf(back.asset.id))!);
    });

    it('an image has its files before', () => {
      expect(listFiles(frontDir).length).toBeGreaterThan(9);
    });

    it('deleting an image removes its asset and files', async () => {
      await http().delete(`/api/specimens/${id}/images/${front.id}`).set(bearer(tokens.instructor1)).expect(204);
      expect(await storageOf(front.asset.id)).toBeUndefined();
      expect(listFiles(frontDir)).toEqual([]);
    });

    it('deleting it again → 404', async () => {
      expect(
        (await http().delete(`/api/specimens/${id}/images/${front.id}`).set(bearer(tokens.instructor1))).status,
      ).toBe(404);
    });

    it('deleting the specimen removes it, its images, features, assets and files', async () => {
      await http().delete(`/api/specimens/${id}`).set(bearer(tokens.admin)).expect(204);
      expect((await http().get(`/api/specimens/${id}`).set(bearer(tokens.admin))).status).toBe(404);
      expect(await storageOf(back.asset.id)).toBeUndefined();
      expect(listFiles(backDir)).toEqual([]);
      const [left] = await db.query(
        `SELECT (SELECT count(*)::int FROM specimen_images WHERE specimen_id = $1) AS images, (SELECT count(*)::int FROM specimen_features WHERE specimen_id = $1) AS features`,
        [id],
      );
      expect(left).toEqual({ images: 0, features: 0 });
    });

    it('every step is audited, the deletion with the full specimen before it', async () => {
      const audit = await http()
        .get(`/api/audit?entityType=specimen&entityId=${id}`)
        .set(bearer(tokens.admin))
        .expect(200);
      expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual([
        'specimen.delete',
        'specimen.image.remove',
        'specimen.features.replace',
        'specimen.image.add',
        'specimen.image.add',
        'specimen.create',
      ]);
      expect(audit.body.items[0].before).toMatchObject({
        title: 'Short-lived',
        features: [expect.objectContaining({ name: 'Ghost image' })],
      });
    });
  });

  describe('lessons (the study pages a trainee gets)', () => {
    // What GET /api/assignments/:id/lessons shows, asked of LessonsService directly (the route's own e2e is in
    // attempts).
    const grant = {
      userId: '11111111-1111-4111-8111-111111111111',
      scope: 'assignment:22222222-2222-4222-8222-222222222222',
    };
    let passport: string;
    let card: string;
    let lessons: LessonView[];
    beforeAll(async () => {
      passport = (
        await create({ title: 'Lesson passport', issuingState: 'UTO', documentType: 'TD3', description: 'Study me.' })
      ).body.id;
      card = (await create({ title: 'Lesson card', issuingState: 'ARC', documentType: 'TD1' })).body.id;
      expect((await upload(passport, 'data-page', 'uv365')).status).toBe(202);
      expect((await upload(passport, 'data-page', 'oblique', 320, 220, 2)).status).toBe(202);
      expect((await upload(passport, 'data-page', 'visible')).status).toBe(202);
      expect((await upload(passport, 'data-page', 'oblique', 320, 220, 1)).status).toBe(202);
      expect((await upload(card, 'front', 'visible')).status).toBe(202);
      await media.waitForIdle();
      await http()
        .put(`/api/specimens/${passport}/features`)
        .set(bearer(tokens.instructor1))
        .send({ features: [MRZ_FEATURE, GHOST_FEATURE] })
        .expect(200);
      lessons = await app.get(LessonsService).lessons([card, '00000000-0000-4000-8000-000000000000', passport], grant);
    });

    it('returns the specimens in the order asked, leaving out unknown ones', () => {
      expect(lessons.map((l) => l.specimenId)).toEqual([card, passport]);
    });

    it("each lesson is a valid LessonView with the specimen's details", () => {
      for (const lesson of lessons) expect(LessonView.parse(lesson)).toEqual(lesson);
      expect(lessons[1]).toMatchObject({
        title: 'Lesson passport',
        issuingState: 'UTO',
        documentType: 'TD3',
        description: 'Study me.',
      });
    });

    it('images are in reading order (light, then frame), each with a visible one', () => {
      expect(lessons[1].images.map((i) => `${i.side}:${i.light}:${i.frame}`)).toEqual([
        'data-page:visible:1',
        'data-page:oblique:1',
        'data-page:oblique:2',
        'data-page:uv365:1',
      ]);
      for (const lesson of lessons) expect(lesson.images.some((i) => i.light === 'visible')).toBe(true);
    });

    it('image URLs are signed for the trainee in the assignment scope, for MEDIA_URL_TTL (900 s)', () => {
      const token = lessons[1].images[0].urls.dzi.split('/')[4];
      const claims = app.get(UrlSigner).verify(token);
      expect({ u: claims.userId, s: claims.scope }).toEqual({ u: grant.userId, s: grant.scope });
      const secondsLeft = claims.exp - Date.now() / 1000;
      expect(secondsLeft).toBeGreaterThan(900 - 5);
      expect(secondsLeft).toBeLessThanOrEqual(900 + 60); // rounded up to the minute
    });

    it('features are ordered by name and carry no zoom hint', () => {
      expect(lessons[1].features.map((f) => f.name)).toEqual(['Ghost image', 'Machine-readable zone']);
      expect(lessons[1].features[1]).toEqual({ ...MRZ_FEATURE, zoomHint: undefined, id: expect.any(String) });
      expect(lessons[1].features.every((f) => !('zoomHint' in f))).toBe(true);
      expect(lessons[0].features).toEqual([]);
    });

    it('no specimens, no lessons', async () => {
      expect(await app.get(LessonsService).lessons([], grant)).toEqual([]);
    });
  });
});

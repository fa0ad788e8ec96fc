// The specimen library: CRUD with validation, images per side × light, annotations (audited before/after),
// who may do what, and that deleting leaves neither rows nor files behind.
import type { NestExpressApplication } from '@nestjs/platform-express';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AppConfig, APP_CONFIG } from '../src/config/config';
import { MediaService } from '../src/media/media.service';
import { bearer, signIn, testApp } from './utils';

function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name)).sort();
}

const MRZ_FEATURE = {
  name: 'Machine-readable zone',
  kind: 'mrz',
  category: 'machine-readable',
  side: 'data-page',
  lights: ['visible', 'ir'],
  region: [[0.02, 0.78], [0.98, 0.78], [0.98, 0.97], [0.02, 0.97]],
  description: 'Two lines of 44 characters; OCR-B; check digits must verify.',
  zoomHint: { center: [0.5, 0.87], zoom: 3 },
};
const GHOST_FEATURE = {
  name: 'Ghost image',
  kind: 'ghost-image',
  category: 'personalisation',
  side: 'data-page',
  lights: ['visible', 'uv365'],
  region: [[0.7, 0.2], [0.9, 0.2], [0.9, 0.5], [0.7, 0.5]],
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
    for (const u of ['instructor1', 'instructor2', 'supervisor1', 'admin', 'trainee01']) tokens[u] = await signIn(app, u);
  });
  afterAll(() => app.close());

  const create = (body: object, who = 'instructor1') => http().post('/api/specimens').set(bearer(tokens[who])).send(body);
  const upload = async (id: string, side: string, light: string, width = 320, height = 220, frame?: number) => {
    let req = http().post(`/api/specimens/${id}/images`).set(bearer(tokens.instructor1)).field('side', side).field('light', light);
    if (frame) req = req.field('frame', String(frame));
    return req.attach('file', await sharp({ create: { width, height, channels: 3, background: '#c9c1a8' } }).jpeg().toBuffer(), { filename: 'p.jpg', contentType: 'image/jpeg' });
  };

  it('creates, reads, updates and lists specimens with filters and paging', async () => {
    const res = await create({ title: '  Utopia passport 2020  ', issuingState: 'uto', documentType: 'TD3', series: 'B', year: 2020, description: 'Polycarbonate data page.' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ title: 'Utopia passport 2020', issuingState: 'UTO', documentType: 'TD3', series: 'B', year: 2020, imageCount: 0, featureCount: 0, thumbnail: null, images: [], features: [] });
    const id = res.body.id;
    await create({ title: 'Utopia identity card 2019', issuingState: 'UTO', documentType: 'TD1' }).expect(201);
    await create({ title: 'Arcadia visa', issuingState: 'ARC', documentType: 'MRV-A' }).expect(201);

    const patched = await http().patch(`/api/specimens/${id}`).set(bearer(tokens.instructor1)).send({ series: 'C', year: null });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ series: 'C', year: null, title: 'Utopia passport 2020', description: 'Polycarbonate data page.' }); // only what was sent changes
    const audit = await http().get(`/api/audit?entityType=specimen&entityId=${id}`).set(bearer(tokens.admin)).expect(200);
    expect(audit.body.items[0]).toMatchObject({ action: 'specimen.update', before: { series: 'B', year: 2020 }, after: { series: 'C', year: null } });

    const byType = await http().get('/api/specimens?documentType=TD1').set(bearer(tokens.supervisor1)).expect(200);
    expect(byType.body.items.map((s: { title: string }) => s.title)).toContain('Utopia identity card 2019');
    expect(byType.body.items.every((s: { documentType: string }) => s.documentType === 'TD1')).toBe(true);
    // Other suites may have put specimens in the shared test database (the demo library): assert on what this one made.
    const byState = await http().get('/api/specimens?issuingState=arc').set(bearer(tokens.admin)).expect(200);
    expect(byState.body.items.map((s: { title: string }) => s.title)).toContain('Arcadia visa');
    expect(byState.body.items.every((s: { issuingState: string }) => s.issuingState === 'ARC')).toBe(true);
    const byBoth = await http().get('/api/specimens?issuingState=arc&documentType=MRV-A').set(bearer(tokens.admin)).expect(200);
    expect(byBoth.body.items.map((s: { title: string }) => s.title)).toEqual(['Arcadia visa']);
    const byText = await http().get('/api/specimens?q=polycarbonate').set(bearer(tokens.instructor2)).expect(200);
    expect(byText.body.items.map((s: { id: string }) => s.id)).toEqual([id]);
    const page = await http().get('/api/specimens?limit=1&offset=1').set(bearer(tokens.instructor1)).expect(200);
    expect(page.body).toMatchObject({ limit: 1, offset: 1, items: [expect.any(Object)] });
    expect(page.body.total).toBeGreaterThanOrEqual(3);
    const wildcard = await http().get('/api/specimens?q=%25').set(bearer(tokens.instructor1)).expect(200);
    expect(wildcard.body.items).toEqual([]); // % is matched literally, not as a wildcard
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

  it('trainees have no access to the library; supervisors read but do not write', async () => {
    const id = (await create({ title: 'Access test', issuingState: 'UTO', documentType: 'TD3' })).body.id;
    expect((await http().get('/api/specimens').set(bearer(tokens.trainee01))).status).toBe(403);
    expect((await http().get(`/api/specimens/${id}`).set(bearer(tokens.trainee01))).status).toBe(403);
    expect((await http().get(`/api/specimens/${id}`).set(bearer(tokens.supervisor1))).status).toBe(200);
    expect((await http().patch(`/api/specimens/${id}`).set(bearer(tokens.supervisor1)).send({ series: 'Z' })).status).toBe(403);
    expect((await http().put(`/api/specimens/${id}/features`).set(bearer(tokens.supervisor1)).send({ features: [] })).status).toBe(403);
    expect((await http().get(`/api/specimens/00000000-0000-4000-8000-000000000000`).set(bearer(tokens.admin))).status).toBe(404);
  });

  it('replaces annotations with validation, and audits every change with before and after', async () => {
    const id = (await create({ title: 'Annotated', issuingState: 'UTO', documentType: 'TD3' })).body.id;
    const first = await http().put(`/api/specimens/${id}/features`).set(bearer(tokens.instructor1)).send({ features: [MRZ_FEATURE] });
    expect(first.status).toBe(200);
    expect(first.body.features).toEqual([{ ...MRZ_FEATURE, id: expect.any(String) }]);
    expect(first.body.featureCount).toBe(1);

    const second = await http().put(`/api/specimens/${id}/features`).set(bearer(tokens.admin)).send({ features: [GHOST_FEATURE, MRZ_FEATURE] });
    expect(second.status).toBe(200);
    expect(second.body.features.map((f: { name: string; description: string; zoomHint: unknown }) => [f.name, f.description, f.zoomHint])).toEqual([
      ['Ghost image', '', null],
      ['Machine-readable zone', MRZ_FEATURE.description, MRZ_FEATURE.zoomHint],
    ]);

    const audit = await http().get(`/api/audit?entityType=specimen&entityId=${id}`).set(bearer(tokens.admin)).expect(200);
    const changes = audit.body.items.filter((e: { action: string }) => e.action === 'specimen.features.replace');
    expect(changes).toHaveLength(2);
    const [latest, earlier] = changes; // newest first
    expect(earlier).toMatchObject({ actorName: expect.any(String), before: [], after: [expect.objectContaining({ name: 'Machine-readable zone', region: MRZ_FEATURE.region })] });
    expect(latest.before).toEqual(earlier.after);
    expect(latest.after.map((f: { name: string }) => f.name)).toEqual(['Ghost image', 'Machine-readable zone']);
    expect(latest.at).toEqual(expect.any(String));

    const bad: Array<[object, RegExp]> = [
      [{ ...MRZ_FEATURE, category: 'substrate' }, /"mrz" belongs to category "machine-readable"/],
      [{ ...MRZ_FEATURE, region: [[0, 0], [1.2, 0], [1, 1]] }, /region/],
      [{ ...MRZ_FEATURE, region: [[0, 0], [1, 1]] }, /region/],
      [{ ...MRZ_FEATURE, lights: [] }, /lights/],
      [{ ...MRZ_FEATURE, lights: ['visible', 'visible'] }, /a light is listed twice/],
      [{ ...MRZ_FEATURE, lights: ['sunlight'] }, /lights/],
      [{ ...MRZ_FEATURE, zoomHint: { center: [0.5, 0.5], zoom: 100 } }, /zoom/],
      [{ ...MRZ_FEATURE, kind: 'hologram-sticker' }, /kind/],
    ];
    for (const [feature, message] of bad) {
      const res = await http().put(`/api/specimens/${id}/features`).set(bearer(tokens.instructor1)).send({ features: [feature] });
      expect({ status: res.status, body: `${res.body.message} ${JSON.stringify(res.body.details?.issues ?? '')}` }).toEqual({ status: 400, body: expect.stringMatching(message) });
    }
    const after = await http().get(`/api/specimens/${id}`).set(bearer(tokens.instructor1)).expect(200);
    expect(after.body.features).toHaveLength(2); // refused requests changed nothing
    const audited = await http().get(`/api/audit?entityType=specimen&entityId=${id}`).set(bearer(tokens.admin)).expect(200);
    expect(audited.body.items.filter((e: { action: string }) => e.action === 'specimen.features.replace')).toHaveLength(2);
  });

  it('holds images per side × light (several oblique frames), signs their URLs, and refuses a taken slot', async () => {
    const id = (await create({ title: 'Photographed', issuingState: 'UTO', documentType: 'TD3' })).body.id;
    const visible = await upload(id, 'data-page', 'visible');
    expect(visible.status).toBe(202);
    expect(visible.body).toMatchObject({ side: 'data-page', light: 'visible', frame: 1, asset: { status: expect.stringMatching(/queued|processing/), urls: null } });
    expect((await upload(id, 'data-page', 'oblique', 320, 220, 1)).status).toBe(202);
    expect((await upload(id, 'data-page', 'oblique', 320, 220, 2)).status).toBe(202);
    expect((await upload(id, 'data-page', 'uv365')).status).toBe(202);
    const taken = await upload(id, 'data-page', 'visible');
    expect(taken.status).toBe(409);
    expect(taken.body.message).toMatch(/already has a data-page image under visible light/);
    await media.waitForIdle();

    const view = await http().get(`/api/specimens/${id}`).set(bearer(tokens.supervisor1)).expect(200);
    expect(view.body.images.map((i: { light: string; frame: number }) => `${i.light}:${i.frame}`)).toEqual(['visible:1', 'oblique:1', 'oblique:2', 'uv365:1']);
    for (const image of view.body.images) {
      expect(image.asset).toMatchObject({ status: 'ready', width: 320, height: 220, progress: 100 });
      expect(image.asset.urls.dzi).toMatch(/^\/api\/media\/s\/[\w-]+\.[\w-]+\/image\.dzi$/);
      expect(image.asset.urls.dzi).not.toContain(id); // nothing in a URL names the specimen
    }
    expect(view.body.thumbnail).toBe(view.body.images[0].asset.urls.variants['640.webp']);
    expect((await http().get(view.body.thumbnail)).status).toBe(200);
    const list = await http().get('/api/specimens?q=Photographed').set(bearer(tokens.instructor1)).expect(200);
    expect(list.body.items[0]).toMatchObject({ imageCount: 4, thumbnail: expect.stringMatching(/640\.webp$/) });
  });

  it('deleting an image or a specimen removes rows and files, and is audited', async () => {
    const id = (await create({ title: 'Short-lived', issuingState: 'UTO', documentType: 'TD1' })).body.id;
    const front = (await upload(id, 'front', 'visible')).body;
    const back = (await upload(id, 'back', 'visible')).body;
    await media.waitForIdle();
    await http().put(`/api/specimens/${id}/features`).set(bearer(tokens.instructor1)).send({ features: [{ ...GHOST_FEATURE, side: 'front' }] }).expect(200);
    const storageOf = async (assetId: string) => (await db.query(`SELECT storage_id FROM media_assets WHERE id = $1`, [assetId]))[0]?.storage_id as string | undefined;
    const dirOf = (sid: string) => path.join(mediaDir, 'objects', sid.slice(0, 2), sid);
    const frontDir = dirOf((await storageOf(front.asset.id))!);
    const backDir = dirOf((await storageOf(back.asset.id))!);
    expect(listFiles(frontDir).length).toBeGreaterThan(9);

    await http().delete(`/api/specimens/${id}/images/${front.id}`).set(bearer(tokens.instructor1)).expect(204);
    expect(await storageOf(front.asset.id)).toBeUndefined();
    expect(listFiles(frontDir)).toEqual([]);
    expect((await http().delete(`/api/specimens/${id}/images/${front.id}`).set(bearer(tokens.instructor1))).status).toBe(404);

    await http().delete(`/api/specimens/${id}`).set(bearer(tokens.admin)).expect(204);
    expect((await http().get(`/api/specimens/${id}`).set(bearer(tokens.admin))).status).toBe(404);
    expect(await storageOf(back.asset.id)).toBeUndefined();
    expect(listFiles(backDir)).toEqual([]);
    const [left] = await db.query(`SELECT (SELECT count(*)::int FROM specimen_images WHERE specimen_id = $1) AS images, (SELECT count(*)::int FROM specimen_features WHERE specimen_id = $1) AS features`, [id]);
    expect(left).toEqual({ images: 0, features: 0 });
    const audit = await http().get(`/api/audit?entityType=specimen&entityId=${id}`).set(bearer(tokens.admin)).expect(200);
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual([
      'specimen.delete',
      'specimen.image.remove',
      'specimen.features.replace',
      'specimen.image.add',
      'specimen.image.add',
      'specimen.create',
    ]);
    expect(audit.body.items[0].before).toMatchObject({ title: 'Short-lived', features: [expect.objectContaining({ name: 'Ghost image' })] });
  });
});

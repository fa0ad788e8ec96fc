// Least privilege, route by route: every registered route × every role, with the status each must get.
// A route that is registered but missing from this table fails the test, so new routes must be declared here.
import type { NestExpressApplication } from '@nestjs/platform-express';
import sharp from 'sharp';
import request from 'supertest';
import { MediaService } from '../src/media/media.service';
import { bearer, registeredRoutes, signIn, testApp } from './utils';

type Who = 'anonymous' | 'trainee' | 'instructor' | 'supervisor' | 'admin';
const WHO: Who[] = ['anonymous', 'trainee', 'instructor', 'supervisor', 'admin'];
const LOGIN: Record<Exclude<Who, 'anonymous'>, string> = {
  trainee: 'trainee01',
  instructor: 'instructor1',
  supervisor: 'supervisor1',
  admin: 'admin',
};

interface Ctx {
  app: NestExpressApplication;
  tokens: Record<string, string>;
  ids: { isbUnit: string; trainee01: string; isbCohort: string };
  n: () => number;
  ready?: { assetId: string; dzi: string };
}
interface Call {
  path: string;
  body?: unknown;
  csv?: string;
  image?: Buffer;
}
interface Row {
  expect: Record<Who, number>;
  make?: (ctx: Ctx) => Promise<Call> | Call;
}

const only = (allowed: Partial<Record<Who, number>>, denied = 403): Record<Who, number> => ({
  anonymous: 401,
  trainee: denied,
  instructor: denied,
  supervisor: denied,
  admin: denied,
  ...allowed,
});
const everyone = (status: number): Record<Who, number> => ({
  anonymous: status,
  trainee: status,
  instructor: status,
  supervisor: status,
  admin: status,
});
const signedIn = (status: number) => only({ trainee: status, instructor: status, supervisor: status, admin: status });

async function freshUnit(ctx: Ctx): Promise<string> {
  const n = ctx.n();
  const res = await request(ctx.app.getHttpServer())
    .post('/api/units')
    .set(bearer(ctx.tokens.admin))
    .send({ name: `Route test unit ${n}`, code: `RT-${n}` });
  return res.body.id;
}
async function freshUser(ctx: Ctx): Promise<string> {
  const n = ctx.n();
  const res = await request(ctx.app.getHttpServer())
    .post('/api/users')
    .set(bearer(ctx.tokens.admin))
    .send({
      username: `route.user${n}`,
      displayName: `Route User ${n}`,
      role: 'trainee',
      unitId: ctx.ids.isbUnit,
      password: 'a-long-password',
    });
  return res.body.id;
}
async function freshCohort(ctx: Ctx, withMember = false): Promise<string> {
  const n = ctx.n();
  const res = await request(ctx.app.getHttpServer())
    .post('/api/cohorts')
    .set(bearer(ctx.tokens.instructor))
    .send({ name: `Route cohort ${n}`, unitId: ctx.ids.isbUnit });
  if (withMember)
    await request(ctx.app.getHttpServer())
      .post(`/api/cohorts/${res.body.id}/members`)
      .set(bearer(ctx.tokens.instructor))
      .send({ userIds: [ctx.ids.trainee01] });
  return res.body.id;
}

const NO_ID = '00000000-0000-4000-8000-000000000000';
/** ICAO Doc 9303 part 4, appendix A: the specimen TD3 MRZ (state code changed to the training state UTO). */
const ICAO_TD3_SPECIMEN = [
  'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<',
  'L898902C36UTO7408122F1204159ZE184226B<<<<<10',
];
const SPECIMEN = { title: 'Route test specimen', issuingState: 'UTO', documentType: 'TD3' };
const smallPng = () =>
  sharp({ create: { width: 64, height: 48, channels: 3, background: '#3a6ea5' } })
    .png()
    .toBuffer();
async function freshSpecimen(ctx: Ctx): Promise<string> {
  const res = await request(ctx.app.getHttpServer())
    .post('/api/specimens')
    .set(bearer(ctx.tokens.instructor))
    .send(SPECIMEN);
  return res.body.id;
}
async function freshImage(ctx: Ctx): Promise<{ specimenId: string; imageId: string; assetId: string }> {
  const specimenId = await freshSpecimen(ctx);
  const res = await request(ctx.app.getHttpServer())
    .post(`/api/specimens/${specimenId}/images`)
    .set(bearer(ctx.tokens.instructor))
    .field('side', 'data-page')
    .field('light', 'visible')
    .attach('file', await smallPng(), { filename: 'x.png', contentType: 'image/png' });
  return { specimenId, imageId: res.body.id, assetId: res.body.asset.id };
}
/** One processed image whose signed URLs every role (and nobody) may fetch: the token is the credential. */
async function readyImage(ctx: Ctx): Promise<{ assetId: string; dzi: string }> {
  if (!ctx.ready) {
    const { assetId } = await freshImage(ctx);
    const media = ctx.app.get(MediaService);
    await media.waitForIdle();
    const urls = await media.signedUrls([assetId], { userId: 'route-test', scope: 'library' });
    ctx.ready = { assetId, dzi: urls.get(assetId)!.dzi };
  }
  return ctx.ready;
}

export const ROUTE_TABLE: Record<string, Row> = {
  'GET /api/health': { expect: everyone(200) },
  'GET /api/openapi.json': { expect: everyone(200) },
  'POST /api/auth/login': {
    expect: everyone(200),
    make: () => ({ path: '/api/auth/login', body: { username: 'trainee02', password: 'firstline-demo' } }),
  },
  'POST /api/auth/refresh': { expect: everyone(401) }, // public, but without a session cookie there is nothing to refresh
  'POST /api/auth/logout': { expect: everyone(204) },
  'GET /api/auth/me': { expect: signedIn(200) },
  'PATCH /api/auth/me': {
    expect: signedIn(200),
    make: () => ({ path: '/api/auth/me', body: { displayName: undefined } }),
  },
  // A wrong current password proves the call got past authorization without changing anyone's password.
  'POST /api/auth/password': {
    expect: signedIn(400),
    make: () => ({
      path: '/api/auth/password',
      body: { currentPassword: 'not-the-password', newPassword: 'another-long-password' },
    }),
  },
  'GET /api/audit': { expect: only({ admin: 200 }) },
  'GET /api/units': { expect: only({ instructor: 200, supervisor: 200, admin: 200 }) },
  'POST /api/units': {
    expect: only({ admin: 201 }),
    make: (c) => ({ path: '/api/units', body: { name: `Unit ${c.n()}`, code: `U-${c.n()}` } }),
  },
  'PATCH /api/units/:id': {
    expect: only({ admin: 200 }),
    make: async (c) => ({ path: `/api/units/${await freshUnit(c)}`, body: { name: `Renamed ${c.n()}` } }),
  },
  'DELETE /api/units/:id': {
    expect: only({ admin: 204 }),
    make: async (c) => ({ path: `/api/units/${await freshUnit(c)}` }),
  },
  'GET /api/users': { expect: only({ instructor: 200, supervisor: 200, admin: 200 }) },
  'POST /api/users': {
    expect: only({ admin: 201 }),
    make: (c) => ({
      path: '/api/users',
      body: {
        username: `new.user${c.n()}`,
        displayName: 'New User',
        role: 'trainee',
        unitId: c.ids.isbUnit,
        password: 'a-long-password',
      },
    }),
  },
  'POST /api/users/import': {
    expect: only({ instructor: 201, admin: 201 }),
    make: (c) => ({
      path: '/api/users/import',
      csv: `service_number,name,unit,cohort,language\nRT-${c.n()},Route Trainee,ISB-IMM,,en\n`,
    }),
  },
  'GET /api/users/:id': {
    expect: only({ instructor: 200, supervisor: 200, admin: 200 }),
    make: (c) => ({ path: `/api/users/${c.ids.trainee01}` }),
  },
  'PATCH /api/users/:id': {
    expect: only({ admin: 200 }),
    make: async (c) => ({ path: `/api/users/${await freshUser(c)}`, body: { language: 'ur' } }),
  },
  'DELETE /api/users/:id': {
    expect: only({ admin: 204 }),
    make: async (c) => ({ path: `/api/users/${await freshUser(c)}` }),
  },
  'GET /api/cohorts': { expect: only({ instructor: 200, supervisor: 200, admin: 200 }) },
  'POST /api/cohorts': {
    expect: only({ instructor: 201, admin: 201 }),
    make: (c) => ({ path: '/api/cohorts', body: { name: `Cohort ${c.n()}`, unitId: c.ids.isbUnit } }),
  },
  'GET /api/cohorts/:id': {
    expect: only({ instructor: 200, supervisor: 200, admin: 200 }),
    make: (c) => ({ path: `/api/cohorts/${c.ids.isbCohort}` }),
  },
  'PATCH /api/cohorts/:id': {
    expect: only({ instructor: 200, admin: 200 }),
    make: async (c) => ({ path: `/api/cohorts/${await freshCohort(c)}`, body: { endsOn: '2027-06-30' } }),
  },
  'DELETE /api/cohorts/:id': {
    expect: only({ instructor: 204, admin: 204 }),
    make: async (c) => ({ path: `/api/cohorts/${await freshCohort(c)}` }),
  },
  'GET /api/cohorts/:id/members': {
    expect: only({ instructor: 200, supervisor: 200, admin: 200 }),
    make: (c) => ({ path: `/api/cohorts/${c.ids.isbCohort}/members` }),
  },
  'POST /api/cohorts/:id/members': {
    expect: only({ instructor: 201, admin: 201 }),
    make: async (c) => ({ path: `/api/cohorts/${await freshCohort(c)}/members`, body: { userIds: [c.ids.trainee01] } }),
  },
  'DELETE /api/cohorts/:id/members/:userId': {
    expect: only({ instructor: 204, admin: 204 }),
    make: async (c) => ({ path: `/api/cohorts/${await freshCohort(c, true)}/members/${c.ids.trainee01}` }),
  },
  // The exam engine. Where a success needs content, a 400/404 past the guard proves authorization let the call in.
  'GET /api/exercises': { expect: only({ instructor: 200, supervisor: 200, admin: 200 }) },
  'POST /api/exercises': {
    expect: only({ instructor: 400, admin: 400 }),
    make: () => ({ path: '/api/exercises', body: {} }),
  },
  'GET /api/exercises/:id': {
    expect: only({ instructor: 404, supervisor: 404, admin: 404 }),
    make: () => ({ path: `/api/exercises/${NO_ID}` }),
  },
  'GET /api/exercises/:id/pool-parts': {
    expect: only({ instructor: 404, supervisor: 404, admin: 404 }),
    make: () => ({ path: `/api/exercises/${NO_ID}/pool-parts` }),
  },
  'PUT /api/exercises/:id': {
    expect: only({ instructor: 400, admin: 400 }),
    make: () => ({ path: `/api/exercises/${NO_ID}`, body: {} }),
  },
  'POST /api/exercises/forge': {
    expect: only({ instructor: 400, admin: 400 }),
    make: () => ({ path: '/api/exercises/forge', body: {} }),
  },
  'POST /api/exercises/forge-from-specimen': {
    expect: only({ instructor: 400, admin: 400 }),
    make: () => ({ path: '/api/exercises/forge-from-specimen', body: {} }),
  },
  'POST /api/exercises/forge/preview': {
    expect: only({ instructor: 400, admin: 400 }),
    make: () => ({ path: '/api/exercises/forge/preview', body: {} }),
  },
  'GET /api/exercise-jobs/:id': {
    expect: only({ instructor: 404, admin: 404 }),
    make: () => ({ path: `/api/exercise-jobs/${NO_ID}` }),
  },
  'POST /api/exercises/:id/duplicate': {
    expect: only({ instructor: 404, admin: 404 }),
    make: () => ({ path: `/api/exercises/${NO_ID}/duplicate` }),
  },
  'POST /api/exercises/:id/retire': {
    expect: only({ instructor: 404, admin: 404 }),
    make: () => ({ path: `/api/exercises/${NO_ID}/retire` }),
  },
  'POST /api/exercises/:id/restore': {
    expect: only({ instructor: 404, admin: 404 }),
    make: () => ({ path: `/api/exercises/${NO_ID}/restore` }),
  },
  'GET /api/exercises/:id/preview': {
    expect: only({ instructor: 404, admin: 404 }),
    make: () => ({ path: `/api/exercises/${NO_ID}/preview` }),
  },
  'POST /api/exercises/:id/preview/score': {
    expect: only({ instructor: 404, admin: 404 }),
    make: () => ({ path: `/api/exercises/${NO_ID}/preview/score`, body: { answer: { decision: 'accept' } } }),
  },
  'GET /api/modules': { expect: only({ instructor: 200, supervisor: 200, admin: 200 }) },
  'POST /api/modules': {
    expect: only({ instructor: 400, admin: 400 }),
    make: () => ({ path: '/api/modules', body: {} }),
  },
  'GET /api/modules/:id': {
    expect: only({ instructor: 404, supervisor: 404, admin: 404 }),
    make: () => ({ path: `/api/modules/${NO_ID}` }),
  },
  'GET /api/modules/:id/exposure': {
    expect: only({ instructor: 404, supervisor: 404, admin: 404 }),
    make: () => ({ path: `/api/modules/${NO_ID}/exposure` }),
  },
  'GET /api/modules/:id/item-models': {
    expect: only({ instructor: 404, supervisor: 404, admin: 404 }),
    make: () => ({ path: `/api/modules/${NO_ID}/item-models` }),
  },
  'PUT /api/modules/:id': {
    expect: only({ instructor: 400, admin: 400 }),
    make: () => ({ path: `/api/modules/${NO_ID}`, body: {} }),
  },
  'POST /api/modules/:id/publish': {
    expect: only({ instructor: 404, admin: 404 }),
    make: () => ({ path: `/api/modules/${NO_ID}/publish` }),
  },
  'GET /api/assignments': { expect: only({ instructor: 200, supervisor: 200, admin: 200 }) },
  'POST /api/assignments': {
    expect: only({ instructor: 400, admin: 400 }),
    make: () => ({ path: '/api/assignments', body: {} }),
  },
  'DELETE /api/assignments/:id': {
    expect: only({ instructor: 404, admin: 404 }),
    make: () => ({ path: `/api/assignments/${NO_ID}` }),
  },
  'GET /api/assignments/:id/lessons': {
    expect: signedIn(404),
    make: () => ({ path: `/api/assignments/${NO_ID}/lessons` }),
  },
  'GET /api/me/assignments': { expect: only({ trainee: 200 }) },
  'GET /api/me/progress': { expect: only({ trainee: 200 }) },
  'POST /api/attempts': {
    expect: only({ trainee: 404 }),
    make: () => ({ path: '/api/attempts', body: { assignmentId: NO_ID } }),
  },
  'GET /api/attempts/:id': { expect: signedIn(404), make: () => ({ path: `/api/attempts/${NO_ID}` }) },
  'GET /api/attempts/:id/items/:n': { expect: signedIn(404), make: () => ({ path: `/api/attempts/${NO_ID}/items/1` }) },
  // No Idempotency-Key: 400 once past the guard.
  'PUT /api/attempts/:id/items/:n/response': {
    expect: only({ trainee: 400 }),
    make: () => ({ path: `/api/attempts/${NO_ID}/items/1/response`, body: { decision: 'accept', final: true } }),
  },
  'POST /api/attempts/:id/finish': {
    expect: only({ trainee: 404 }),
    make: () => ({ path: `/api/attempts/${NO_ID}/finish` }),
  },
  'GET /api/attempts/:id/review': { expect: signedIn(404), make: () => ({ path: `/api/attempts/${NO_ID}/review` }) },
  'POST /api/mrz/check': {
    expect: signedIn(200),
    make: () => ({ path: '/api/mrz/check', body: { lines: ICAO_TD3_SPECIMEN } }),
  },
  // Reports: staff in scope (instructor1 runs the ISB cohort, supervisor1 belongs to its unit); trainees never.
  'GET /api/reports/cohorts/:cohortId/officers': {
    expect: only({ instructor: 200, supervisor: 200, admin: 200 }),
    make: (c) => ({ path: `/api/reports/cohorts/${c.ids.isbCohort}/officers` }),
  },
  'GET /api/reports/cohorts/:cohortId/officers.csv': {
    expect: only({ instructor: 200, supervisor: 200, admin: 200 }),
    make: (c) => ({ path: `/api/reports/cohorts/${c.ids.isbCohort}/officers.csv` }),
  },
  'GET /api/reports/cohorts/:cohortId/heatmap': {
    expect: only({ instructor: 200, supervisor: 200, admin: 200 }),
    make: (c) => ({ path: `/api/reports/cohorts/${c.ids.isbCohort}/heatmap?by=light` }),
  },
  'GET /api/reports/cohorts/:cohortId/heatmap.csv': {
    expect: only({ instructor: 200, supervisor: 200, admin: 200 }),
    make: (c) => ({ path: `/api/reports/cohorts/${c.ids.isbCohort}/heatmap.csv` }),
  },
  'GET /api/reports/cohorts/:cohortId/heatmap/items': {
    expect: only({ instructor: 200, supervisor: 200, admin: 200 }),
    make: (c) => ({ path: `/api/reports/cohorts/${c.ids.isbCohort}/heatmap/items?by=fraudType&key=genuine` }),
  },
  'GET /api/reports/cohorts/:cohortId/trends': {
    expect: only({ instructor: 200, supervisor: 200, admin: 200 }),
    make: (c) => ({ path: `/api/reports/cohorts/${c.ids.isbCohort}/trends` }),
  },
  'GET /api/reports/cohorts/:cohortId/trends.csv': {
    expect: only({ instructor: 200, supervisor: 200, admin: 200 }),
    make: (c) => ({ path: `/api/reports/cohorts/${c.ids.isbCohort}/trends.csv` }),
  },
  'GET /api/reports/units/:unitId': {
    expect: only({ instructor: 200, supervisor: 200, admin: 200 }),
    make: (c) => ({ path: `/api/reports/units/${c.ids.isbUnit}` }),
  },
  'GET /api/reports/units/:unitId.csv': {
    expect: only({ instructor: 200, supervisor: 200, admin: 200 }),
    make: (c) => ({ path: `/api/reports/units/${c.ids.isbUnit}.csv` }),
  },
  'GET /api/reports/officers/:userId': {
    expect: only({ instructor: 200, supervisor: 200, admin: 200 }),
    make: (c) => ({ path: `/api/reports/officers/${c.ids.trainee01}` }),
  },
  'GET /api/reports/officers/:userId/attempts.csv': {
    expect: only({ instructor: 200, supervisor: 200, admin: 200 }),
    make: (c) => ({ path: `/api/reports/officers/${c.ids.trainee01}/attempts.csv` }),
  },
  // Item analysis: staff only; an unknown module or exercise is a 404 (scope is tested in item-analysis.e2e-spec).
  'GET /api/reports/modules/:moduleId/item-analysis': {
    expect: only({ instructor: 404, supervisor: 404, admin: 404 }),
    make: () => ({ path: `/api/reports/modules/${NO_ID}/item-analysis` }),
  },
  'GET /api/reports/modules/:moduleId/item-analysis.csv': {
    expect: only({ instructor: 404, supervisor: 404, admin: 404 }),
    make: () => ({ path: `/api/reports/modules/${NO_ID}/item-analysis.csv` }),
  },
  'POST /api/reports/modules/:moduleId/item-analysis/recalculate': {
    expect: only({ instructor: 404, supervisor: 404, admin: 404 }),
    make: () => ({ path: `/api/reports/modules/${NO_ID}/item-analysis/recalculate` }),
  },
  'GET /api/reports/modules/:moduleId/item-analysis/items/:exerciseVersionId/responses': {
    expect: only({ instructor: 404, supervisor: 404, admin: 404 }),
    make: () => ({ path: `/api/reports/modules/${NO_ID}/item-analysis/items/${NO_ID}/responses` }),
  },
  'GET /api/reports/modules/:moduleId/item-analysis/confusion': {
    expect: only({ instructor: 404, supervisor: 404, admin: 404 }),
    make: () => ({ path: `/api/reports/modules/${NO_ID}/item-analysis/confusion` }),
  },
  'GET /api/reports/exercises/:exerciseId/clicks': {
    expect: only({ instructor: 404, supervisor: 404, admin: 404 }),
    make: () => ({ path: `/api/reports/exercises/${NO_ID}/clicks` }),
  },
  'GET /api/reports/exercises/:exerciseId/item-analysis': {
    expect: only({ instructor: 404, supervisor: 404, admin: 404 }),
    make: () => ({ path: `/api/reports/exercises/${NO_ID}/item-analysis` }),
  },
  // PDFs: printed by Chromium (CI installs it; without it these answer 503).
  'GET /api/reports/cohorts/:cohortId/report.pdf': {
    expect: only({ instructor: 200, supervisor: 200, admin: 200 }),
    make: (c) => ({ path: `/api/reports/cohorts/${c.ids.isbCohort}/report.pdf` }),
  },
  'GET /api/reports/officers/:userId/transcript.pdf': {
    expect: only({ instructor: 200, supervisor: 200, admin: 200 }),
    make: (c) => ({ path: `/api/reports/officers/${c.ids.trainee01}/transcript.pdf?lang=ur` }),
  },
  'GET /api/me/competence': { expect: signedIn(200) },
  'GET /api/demo-content/status': { expect: signedIn(200) },
  'GET /api/specimens': { expect: only({ instructor: 200, supervisor: 200, admin: 200 }) },
  'POST /api/specimens': {
    expect: only({ instructor: 201, admin: 201 }),
    make: () => ({ path: '/api/specimens', body: SPECIMEN }),
  },
  'GET /api/specimens/:id': {
    expect: only({ instructor: 200, supervisor: 200, admin: 200 }),
    make: async (c) => ({ path: `/api/specimens/${await freshSpecimen(c)}` }),
  },
  'PATCH /api/specimens/:id': {
    expect: only({ instructor: 200, admin: 200 }),
    make: async (c) => ({ path: `/api/specimens/${await freshSpecimen(c)}`, body: { series: 'B' } }),
  },
  'DELETE /api/specimens/:id': {
    expect: only({ instructor: 204, admin: 204 }),
    make: async (c) => ({ path: `/api/specimens/${await freshSpecimen(c)}` }),
  },
  'POST /api/specimens/:id/images': {
    expect: only({ instructor: 202, admin: 202 }),
    make: async (c) => ({ path: `/api/specimens/${await freshSpecimen(c)}/images`, image: await smallPng() }),
  },
  'DELETE /api/specimens/:id/images/:imageId': {
    expect: only({ instructor: 204, admin: 204 }),
    make: async (c) => {
      const { specimenId, imageId } = await freshImage(c);
      return { path: `/api/specimens/${specimenId}/images/${imageId}` };
    },
  },
  'PUT /api/specimens/:id/features': {
    expect: only({ instructor: 200, admin: 200 }),
    make: async (c) => ({ path: `/api/specimens/${await freshSpecimen(c)}/features`, body: { features: [] } }),
  },
  'POST /api/media/uploads': {
    expect: only({ instructor: 202, admin: 202 }),
    make: async () => ({ path: '/api/media/uploads', image: await smallPng() }),
  },
  'GET /api/media/:id': {
    expect: only({ instructor: 200, supervisor: 200, admin: 200 }),
    make: async (c) => ({ path: `/api/media/${(await freshImage(c)).assetId}` }),
  },
  // Public: a valid signed token is the credential, whoever presents it.
  'GET /api/media/s/:token/:file': { expect: everyone(200), make: async (c) => ({ path: (await readyImage(c)).dzi }) },
  'GET /api/media/s/:token/image_files/:level/:tile': {
    expect: everyone(200),
    make: async (c) => ({ path: (await readyImage(c)).dzi.replace(/image\.dzi$/, 'image_files/0/0_0.webp') }),
  },
};

describe('route × role table', () => {
  let ctx: Ctx;

  beforeAll(async () => {
    const app = await testApp();
    const tokens: Record<string, string> = {};
    for (const [who, username] of Object.entries(LOGIN)) tokens[who] = await signIn(app, username);
    const http = request(app.getHttpServer());
    const units = (await http.get('/api/units').set(bearer(tokens.admin))).body as Array<{ id: string; code: string }>;
    const users = (await http.get('/api/users?q=trainee01').set(bearer(tokens.admin))).body.items as Array<{
      id: string;
    }>;
    const cohorts = (await http.get('/api/cohorts').set(bearer(tokens.instructor))).body as Array<{ id: string }>;
    let counter = Date.now() % 100000;
    ctx = {
      app,
      tokens,
      ids: { isbUnit: units.find((u) => u.code === 'ISB-IMM')!.id, trainee01: users[0].id, isbCohort: cohorts[0].id },
      n: () => ++counter,
    };
  });
  afterAll(() => ctx.app.close());

  it('covers every registered route, and nothing that is not registered', () => {
    const registered = registeredRoutes(ctx.app);
    expect(registered.filter((r) => !(r in ROUTE_TABLE))).toEqual([]);
    expect(Object.keys(ROUTE_TABLE).filter((r) => !registered.includes(r))).toEqual([]);
  });

  for (const [route, row] of Object.entries(ROUTE_TABLE)) {
    const [method, template] = route.split(' ');
    it.each(WHO)(`${route} as %s → ${WHO.map((w) => `${w[0]}${row.expect[w]}`).join(' ')}`, async (who) => {
      const call: Call = row.make ? await row.make(ctx) : { path: template };
      let req = request(ctx.app.getHttpServer())[method.toLowerCase() as 'get'](call.path);
      if (who !== 'anonymous') req = req.set(bearer(ctx.tokens[who]));
      if (call.image !== undefined)
        req = req
          .field('side', 'data-page')
          .field('light', 'visible')
          .attach('file', call.image, { filename: 'x.png', contentType: 'image/png' });
      else if (call.csv !== undefined)
        req = req.attach('file', Buffer.from(call.csv), { filename: 'trainees.csv', contentType: 'text/csv' });
      else if (call.body !== undefined) req = req.send(call.body as object);
      const res = await req;
      expect({ who, status: res.status, body: res.status === row.expect[who] ? undefined : res.body }).toEqual({
        who,
        status: row.expect[who],
        body: undefined,
      });
    });
  }
});

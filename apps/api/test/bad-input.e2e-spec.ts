// Invalid text in any input — a NUL byte, an unpaired surrogate, bytes that are not UTF-8 — answers 400 naming the
// field, before any database call (PostgreSQL cannot store NUL: it used to surface as a 500). Names also refuse
// bidirectional control characters, which can make a name read backwards in lists and exports.
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { bearer, signIn, testApp } from './utils';

describe('bad input', () => {
  let app: NestExpressApplication;
  const t: Record<string, string> = {};
  let isbUnitId: string;
  beforeAll(async () => {
    app = await testApp();
    for (const username of ['admin', 'instructor1', 'trainee02']) t[username] = await signIn(app, username);
    const units = (await http().get('/api/units').set(bearer(t.admin))).body as Array<{ id: string; code: string }>;
    isbUnitId = units.find((unit) => unit.code === 'ISB-IMM')!.id;
  });
  afterAll(() => app.close());
  const http = () => request(app.getHttpServer());

  const expect400Naming = (res: request.Response, field: string, problem: RegExp) => {
    expect(res.status).toBe(400);
    expect(res.body.message).toContain(field);
    expect(res.body.message).toMatch(problem);
    expect(res.body.requestId).toEqual(expect.any(String));
  };

  describe('a NUL byte', () => {
    it('in the sign-in username (no token) → 400 naming the field', async () => {
      const res = await http().post('/api/auth/login').send({ username: 'admin\u0000', password: 'whatever-1' });
      expect400Naming(res, 'username', /NUL/);
    });

    it('in PATCH /api/auth/me displayName → 400 naming the field', async () => {
      const res = await http().patch('/api/auth/me').set(bearer(t.trainee02)).send({ displayName: 'Ali\u0000Raza' });
      expect400Naming(res, 'displayName', /NUL/);
    });

    it.each(['/api/users', '/api/exercises', '/api/specimens'])('in q=%%00 on %s → 400 naming q', async (route) => {
      const res = await http().get(`${route}?q=%00`).set(bearer(t.instructor1));
      expect400Naming(res, '"q"', /NUL/);
    });

    it('in a cohort name → 400 naming the field', async () => {
      const res = await http()
        .post('/api/cohorts')
        .set(bearer(t.admin))
        .send({ name: 'Intake\u00002026', unitId: isbUnitId });
      expect400Naming(res, 'name', /NUL/);
    });

    it('in a route parameter → 400 naming the parameter', async () => {
      const res = await http().get('/api/users/%00').set(bearer(t.admin));
      expect400Naming(res, '"id"', /NUL/);
    });

    it('in a nested body field or key → 400 naming its path', async () => {
      const res = await http()
        .post('/api/auth/login')
        .set('Content-Type', 'application/json')
        .send('{"username":"admin","password":"x","extra":{"list":["ok","b\\u0000d"]}}');
      expect400Naming(res, 'extra.list.1', /NUL/);
    });

    it('in a CSV import cell → 400 naming the row and column', async () => {
      const csv = 'service_number,name,unit,cohort,language\nNUL-70001,Sadia\u0000Noor,ISB-IMM,,en\n';
      const res = await http()
        .post('/api/users/import')
        .set(bearer(t.admin))
        .attach('file', Buffer.from(csv), { filename: 'trainees.csv', contentType: 'text/csv' });
      expect(res.status).toBe(400);
      expect(res.body.details.errors).toEqual([
        { row: 2, column: 'name', reason: 'Invalid text: contains a NUL character (U+0000)' },
      ]);
    });
  });

  it('in a multipart form field of an image upload → 400 naming the field', async () => {
    const specimen = await http()
      .post('/api/specimens')
      .set(bearer(t.instructor1))
      .send({ title: 'NUL field probe', issuingState: 'UTO', documentType: 'TD3' });
    expect(specimen.status).toBe(201);
    const res = await http()
      .post(`/api/specimens/${specimen.body.id}/images`)
      .set(bearer(t.instructor1))
      .field('side', 'front\u0000')
      .field('light', 'visible')
      .attach('file', Buffer.from('not really an image'), { filename: 'p.jpg', contentType: 'image/jpeg' });
    expect400Naming(res, 'form field "side"', /NUL/);
  });

  describe('other invalid text', () => {
    it('an unpaired surrogate in a JSON string → 400', async () => {
      const res = await http()
        .patch('/api/auth/me')
        .set(bearer(t.trainee02))
        .set('Content-Type', 'application/json')
        .send('{"displayName":"Ali \\ud800 Raza"}');
      expect400Naming(res, 'displayName', /unpaired surrogate/);
    });

    it('a request body that is not UTF-8 → 400', async () => {
      const res = await http()
        .patch('/api/auth/me')
        .set(bearer(t.trainee02))
        .set('Content-Type', 'application/json')
        .serialize((raw: Buffer) => raw as unknown as string) // the bytes as they are, not JSON-encoded again
        .send(Buffer.concat([Buffer.from('{"displayName":"Ali '), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]));
      expect(res.status).toBe(400);
      expect(res.body.message).toMatch(/not valid UTF-8/);
    });

    it('a route parameter that is not UTF-8 once decoded → 400 in the one error shape', async () => {
      const res = await http().get('/api/users/%ED%A0%80').set(bearer(t.admin));
      expect(res.status).toBe(400);
      expect(res.body).toEqual(expect.objectContaining({ statusCode: 400, requestId: expect.any(String) }));
    });

    it('a query value that is not UTF-8 once decoded (an encoded surrogate) → 400 naming it', async () => {
      const res = await http().get('/api/users?q=%ED%A0%80').set(bearer(t.admin));
      expect400Naming(res, '"q"', /UTF-8/);
    });
  });
});

describe('bidirectional control characters in names', () => {
  let app: NestExpressApplication;
  let admin: string;
  let instructor1: string;
  beforeAll(async () => {
    app = await testApp();
    admin = await signIn(app, 'admin');
    instructor1 = await signIn(app, 'instructor1');
  });
  afterAll(() => app.close());
  const http = () => request(app.getHttpServer());
  // "Ali ‮azaR‬" shows as "Ali Raza" in a list, and other right-to-left overrides can turn an export row around.
  const RLO = 'Ali \u202EazaR\u202C';

  it.each([
    ['PATCH /api/auth/me displayName', 'patch', '/api/auth/me', { displayName: RLO }, 'displayName'],
    ['POST /api/users displayName', 'post', '/api/users', { displayName: RLO }, 'displayName'],
    ['POST /api/units name', 'post', '/api/units', { name: `Unit \u2067x\u2069`, code: 'BIDI-1' }, 'name'],
    ['POST /api/cohorts name', 'post', '/api/cohorts', { name: `Intake \u200F2026` }, 'name'],
    ['POST /api/specimens title', 'post', '/api/specimens', { title: `Passport \u061C1` }, 'title'],
    ['POST /api/exercises title', 'post', '/api/exercises', { title: `Drill \u202A1` }, 'title'],
    ['POST /api/modules title', 'post', '/api/modules', { title: `Module \u200E1` }, 'title'],
  ] as const)('%s → 400 saying why', async (_, method, route, body, field) => {
    const token = route === '/api/users' || route === '/api/units' ? admin : instructor1;
    const res = await http()[method](route).set(bearer(token)).send(body);
    expect(res.status).toBe(400);
    const issue = (res.body.details.issues as Array<{ path: string; message: string }>).find((i) => i.path === field);
    expect(issue?.message).toMatch(/must not contain bidirectional control characters \(U\+[0-9A-F]{4}\)/);
  });

  it('a CSV import name → 400 naming the row', async () => {
    const csv = `service_number,name,unit,cohort,language\nBIDI-70002,${RLO},ISB-IMM,,en\n`;
    const res = await http()
      .post('/api/users/import')
      .set(bearer(admin))
      .attach('file', Buffer.from(csv), { filename: 'trainees.csv', contentType: 'text/csv' });
    expect(res.status).toBe(400);
    expect(res.body.details.errors).toEqual([
      { row: 2, column: 'name', reason: expect.stringMatching(/must not contain bidirectional control characters/) },
    ]);
  });

  it('right-to-left names themselves are welcome', async () => {
    const trainee = await signIn(app, 'trainee03');
    const before = (await http().get('/api/auth/me').set(bearer(trainee))).body.displayName as string;
    const res = await http().patch('/api/auth/me').set(bearer(trainee)).send({ displayName: 'سعدیہ نور' });
    await http().patch('/api/auth/me').set(bearer(trainee)).send({ displayName: before });
    expect(res.status).toBe(200);
    expect(res.body.displayName).toBe('سعدیہ نور');
  });
});

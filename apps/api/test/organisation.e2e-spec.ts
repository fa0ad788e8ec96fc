import type { NestExpressApplication } from '@nestjs/platform-express';
import { Client } from 'pg';
import request from 'supertest';
import { toCsv } from '../src/common/csv/csv';
import { bearer, signIn, testApp } from './utils';

describe('units, users, cohorts and the trainee CSV import', () => {
  let app: NestExpressApplication;
  const t: Record<string, string> = {};
  let db: Client;
  beforeAll(async () => {
    app = await testApp();
    for (const u of ['admin', 'instructor1', 'instructor2', 'supervisor1', 'trainee01']) t[u] = await signIn(app, u);
    db = new Client({ connectionString: process.env.FIRSTLINE_TEST_DATABASE_URL });
    await db.connect();
  });
  afterAll(async () => {
    await db.end();
    await app.close();
  });
  const http = () => request(app.getHttpServer());
  const count = async (sql: string, params: unknown[] = []) => Number((await db.query(sql, params)).rows[0].n);

  describe('scoping', () => {
    it('a supervisor sees only their own unit', async () => {
      const units = (await http().get('/api/units').set(bearer(t.supervisor1))).body;
      expect(units.map((u: { code: string }) => u.code)).toEqual(['ISB-IMM']);
    });

    it('a supervisor sees the people of their own unit only', async () => {
      const users = (await http().get('/api/users?limit=200').set(bearer(t.supervisor1))).body;
      expect(users.items.length).toBeGreaterThanOrEqual(14);
      expect(
        users.items.every((u: { unitName: string }) => u.unitName === 'Islamabad International Airport — Immigration'),
      ).toBe(true);
    });

    it('a supervisor sees the cohorts of their own unit only', async () => {
      const cohorts = (await http().get('/api/cohorts').set(bearer(t.supervisor1))).body;
      expect(cohorts.every((c: { unitName: string }) => c.unitName.startsWith('Islamabad'))).toBe(true);
    });

    it('an instructor lists the trainees of their unit, and no staff or other unit’s trainees', async () => {
      const users = (await http().get('/api/users?limit=200').set(bearer(t.instructor2))).body;
      expect(
        users.items.every(
          (u: { role: string; unitName: string }) => u.role === 'trainee' && u.unitName.startsWith('Allama Iqbal'),
        ),
      ).toBe(true);
      expect(users.items.some((u: { username: string }) => u.username === 'trainee13')).toBe(true);
    });

    it('an instructor does not see a cohort of another unit, nor its members', async () => {
      const isbCohort = (await http().get('/api/cohorts').set(bearer(t.instructor1))).body.find(
        (c: { name: string }) => c.name === 'Islamabad Intake 2026-A',
      );
      expect(isbCohort.memberCount).toBeGreaterThanOrEqual(12);
      expect((await http().get(`/api/cohorts/${isbCohort.id}`).set(bearer(t.instructor2))).status).toBe(404);
      expect((await http().get(`/api/cohorts/${isbCohort.id}/members`).set(bearer(t.instructor2))).status).toBe(404);
    });

    it('an instructor reads a trainee of their own unit, and another unit’s trainee is not found', async () => {
      const trainee01 = (await http().get('/api/users?q=trainee01').set(bearer(t.admin))).body.items[0];
      expect((await http().get(`/api/users/${trainee01.id}`).set(bearer(t.instructor2))).status).toBe(404);
      expect((await http().get(`/api/users/${trainee01.id}`).set(bearer(t.instructor1))).status).toBe(200);
    });

    it('names the unit of a user read by id', async () => {
      const trainee01 = (await http().get('/api/users?q=trainee01').set(bearer(t.admin))).body.items[0];
      const read = (await http().get(`/api/users/${trainee01.id}`).set(bearer(t.instructor1))).body;
      expect(read.unitName).toBe('Islamabad International Airport — Immigration');
    });

    it('names the unit of each member of a cohort', async () => {
      const cohort = (await http().get('/api/cohorts').set(bearer(t.instructor1))).body.find(
        (c: { name: string }) => c.name === 'Islamabad Intake 2026-A',
      );
      const members = (await http().get(`/api/cohorts/${cohort.id}/members`).set(bearer(t.instructor1))).body;
      expect(members.length).toBeGreaterThan(0);
      expect(
        members.every((u: { unitName: string }) => u.unitName === 'Islamabad International Airport — Immigration'),
      ).toBe(true);
    });

    it('an instructor cannot add another unit’s trainee to a cohort', async () => {
      const isb = (await http().get('/api/units').set(bearer(t.instructor1))).body[0];
      const cohort = (
        await http()
          .post('/api/cohorts')
          .set(bearer(t.instructor1))
          .send({ name: `Scoping ${Date.now()}`, unitId: isb.id })
      ).body;
      const lhe = (await http().get('/api/users?q=trainee13').set(bearer(t.admin))).body.items[0];
      const res = await http()
        .post(`/api/cohorts/${cohort.id}/members`)
        .set(bearer(t.instructor1))
        .send({ userIds: [lhe.id] });
      expect(res.status).toBe(400);
      expect(res.body.message).toMatch(/belongs to another unit/);
    });

    describe('a cohort’s instructors belong to its unit', () => {
      let isbUnitId: string;
      let lheUnitId: string;
      let instructor2Id: string;
      beforeAll(async () => {
        const units = (await http().get('/api/units').set(bearer(t.admin))).body as Array<{ id: string; code: string }>;
        isbUnitId = units.find((unit) => unit.code === 'ISB-IMM')!.id;
        lheUnitId = units.find((unit) => unit.code === 'LHE-IMM')!.id;
        instructor2Id = (await http().get('/api/auth/me').set(bearer(t.instructor2))).body.id;
      });

      it('POST /api/cohorts naming another unit’s instructor → 400 in words, and no cohort', async () => {
        const name = `Mixed ${Date.now()}`;
        const res = await http()
          .post('/api/cohorts')
          .set(bearer(t.admin))
          .send({ name, unitId: isbUnitId, instructorIds: [instructor2Id] });
        expect(res.status).toBe(400);
        expect(res.body.message).toBe(
          'A cohort’s instructors must belong to its unit: instructor2 belongs to another unit',
        );
        expect(await count('SELECT count(*) AS n FROM cohorts WHERE name = $1', [name])).toBe(0);
      });

      it('an instructor cannot name another unit’s instructor as co-instructor either', async () => {
        const res = await http()
          .post('/api/cohorts')
          .set(bearer(t.instructor1))
          .send({ name: `Co ${Date.now()}`, unitId: isbUnitId, instructorIds: [instructor2Id] });
        expect(res.status).toBe(400);
        expect(res.body.message).toMatch(/instructor2 belongs to another unit/);
      });

      it('PATCH /api/cohorts/:id adding another unit’s instructor → 400; the instructors stay as they were', async () => {
        const cohort = (
          await http()
            .post('/api/cohorts')
            .set(bearer(t.instructor1))
            .send({ name: `Patch ${Date.now()}`, unitId: isbUnitId })
        ).body;
        const res = await http()
          .patch(`/api/cohorts/${cohort.id}`)
          .set(bearer(t.instructor1))
          .send({ instructorIds: [instructor2Id] });
        expect(res.status).toBe(400);
        expect(res.body.message).toMatch(/instructor2 belongs to another unit/);
        const after = await http().get(`/api/cohorts/${cohort.id}`).set(bearer(t.instructor1));
        expect(after.body.instructorIds).toEqual(cohort.instructorIds);
      });

      it('an admin moving a cohort to another unit must bring instructors of that unit', async () => {
        const cohort = (
          await http()
            .post('/api/cohorts')
            .set(bearer(t.instructor1))
            .send({ name: `Move ${Date.now()}`, unitId: isbUnitId })
        ).body;
        const kept = await http().patch(`/api/cohorts/${cohort.id}`).set(bearer(t.admin)).send({ unitId: lheUnitId });
        expect(kept.status).toBe(400);
        expect(kept.body.message).toMatch(/instructor1 belongs to another unit/);
        const moved = await http()
          .patch(`/api/cohorts/${cohort.id}`)
          .set(bearer(t.admin))
          .send({ unitId: lheUnitId, instructorIds: [instructor2Id] });
        expect(moved.status).toBe(200);
        expect(moved.body).toMatchObject({ unitId: lheUnitId, instructorIds: [instructor2Id] });
      });
    });

    it('an instructor cannot create a cohort in another unit', async () => {
      const lheUnit = (await http().get('/api/units').set(bearer(t.instructor2))).body[0];
      expect(
        (await http().post('/api/cohorts').set(bearer(t.instructor1)).send({ name: 'Elsewhere', unitId: lheUnit.id }))
          .status,
      ).toBe(403);
    });
  });

  describe('CRUD with audit', () => {
    describe('a unit created, renamed and deleted', () => {
      const name = 'Torkham Border Crossing — Immigration';
      let created: request.Response;
      let renamed: request.Response;
      let deleted: request.Response;
      beforeAll(async () => {
        created = await http()
          .post('/api/units')
          .set(bearer(t.admin))
          .send({ name, code: `TKM-${Date.now() % 10000}` });
      });

      it('is created', () => {
        expect(created.status).toBe(201);
      });

      it('refuses a second unit with the same name', async () => {
        expect((await http().post('/api/units').set(bearer(t.admin)).send({ name, code: 'OTHER-1' })).status).toBe(409);
      });

      it('is renamed', async () => {
        renamed = await http()
          .patch(`/api/units/${created.body.id}`)
          .set(bearer(t.admin))
          .send({ name: 'Torkham — Immigration' });
        expect(renamed.body.name).toBe('Torkham — Immigration');
      });

      it('is deleted', async () => {
        deleted = await http().delete(`/api/units/${created.body.id}`).set(bearer(t.admin));
        expect(deleted.status).toBe(204);
      });

      it('leaves an audit entry per change, newest first, with before, after and the actor’s name', async () => {
        const audit = (await http().get(`/api/audit?entityType=unit&entityId=${created.body.id}`).set(bearer(t.admin)))
          .body.items;
        expect(audit.map((a: { action: string }) => a.action)).toEqual(['unit.delete', 'unit.update', 'unit.create']);
        expect(audit[1].before.name).toBe('Torkham Border Crossing — Immigration');
        expect(audit[1].after.name).toBe('Torkham — Immigration');
        expect(audit[1].actorName).toBe('Platform Administrator');
      });

      it('keeps in each audit entry the request id of the call that made it, so the audit trail leads to the logs', async () => {
        const { rows } = await db.query(
          `SELECT request_id FROM audit_log WHERE entity_type = 'unit' AND entity_id = $1 AND action = 'unit.update'`,
          [created.body.id],
        );
        expect(rows[0].request_id).toBe(renamed.headers['x-request-id']);
      });
    });

    it('refuses to delete a unit that still has people', async () => {
      const isb = (await http().get('/api/units').set(bearer(t.supervisor1))).body[0];
      const res = await http().delete(`/api/units/${isb.id}`).set(bearer(t.admin));
      expect(res.status).toBe(409);
      expect(res.body.message).toMatch(/still has/);
    });

    it('rejects a duplicate service number', async () => {
      const isb = (await http().get('/api/units').set(bearer(t.supervisor1))).body[0];
      const body = {
        username: `dup.${Date.now()}`,
        displayName: 'Dup',
        role: 'trainee',
        unitId: isb.id,
        password: 'a-long-password',
        serviceNumber: 'FIA-20401',
      };
      const res = await http().post('/api/users').set(bearer(t.admin)).send(body);
      expect(res.status).toBe(409);
      expect(res.body.message).toMatch(/Service number "FIA-20401" is already registered/);
    });

    it('never puts a password hash in the audit log', async () => {
      expect(
        await count(
          `SELECT count(*) AS n FROM audit_log WHERE before::text ILIKE '%argon2%' OR after::text ILIKE '%argon2%'`,
        ),
      ).toBe(0);
    });

    it('requires a unit for everyone but admins', async () => {
      const res = await http()
        .post('/api/users')
        .set(bearer(t.admin))
        .send({ username: `nounit.${Date.now()}`, displayName: 'X', role: 'trainee', password: 'a-long-password' });
      expect(res.status).toBe(400);
      expect(res.body.message).toMatch(/must belong to a unit/);
    });
  });

  describe('CSV import of trainees', () => {
    const upload = (token: string, csv: string | Buffer) =>
      http()
        .post('/api/users/import')
        .set(bearer(token))
        .attach('file', Buffer.isBuffer(csv) ? csv : Buffer.from(csv), {
          filename: 'trainees.csv',
          contentType: 'text/csv',
        });

    describe('a good file', () => {
      const suffix = Date.now() % 100000;
      let res: request.Response;
      beforeAll(async () => {
        const csv = `\uFEFFservice_number,name,unit,cohort,language\nIMP-${suffix}-1,Sadia Noor,ISB-IMM,Islamabad Intake 2026-A,ur\nIMP-${suffix}-2,Ali Raza,Islamabad International Airport — Immigration,,\n`;
        res = await upload(t.instructor1, csv);
      });

      it('creates every trainee, named by unit code or unit name', () => {
        expect(res.status).toBe(201);
        expect(res.body.created).toBe(2);
        expect(res.body.users[0]).toMatchObject({
          username: `imp-${suffix}-1`,
          serviceNumber: `IMP-${suffix}-1`,
          displayName: 'Sadia Noor',
        });
      });

      it('returns initial passwords that work, and keeps the language', async () => {
        const login = await http()
          .post('/api/auth/login')
          .send({ username: `imp-${suffix}-1`, password: res.body.users[0].initialPassword });
        expect(login.status).toBe(200);
        expect(login.body.user.language).toBe('ur');
      });

      it('enrols a trainee in the cohort named in the file', async () => {
        const sql = `SELECT count(*) AS n FROM cohort_members m JOIN users u ON u.id = m.user_id WHERE u.service_number = $1`;
        expect(await count(sql, [`IMP-${suffix}-1`])).toBe(1);
      });
    });

    it('rejects a bad file whole, with a report per row and column, and leaves nothing behind', async () => {
      const before = await count('SELECT count(*) AS n FROM users');
      const suffix = Date.now() % 100000;
      const csv = [
        'service_number,name,unit,cohort,language',
        `OK-${suffix}-1,Good Row,ISB-IMM,,en`, // row 2: fine on its own
        `FIA-20401,Taken Number,ISB-IMM,,en`, // row 3: already registered
        `OK-${suffix}-3,,ISB-IMM,,en`, // row 4: no name
        `OK-${suffix}-4,Wrong Unit,NOPE,,en`, // row 5: unknown unit
        `OK-${suffix}-5,Bad Language,ISB-IMM,,fr`, // row 6
        `OK-${suffix}-1,Duplicate In File,ISB-IMM,,en`, // row 7: duplicate of row 2
        `OK-${suffix}-7,Too,Many,Columns,here,extra`, // row 8
        `OK-${suffix}-8,No Cohort,ISB-IMM,Ghost Cohort,en`, // row 9
      ].join('\n');
      const res = await upload(t.admin, csv);
      expect(res.status).toBe(400);
      expect(res.body.details.errors).toEqual([
        { row: 3, column: 'service_number', reason: 'Service number is already registered' },
        { row: 4, column: 'name', reason: 'Name is required' },
        { row: 5, column: 'unit', reason: 'No unit with code or name "NOPE"' },
        { row: 6, column: 'language', reason: 'Language must be one of en, ur (got "fr")' },
        { row: 7, column: 'service_number', reason: 'Duplicate of row 2 in this file' },
        { row: 8, column: null, reason: 'Expected 5 columns, found 6' },
        { row: 9, column: 'cohort', reason: 'No cohort "Ghost Cohort" in unit ISB-IMM' },
      ]);
      expect(await count('SELECT count(*) AS n FROM users')).toBe(before);
    });

    it('rejects two service numbers that give one username (FIA/… and FIA-…), naming both rows', async () => {
      const before = await count('SELECT count(*) AS n FROM users');
      const n = 90000 + (Date.now() % 9000);
      const csv = [
        'service_number,name,unit,cohort,language',
        `FIA/${n},Slash Number,ISB-IMM,,en`, // row 2
        `OK-${n}-1,Innocent Row,ISB-IMM,,en`, // row 3
        `FIA-${n},Dash Number,ISB-IMM,,en`, // row 4: both become fia-<n>
      ].join('\n');
      const res = await upload(t.admin, csv);
      expect(res.status).toBe(400);
      expect(res.body.details.errors).toEqual([
        {
          row: 2,
          column: 'service_number',
          reason: `Gives the same username (fia-${n}) as FIA-${n} in row 4; usernames must differ`,
        },
        {
          row: 4,
          column: 'service_number',
          reason: `Gives the same username (fia-${n}) as FIA/${n} in row 2; usernames must differ`,
        },
      ]);
      expect(await count('SELECT count(*) AS n FROM users')).toBe(before);
    });

    it('rejects a service number whose username an existing user already has', async () => {
      const n = 80000 + (Date.now() % 9000);
      const first = await upload(t.admin, `service_number,name,unit,cohort,language\nFIA-${n},First,ISB-IMM,,en\n`);
      expect(first.status).toBe(201);
      const res = await upload(t.admin, `service_number,name,unit,cohort,language\nFIA/${n},Second,ISB-IMM,,en\n`);
      expect(res.status).toBe(400);
      expect(res.body.details.errors).toEqual([
        { row: 2, column: 'service_number', reason: `Username fia-${n} is already taken` },
      ]);
    });

    it('keeps formula-looking names as typed; every CSV writer neutralises them on the way out', async () => {
      const n = 70000 + (Date.now() % 9000);
      const names = ["=cmd|' /C calc'!A0", '+SUM(1+1)', '@HYPERLINK("http://evil.example","open")'];
      const csv = [
        'service_number,name,unit,cohort,language',
        ...names.map((name, index) => `XL-${n}-${index},"${name.replace(/"/g, '""')}",ISB-IMM,,en`),
      ].join('\n');
      const res = await upload(t.admin, csv);
      expect(res.status).toBe(201);
      const users = res.body.users as Array<{ displayName: string; serviceNumber: string; initialPassword: string }>;
      expect(users.map((user) => user.displayName)).toEqual(names);
      const written = toCsv(
        ['service_number', 'name'],
        users.map((user) => [user.serviceNumber, user.displayName]),
      );
      expect(written.split('\r\n').slice(1, 4)).toEqual([
        `XL-${n}-0,'=cmd|' /C calc'!A0`,
        `XL-${n}-1,'+SUM(1+1)`,
        `XL-${n}-2,"'@HYPERLINK(""http://evil.example"",""open"")"`,
      ]);
      expect(users.every((user) => /^[A-Za-z0-9]/.test(user.initialPassword))).toBe(true);
    });

    it('an instructor may import only into their own unit', async () => {
      const res = await upload(
        t.instructor1,
        `service_number,name,unit,cohort,language\nLHE-${Date.now() % 100000},Someone,LHE-IMM,,en\n`,
      );
      expect(res.status).toBe(400);
      expect(res.body.details.errors[0]).toEqual({
        row: 2,
        column: 'unit',
        reason: 'You may only import trainees into your own unit',
      });
    });

    it.each([
      ['an empty file', '', /empty or missing/],
      ['a wrong header', 'number,name\n1,x\n', /Header must be exactly/],
      ['a header only', 'service_number,name,unit,cohort,language\n', /no trainees/],
      ['binary junk', Buffer.from([0xff, 0xfe, 0x00, 0x81, 0x9f]), /not a UTF-8/],
      [
        'an unterminated quote',
        'service_number,name,unit,cohort,language\n"X-1,Name,ISB-IMM,,en\n',
        /not a readable CSV/,
      ],
    ])('answers %s with a clear 400', async (_, csv, message) => {
      const res = await upload(t.admin, csv as string);
      expect(res.status).toBe(400);
      expect(res.body.message + JSON.stringify(res.body.details)).toMatch(message);
    });

    it('answers a request without a file with 400', async () => {
      const res = await http().post('/api/users/import').set(bearer(t.admin)).field('other', 'x');
      expect(res.status).toBe(400);
    });

    it('answers an oversize file with 413', async () => {
      const big = 'service_number,name,unit,cohort,language\n' + 'X'.repeat(3 * 1024 * 1024);
      const res = await upload(t.admin, big);
      expect(res.status).toBe(413);
      expect(res.body.message).toMatch(/too large/);
    });
  });
});

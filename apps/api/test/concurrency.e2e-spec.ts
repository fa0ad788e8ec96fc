// The database must hold many concurrent transactions: 200 simultaneous writers, each a transaction with an
// audit entry, all committed, none lost, none duplicated. Runs on the embedded PostgreSQL and on a server alike.
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Client } from 'pg';
import request from 'supertest';
import { bearer, signIn, testApp } from './utils';

describe('200 simultaneous writers', () => {
  let app: NestExpressApplication;
  let admin: string;
  beforeAll(async () => {
    app = await testApp({ DB_POOL_SIZE: '40' });
    admin = await signIn(app, 'admin');
  });
  afterAll(() => app.close());

  it('commits every one of 200 concurrent unit creations exactly once', async () => {
    const tag = `C${Date.now() % 100000}`;
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        request(app.getHttpServer())
          .post('/api/units')
          .set(bearer(admin))
          .send({ name: `Concurrent ${tag} ${i}`, code: `${tag}-${i}` }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(200).fill(201));
    const db = new Client({ connectionString: process.env.FIRSTLINE_TEST_DATABASE_URL });
    await db.connect();
    try {
      const units = await db.query(`SELECT count(*)::int AS n FROM units WHERE code LIKE $1`, [`${tag}-%`]);
      const audit = await db.query(
        `SELECT count(*)::int AS n FROM audit_log WHERE action = 'unit.create' AND after->>'code' LIKE $1`,
        [`${tag}-%`],
      );
      expect(units.rows[0].n).toBe(200);
      expect(audit.rows[0].n).toBe(200);
    } finally {
      await db.end();
    }
  });

  it('serialises 200 concurrent writers racing for the same unique name: one wins, the rest get 409', async () => {
    const name = `Race ${Date.now()}`;
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        request(app.getHttpServer())
          .post('/api/units')
          .set(bearer(admin))
          .send({ name, code: `R${Date.now() % 1000}-${i}` }),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(199);
  });
});

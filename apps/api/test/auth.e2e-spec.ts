import type { NestExpressApplication } from '@nestjs/platform-express';
import { Client } from 'pg';
import request from 'supertest';
import { bearer, DEMO_PASSWORD, signIn, testApp } from './utils';

const cookieOf = (res: request.Response): string => {
  const set = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
  const cookie = set.find((header) => header.startsWith('fl_refresh='));
  if (!cookie) throw new Error('no refresh cookie');
  return cookie.split(';')[0];
};

describe('auth', () => {
  let app: NestExpressApplication;
  let adminToken: string;
  beforeAll(async () => {
    app = await testApp();
    adminToken = await signIn(app, 'admin');
  });
  afterAll(() => app.close());
  const http = () => request(app.getHttpServer());

  async function newUser(password = 'a-long-password'): Promise<{ username: string; id: string }> {
    const username = `auth.${Date.now().toString(36)}${Math.floor(Math.random() * 1e6)}`;
    const units = (await http().get('/api/units').set(bearer(adminToken))).body;
    const res = await http()
      .post('/api/users')
      .set(bearer(adminToken))
      .send({ username, displayName: 'Auth Test', role: 'trainee', unitId: units[0].id, password });
    expect(res.status).toBe(201);
    return { username, id: res.body.id };
  }

  const DEMO_USERS = ['admin', 'instructor1', 'instructor2', 'supervisor1', 'trainee01', 'trainee24'];

  it.each(DEMO_USERS)('demo user %s signs in and sees itself', async (username) => {
    const res = await http().post('/api/auth/login').send({ username, password: DEMO_PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body.user.username).toBe(username);
    expect(res.body.expiresIn).toBe(900);
    const me = await http().get('/api/auth/me').set(bearer(res.body.accessToken));
    expect(me.status).toBe(200);
    expect(me.body).toEqual(res.body.user);
  });

  it.each(DEMO_USERS)(
    'signing in as %s sets the refresh cookie HttpOnly, SameSite=Strict, for /api/auth only',
    async (username) => {
      const res = await http().post('/api/auth/login').send({ username, password: DEMO_PASSWORD });
      const cookie = ([] as string[]).concat(res.headers['set-cookie'])[0];
      expect(cookie).toMatch(/^fl_refresh=/);
      expect(cookie).toMatch(/HttpOnly/i);
      expect(cookie).toMatch(/SameSite=Strict/i);
      expect(cookie).toMatch(/Path=\/api\/auth/);
    },
  );

  it('names the signed-in user’s unit in the sign-in answer and in /api/auth/me', async () => {
    const res = await http().post('/api/auth/login').send({ username: 'trainee01', password: DEMO_PASSWORD });
    const me = await http().get('/api/auth/me').set(bearer(res.body.accessToken));
    expect(res.body.user.unitName).toBe('Islamabad International Airport — Immigration');
    expect(me.body.unitName).toBe('Islamabad International Airport — Immigration');
  });

  it('never says which part of a failed sign-in was wrong', async () => {
    const wrongPassword = await http().post('/api/auth/login').send({ username: 'trainee03', password: 'nope-nope' });
    const unknownUser = await http().post('/api/auth/login').send({ username: 'nobody-here', password: 'nope-nope' });
    expect(wrongPassword.status).toBe(401);
    expect(unknownUser.status).toBe(401);
    expect(wrongPassword.body.message).toBe(unknownUser.body.message);
    expect(wrongPassword.body.message).toBe('Invalid username or password');
  });

  it('accepts the username in any case and with spaces around it', async () => {
    const res = await http().post('/api/auth/login').send({ username: '  Trainee04 ', password: DEMO_PASSWORD });
    expect(res.status).toBe(200);
  });

  it('throttles a username after repeated failures (429 with Retry-After), even for the right password', async () => {
    const { username } = await newUser();
    for (let attempt = 0; attempt < 5; attempt++)
      expect((await http().post('/api/auth/login').send({ username, password: 'wrong-password' })).status).toBe(401);
    const blocked = await http().post('/api/auth/login').send({ username, password: 'a-long-password' });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(blocked.body.message).toMatch(/Too many failed sign-in attempts/);
  });

  it('counts failures atomically: of 30 parallel wrong-password sign-ins for one username, at most 5 are checked', async () => {
    const { username } = await newUser();
    const answers = await Promise.all(
      Array.from({ length: 30 }, () => http().post('/api/auth/login').send({ username, password: 'wrong-password' })),
    );
    const statuses = answers.map((res) => res.status);
    expect(statuses.filter((status) => status === 401).length).toBeLessThanOrEqual(5);
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(25);
    expect(statuses.every((status) => status === 401 || status === 429)).toBe(true);
  });

  it('throttles an address after repeated failures across usernames', async () => {
    const strict = await testApp({ LOGIN_MAX_FAILURES_PER_IP: '3', TRUST_PROXY: 'true' });
    try {
      const ip = `203.0.113.${Math.floor(Math.random() * 250) + 1}`;
      for (let attempt = 0; attempt < 3; attempt++) {
        const failed = await request(strict.getHttpServer())
          .post('/api/auth/login')
          .set('X-Forwarded-For', ip)
          .send({ username: `ghost${attempt}`, password: 'x-wrong' });
        expect(failed.status).toBe(401);
      }
      const blocked = await request(strict.getHttpServer())
        .post('/api/auth/login')
        .set('X-Forwarded-For', ip)
        .send({ username: 'trainee05', password: DEMO_PASSWORD });
      expect(blocked.status).toBe(429);
      const other = await request(strict.getHttpServer())
        .post('/api/auth/login')
        .set('X-Forwarded-For', '198.51.100.7')
        .send({ username: 'trainee05', password: DEMO_PASSWORD });
      expect(other.status).toBe(200);
    } finally {
      await strict.close();
    }
  });

  describe('refresh', () => {
    let first: string;
    let refreshed: request.Response;
    beforeAll(async () => {
      const login = await http().post('/api/auth/login').send({ username: 'trainee06', password: DEMO_PASSWORD });
      first = cookieOf(login);
      refreshed = await http().post('/api/auth/refresh').set('Cookie', first);
    });

    it('rotates the refresh token', () => {
      expect(refreshed.status).toBe(200);
      expect(cookieOf(refreshed)).not.toBe(first);
      expect(refreshed.body.user.username).toBe('trainee06');
    });

    it('ends the whole session when an old token is replayed', async () => {
      const second = cookieOf(refreshed);
      // Age the first token's rotation past the grace period for concurrent tabs, then replay it.
      const db = new Client({ connectionString: process.env.FIRSTLINE_TEST_DATABASE_URL });
      await db.connect();
      await db.query(`UPDATE refresh_tokens SET revoked_at = now() - interval '1 minute' WHERE revoked_at IS NOT NULL`);
      await db.end();
      expect((await http().post('/api/auth/refresh').set('Cookie', first)).status).toBe(401);
      // The thief's replay revoked the family: the legitimate newest token no longer works either.
      expect((await http().post('/api/auth/refresh').set('Cookie', second)).status).toBe(401);
    });
  });

  it('tolerates two tabs refreshing with the same token at once', async () => {
    const login = await http().post('/api/auth/login').send({ username: 'trainee07', password: DEMO_PASSWORD });
    const cookie = cookieOf(login);
    const [firstTab, secondTab] = await Promise.all([
      http().post('/api/auth/refresh').set('Cookie', cookie),
      http().post('/api/auth/refresh').set('Cookie', cookie),
    ]);
    expect([firstTab.status, secondTab.status]).toEqual([200, 200]);
  });

  describe('logout', () => {
    let cookie: string;
    let out: request.Response;
    beforeAll(async () => {
      const login = await http().post('/api/auth/login').send({ username: 'trainee08', password: DEMO_PASSWORD });
      cookie = cookieOf(login);
      out = await http().post('/api/auth/logout').set('Cookie', cookie);
    });

    it('clears the cookie', () => {
      expect(out.status).toBe(204);
      expect(([] as string[]).concat(out.headers['set-cookie'])[0]).toMatch(/fl_refresh=;/);
    });

    it('revokes the refresh token', async () => {
      expect((await http().post('/api/auth/refresh').set('Cookie', cookie)).status).toBe(401);
    });
  });

  it('rejects a request without an access token with 401', async () => {
    expect((await http().get('/api/auth/me')).status).toBe(401);
  });

  it('rejects a malformed access token with 401', async () => {
    expect((await http().get('/api/auth/me').set('Authorization', 'Bearer nonsense')).status).toBe(401);
  });

  it('rejects a forged access token (role changed, old signature) with 401', async () => {
    const token = await signIn(app, 'trainee09');
    const [header, payload, signature] = token.split('.');
    const forged = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), role: 'admin' }),
    ).toString('base64url');
    expect(
      (
        await http()
          .get('/api/audit')
          .set(bearer(`${header}.${forged}.${signature}`))
      ).status,
    ).toBe(401);
  });

  describe('a deactivated user is locked out at once', () => {
    let username: string;
    let token: string;
    beforeAll(async () => {
      const user = await newUser();
      username = user.username;
      token = await signIn(app, username, 'a-long-password');
      expect((await http().delete(`/api/users/${user.id}`).set(bearer(adminToken))).status).toBe(204);
    });

    it('their access token no longer works', async () => {
      expect((await http().get('/api/auth/me').set(bearer(token))).status).toBe(401);
    });

    it('they cannot sign in again', async () => {
      expect((await http().post('/api/auth/login').send({ username, password: 'a-long-password' })).status).toBe(401);
    });
  });

  describe('own account', () => {
    let username: string;
    let token: string;
    beforeAll(async () => {
      username = (await newUser('first-password-1')).username;
      token = await signIn(app, username, 'first-password-1');
    });

    it('refuses a password change with the wrong current password', async () => {
      const res = await http()
        .post('/api/auth/password')
        .set(bearer(token))
        .send({ currentPassword: 'wrong-one', newPassword: 'second-password-2' });
      expect(res.status).toBe(400);
    });

    it('changes the own password: the old one stops working, the new one signs in', async () => {
      const res = await http()
        .post('/api/auth/password')
        .set(bearer(token))
        .send({ currentPassword: 'first-password-1', newPassword: 'second-password-2' });
      expect(res.status).toBe(204);
      expect((await http().post('/api/auth/login').send({ username, password: 'first-password-1' })).status).toBe(401);
      token = await signIn(app, username, 'second-password-2');
    });

    it('changes the preferred language', async () => {
      const res = await http().patch('/api/auth/me').set(bearer(token)).send({ language: 'ur' });
      expect(res.status).toBe(200);
      expect(res.body.language).toBe('ur');
    });

    it('refuses to change the own role', async () => {
      expect((await http().patch('/api/auth/me').set(bearer(token)).send({ role: 'admin' })).status).toBe(400);
    });
  });

  it('stores passwords as argon2id hashes', async () => {
    const db = new Client({ connectionString: process.env.FIRSTLINE_TEST_DATABASE_URL });
    await db.connect();
    const { rows } = await db.query(`SELECT password_hash FROM users WHERE username = 'trainee10'`);
    await db.end();
    expect(rows[0].password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });
});

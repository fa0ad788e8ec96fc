// API hygiene: one error shape, clear 4xx for bad input (never 500), security headers, request ids, OpenAPI.
import fs from 'node:fs';
import path from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { buildOpenApi } from '../src/app.factory';
import { bearer, signIn, testApp } from './utils';

describe('API hygiene', () => {
  let app: NestExpressApplication;
  let admin: string;
  beforeAll(async () => {
    app = await testApp();
    admin = await signIn(app, 'admin');
  });
  afterAll(() => app.close());
  const http = () => request(app.getHttpServer());

  const expectErrorShape = (res: request.Response, status: number) => {
    expect(res.status).toBe(status);
    expect(res.body).toEqual(
      expect.objectContaining({ statusCode: status, error: expect.any(String), message: expect.any(String) }),
    );
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.(ts|js):\d+/); // no stack traces
  };

  it('malformed JSON → 400', async () => {
    const res = await http()
      .post('/api/auth/login')
      .set('Content-Type', 'application/json')
      .send('{"username": "admin",');
    expectErrorShape(res, 400);
    expect(res.body.message).toMatch(/^Malformed JSON in request body/);
  });

  it('unknown fields → 400 naming them', async () => {
    const res = await http()
      .post('/api/units')
      .set(bearer(admin))
      .send({ name: 'X unit', code: 'XU-1', colour: 'red' });
    expectErrorShape(res, 400);
    expect(JSON.stringify(res.body.details)).toMatch(/colour/);
  });

  it('wrong types → 400 naming the field', async () => {
    const res = await http()
      .post('/api/auth/login')
      .send({ username: 42, password: ['x'] });
    expectErrorShape(res, 400);
    expect(res.body.message).toMatch(/username/);
  });

  it('bad query values and bad ids → 400', async () => {
    expectErrorShape(await http().get('/api/users?limit=abc').set(bearer(admin)), 400);
    expectErrorShape(await http().get('/api/users?bogus=1').set(bearer(admin)), 400);
    const res = await http().get('/api/users/not-a-uuid').set(bearer(admin));
    expectErrorShape(res, 400);
    expect(res.body.message).toMatch(/id must be a UUID/);
  });

  it('oversize body → 413', async () => {
    const res = await http()
      .post('/api/auth/login')
      .send({ username: 'a', password: 'x'.repeat(2 * 1024 * 1024) });
    expectErrorShape(res, 413);
  });

  it.each([
    ['malformed JSON (400)', 400, '{"username": "admin",'],
    ['an oversize body (413)', 413, JSON.stringify({ username: 'a', password: 'x'.repeat(2 * 1024 * 1024) })],
  ])('%s carries the request id in the body and the X-Request-Id header', async (_, status, body) => {
    const given = await http()
      .post('/api/auth/login')
      .set('Content-Type', 'application/json')
      .set('X-Request-Id', 'probe-body-parser-1')
      .send(body);
    expectErrorShape(given, status);
    expect(given.headers['x-request-id']).toBe('probe-body-parser-1');
    expect(given.body.requestId).toBe('probe-body-parser-1');
    const generated = await http().post('/api/auth/login').set('Content-Type', 'application/json').send(body);
    expectErrorShape(generated, status);
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(generated.body.requestId).toBe(generated.headers['x-request-id']);
  });

  it('unknown API route → 404 in the same shape', async () => {
    expectErrorShape(await http().get('/api/no-such-thing'), 404);
  });

  it('sets security headers and a request id, and echoes a given one', async () => {
    const res = await http().get('/api/health').set('X-Request-Id', 'trace-abc-123');
    expect(res.headers['x-request-id']).toBe('trace-abc-123');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(res.headers['x-frame-options']).toBeDefined();
    expect(res.headers['x-powered-by']).toBeUndefined();
    const generated = await http().get('/api/health');
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  // RFC 6749 §5.1: a response holding tokens must carry `Cache-Control: no-store`; OWASP ASVS 4.0.3 8.2.1: sensitive
  // data is not cached by browsers. Signed media keep their own private max-age (media.e2e-spec).
  it('API answers are stored by no cache: tokens, personal data and errors carry no-store and no ETag', async () => {
    const login = await http().post('/api/auth/login').send({ username: 'admin', password: 'firstline-demo' });
    expect(login.status).toBe(200);
    expect(login.body.accessToken).toEqual(expect.any(String));
    const users = await http().get('/api/users').set(bearer(admin));
    expect(users.status).toBe(200);
    const denied = await http().get('/api/users');
    expect(denied.status).toBe(401);
    for (const res of [login, users, denied]) {
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers.etag).toBeUndefined();
    }
  });

  it('compresses responses for clients that accept gzip', async () => {
    const res = await http().get('/api/openapi.json').set('Accept-Encoding', 'gzip');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.body.openapi).toMatch(/^3\./);
  });

  it('health reports the database', async () => {
    const res = await http().get('/api/health');
    expect(res.body).toEqual({ status: 'ok', db: 'up', version: expect.any(String), demoContent: 'off' });
  });

  it('serves an OpenAPI document generated from the same schemas that validate requests', async () => {
    const res = await http().get('/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toMatch(/^3\./);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining(['/api/auth/login', '/api/users/import', '/api/cohorts/{id}/members']),
    );
    const schemas = JSON.stringify(res.body.components.schemas);
    expect(schemas).toMatch(/"additionalProperties":false/);
    expect((await http().get('/api/docs/')).status).toBe(200);
  });

  it('the committed openapi.json matches the code (regenerate with `npm run openapi -w apps/api`)', () => {
    const committed = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'openapi.json'), 'utf8'));
    expect(buildOpenApi(app)).toEqual(committed);
  });
});

// Helpers for e2e specs: an app on the run's test database, demo sign-ins, and request shortcuts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { createApp } from '../src/app.factory';
import { AppConfig, loadConfig } from '../src/config/config';

export const DEMO_PASSWORD = 'firstline-demo';

export function testConfig(overrides: Record<string, string> = {}): AppConfig {
  const url = process.env.FIRSTLINE_TEST_DATABASE_URL;
  if (!url)
    throw new Error(
      'FIRSTLINE_TEST_DATABASE_URL is not set: run the e2e specs through jest (global-setup makes the database)',
    );
  return loadConfig({
    DATABASE_URL: url,
    LOG_LEVEL: 'silent',
    DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'firstline-test-data-')),
    JWT_SECRET: 'test-secret-test-secret-test-secret-0123456789',
    LOGIN_MAX_FAILURES_PER_IP: '100000',
    WEB_DIST: '/nonexistent',
    // Apps of different specs share the database, not their media storage: only a spec that asks generates.
    ITEM_MODEL_GENERATION: 'false',
    ...overrides,
  });
}

export async function testApp(overrides: Record<string, string> = {}): Promise<NestExpressApplication> {
  const config = testConfig(overrides);
  const app = await createApp(config, config.DATABASE_URL!);
  await app.init();
  return app;
}

export async function signIn(app: NestExpressApplication, username: string, password = DEMO_PASSWORD): Promise<string> {
  const res = await request(app.getHttpServer()).post('/api/auth/login').send({ username, password });
  if (res.status !== 200) throw new Error(`sign-in as ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.accessToken as string;
}

/** Every file under `dir`, recursively, sorted (what a test compares before and after a rejected request). */
export function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/** The body of a response that has the expected status; otherwise the test fails with the status and the body. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a test reads what it expects from the body
export async function expectBody(req: request.Test, status = 200): Promise<any> {
  const res = await req;
  if (res.status !== status) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** A new trainee of the unit, created by an admin, signed in: their id and access token. */
export async function newTrainee(
  app: NestExpressApplication,
  adminToken: string,
  unitId: string,
  username: string,
  password: string,
): Promise<{ id: string; token: string }> {
  const user = await expectBody(
    request(app.getHttpServer())
      .post('/api/users')
      .set(bearer(adminToken))
      .send({ username, displayName: username, role: 'trainee', unitId, password }),
    201,
  );
  return { id: user.id, token: await signIn(app, username, password) };
}

/** Every registered route as "METHOD /path", read from the Express router itself. */
export function registeredRoutes(app: NestExpressApplication): string[] {
  const router = (
    app.getHttpAdapter().getInstance() as {
      router: { stack: Array<{ route?: { path: string; methods: Record<string, boolean> } }> };
    }
  ).router;
  const out = new Set<string>();
  for (const layer of router.stack) {
    if (!layer.route) continue;
    for (const [method, on] of Object.entries(layer.route.methods))
      if (on && method !== '_all') out.add(`${method.toUpperCase()} ${layer.route.path}`);
  }
  // `/api/{*splat}` is the request-logging middleware's mount (Nest registers middleware as route layers), not a route.
  return [...out]
    .filter((r) => r.includes(' /api/') && !r.includes('/api/docs') && !r.endsWith('/api/{*splat}'))
    .sort();
}

// Each test run gets its own database: created on DATABASE_URL's server (or on an embedded PostgreSQL when
// DATABASE_URL is unset), migrated and seeded with the demo organisation; dropped again in global-teardown.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '../src/database/embedded-postgres';
import { prepareDatabase } from '../src/database/migrate';

export default async function globalSetup(): Promise<void> {
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'firstline-test-pg-'));
    const embedded = await startEmbeddedPostgres({ dataDir });
    (globalThis as Record<string, unknown>).__FIRSTLINE_EMBEDDED__ = embedded;
    serverUrl = embedded.adminUrl;
    process.env.FIRSTLINE_TEST_EMBEDDED_DIR = dataDir;
  }
  const name = `firstline_test_${process.pid}_${Date.now().toString(36)}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  process.env.FIRSTLINE_TEST_SERVER_URL = serverUrl;
  process.env.FIRSTLINE_TEST_DATABASE = name;
  process.env.FIRSTLINE_TEST_DATABASE_URL = url.toString();
  await prepareDatabase(url.toString(), { seedDemo: true });
}

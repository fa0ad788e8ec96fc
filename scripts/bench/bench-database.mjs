// A fresh, migrated and seeded database for one benchmark: on DATABASE_URL's server, or on an embedded PostgreSQL
// when it is unset; dropped (and the embedded server stopped) by close().
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { apiDist } from './api-process.mjs';

const require = createRequire(import.meta.url);

/** { url, dataDir (scratch folder for the API's DATA_DIR), close() }. */
export async function openBenchDatabase(label) {
  const { Client } = require('pg');
  const { prepareDatabase } = require(apiDist('database/migrate.js'));
  const { startEmbeddedPostgres } = require(apiDist('database/embedded-postgres.js'));
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `firstline-bench-${label}-`));
  fs.chmodSync(dataDir, 0o755);
  let embedded = null;
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    embedded = await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'pg') });
    serverUrl = embedded.adminUrl;
  }
  const dbName = `firstline_bench_${label}_${process.pid}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  const url = new URL(serverUrl);
  url.pathname = `/${dbName}`;
  const close = async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => undefined);
    await admin.end();
    if (embedded) await embedded.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await prepareDatabase(url.toString(), { seedDemo: true });
  } catch (e) {
    await close();
    throw e;
  }
  return { url: url.toString(), dataDir, close };
}

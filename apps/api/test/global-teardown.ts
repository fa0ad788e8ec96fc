import fs from 'node:fs';
import { Client } from 'pg';
import type { EmbeddedDatabase } from '../src/database/embedded-postgres';

export default async function globalTeardown(): Promise<void> {
  const serverUrl = process.env.FIRSTLINE_TEST_SERVER_URL;
  const name = process.env.FIRSTLINE_TEST_DATABASE;
  if (serverUrl && name) {
    const admin = new Client({ connectionString: serverUrl });
    await admin.connect();
    try {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    } finally {
      await admin.end();
    }
  }
  const embedded = (globalThis as Record<string, unknown>).__FIRSTLINE_EMBEDDED__ as EmbeddedDatabase | undefined;
  if (embedded) {
    await embedded.stop();
    fs.rmSync(embedded.dataDir, { recursive: true, force: true });
  }
}

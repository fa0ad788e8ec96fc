// A database of a spec's own, beside the run's shared one: for specs that write what others must not see (the demo
// history gives trainees attempts; the PDF spec renames officers). Created on the run's PostgreSQL server, migrated
// and seeded with the demo organisation as global-setup does; dropped by `drop()`.
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { prepareDatabase } from '../src/database/migrate';

export interface OwnDatabase {
  url: string;
  drop(): Promise<void>;
}

async function asAdmin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const serverUrl = process.env.FIRSTLINE_TEST_SERVER_URL;
  if (!serverUrl) throw new Error('FIRSTLINE_TEST_SERVER_URL is not set: run the e2e specs through jest');
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function ownDatabase(label: string): Promise<OwnDatabase> {
  const name = `${process.env.FIRSTLINE_TEST_DATABASE ?? 'firstline_test'}_${label}_${randomBytes(3).toString('hex')}`;
  await asAdmin((client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(process.env.FIRSTLINE_TEST_SERVER_URL!);
  url.pathname = `/${name}`;
  await prepareDatabase(url.toString(), { seedDemo: true });
  return {
    url: url.toString(),
    drop: () => asAdmin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

import { createDataSource } from './data-source';
import { seedDemoOrganisation, type SeedReport } from './demo-organisation';

export interface PreparedDatabase {
  applied: string[];
  seeded?: SeedReport;
}

/**
 * Brings a database up to date on one short-lived connection pool: pending migrations under an advisory lock (so
 * replicas starting together migrate once), then the demo organisation if asked. Used by start-up and by tests.
 */
export async function prepareDatabase(url: string, options: { seedDemo: boolean }): Promise<PreparedDatabase> {
  const ds = createDataSource(url, 2);
  await ds.initialize();
  try {
    const runner = ds.createQueryRunner();
    let applied: string[];
    try {
      await runner.connect();
      await runner.query('SELECT pg_advisory_lock(727000)');
      applied = (await ds.runMigrations({ transaction: 'each' })).map((m) => m.name);
    } finally {
      await runner.query('SELECT pg_advisory_unlock(727000)').catch(() => undefined);
      await runner.release();
    }
    return { applied, seeded: options.seedDemo ? await seedDemoOrganisation(ds) : undefined };
  } finally {
    await ds.destroy();
  }
}

// The API's pool (database/data-source.ts) keeps the connections a burst opened: after a pause longer than pg-pool's
// default idle timeout (10 s), the next burst runs on the same PostgreSQL backends, their caches warm and their
// statements prepared — on the run's real PostgreSQL.
import type { DataSource } from 'typeorm';
import { createDataSource } from '../src/database/data-source';

jest.setTimeout(60_000);

const CONNECTIONS = 6;

describe('database pool', () => {
  let ds: DataSource;
  beforeAll(async () => {
    ds = await createDataSource(process.env.FIRSTLINE_TEST_DATABASE_URL!, CONNECTIONS).initialize();
  });
  afterAll(() => ds.destroy());

  /** The backends that answer `CONNECTIONS` queries at once (each holds its connection for 0.2 s). */
  const burst = async () => {
    const rows: Array<Array<{ pid: number }>> = await Promise.all(
      Array.from({ length: CONNECTIONS }, () => ds.query('SELECT pg_backend_pid() AS pid, pg_sleep(0.2)')),
    );
    return rows.map(([row]) => row.pid).sort((a, b) => a - b);
  };

  it('keeps the connections a burst opened through a quiet spell, so the next burst meets the same backends', async () => {
    const first = await burst();
    expect(new Set(first).size).toBe(CONNECTIONS);
    await new Promise((resolve) => setTimeout(resolve, 11_000));
    expect(await burst()).toEqual(first);
  });
});

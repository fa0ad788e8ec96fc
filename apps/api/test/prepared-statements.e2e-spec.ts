// The pool's client prepares the statements a repository marked, once per connection, and sends everything else as
// before (common/sql/prepared.ts) — on the run's real PostgreSQL, whose pg_prepared_statements lists a session's
// prepared statements.
import { Pool, type PoolClient } from 'pg';
import { prepared, preparedName, PreparingClient } from '../src/common/sql/prepared';
import { createDataSource } from '../src/database/data-source';

const MARKED = prepared('SELECT id, username FROM users WHERE username = $1');
const UNMARKED = 'SELECT id FROM users WHERE username = $1';

describe('prepared statements', () => {
  let pool: Pool;
  let client: PoolClient;
  beforeAll(async () => {
    pool = new Pool({ connectionString: process.env.FIRSTLINE_TEST_DATABASE_URL, max: 1, Client: PreparingClient });
    client = await pool.connect();
  });
  afterAll(async () => {
    client.release();
    await pool.end();
  });

  const preparedHere = async () =>
    (await client.query<{ name: string }>('SELECT name FROM pg_prepared_statements')).rows.map((r) => r.name);

  it('prepares a marked statement on its first execution and answers as an unnamed one does', async () => {
    const name = preparedName(MARKED)!;
    expect(name).toMatch(/^fl_[0-9a-f]{20}$/);
    expect(await preparedHere()).not.toContain(name);
    const first = await client.query(MARKED, ['trainee01']);
    const again = await client.query(MARKED, ['admin']);
    expect(await preparedHere()).toEqual([name]);
    expect(first.rows).toEqual([{ id: expect.any(String), username: 'trainee01' }]);
    expect(again.rows).toEqual([{ id: expect.any(String), username: 'admin' }]);
    expect((await client.query(UNMARKED, ['trainee01'])).rows).toEqual([{ id: first.rows[0].id }]);
    expect(await preparedHere()).toEqual([name]);
  });

  it('keeps the callback form and the config form of pg working', async () => {
    const viaCallback = await new Promise<unknown[]>((resolve, reject) =>
      client.query(MARKED, ['trainee01'], (err, res) => (err ? reject(err) : resolve(res.rows))),
    );
    expect(viaCallback).toHaveLength(1);
    const viaConfig = await client.query({ text: MARKED, values: ['trainee01'] });
    expect(viaConfig.rows).toEqual(viaCallback);
  });

  it("is the app's pool client: TypeORM's queries of a marked statement run prepared", async () => {
    const ds = await createDataSource(process.env.FIRSTLINE_TEST_DATABASE_URL!, 1).initialize();
    try {
      await ds.query(MARKED, ['trainee01']);
      const names: Array<{ name: string }> = await ds.query('SELECT name FROM pg_prepared_statements');
      expect(names.map((r) => r.name)).toEqual([preparedName(MARKED)]);
    } finally {
      await ds.destroy();
    }
  });
});

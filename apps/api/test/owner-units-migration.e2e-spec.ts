// The OwnerUnits migration on a database from before it: exercises and modules take the unit of whoever created
// them, seeded demo content the unit of the demo cohorts it is assigned to, and an admin's content none.
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source';
import { seedDemoOrganisation } from '../src/database/demo-organisation';
import { MIGRATIONS } from '../src/database/migrations';

describe('migration OwnerUnits1796300000000', () => {
  const name = `${process.env.FIRSTLINE_TEST_DATABASE}_owner_units`;
  const serverUrl = process.env.FIRSTLINE_TEST_SERVER_URL!;
  const url = Object.assign(new URL(serverUrl), { pathname: `/${name}` }).toString();
  let ds: DataSource;
  const rows: Record<string, string> = {};

  const admin = async (sql: string) => {
    const client = new Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    await admin(`CREATE DATABASE ${name}`);
    const before = MIGRATIONS.slice(
      0,
      MIGRATIONS.findIndex((m) => m.name === 'OwnerUnits1796300000000'),
    );
    const old = new DataSource({ ...dataSourceOptions(url, 2), migrations: before });
    await old.initialize();
    await old.runMigrations({ transaction: 'each' });
    await seedDemoOrganisation(old);
    const one = async (sql: string, params: unknown[] = []) =>
      ((await old.query(sql, params)) as Array<{ id: string }>)[0].id;
    const user = (username: string) => one('SELECT id FROM users WHERE username = $1', [username]);
    const cohort = (cohortName: string) => one('SELECT id FROM cohorts WHERE name = $1', [cohortName]);
    const exercise = (createdBy: string | null, seedKey: string | null) =>
      one('INSERT INTO exercises (created_by, seed_key) VALUES ($1, $2) RETURNING id', [createdBy, seedKey]);
    const trainingModule = (createdBy: string | null, seedKey: string | null, exerciseIds: string[]) =>
      one(
        `INSERT INTO training_modules (title, description, lesson_specimen_ids, exercise_ids, settings, created_by, seed_key)
         VALUES ('m', '', '[]', $1, '{}', $2, $3) RETURNING id`,
        [JSON.stringify(exerciseIds), createdBy, seedKey],
      );
    rows.byInstructor1 = await exercise(await user('instructor1'), null);
    rows.byAdmin = await exercise(await user('admin'), null);
    rows.seededExercise = await exercise(null, 'demo-exercise:1:a');
    rows.moduleByInstructor2 = await trainingModule(await user('instructor2'), null, []);
    rows.seededModule = await trainingModule(null, 'demo-module:practice', [rows.seededExercise]);
    const version = await one(
      `INSERT INTO module_versions (module_id, version, title, description, lesson_specimen_ids, pool, settings)
       VALUES ($1, 1, 'm', '', '[]', '[]', '{}') RETURNING id`,
      [rows.seededModule],
    );
    // Assigned across both demo units, Lahore first: the first unit by code (ISB-IMM) keeps it.
    for (const cohortName of ['Lahore Intake 2026-A', 'Islamabad Intake 2026-A'])
      await old.query(`INSERT INTO assignments (module_version_id, cohort_id, opens_at) VALUES ($1, $2, now())`, [
        version,
        await cohort(cohortName),
      ]);
    await old.destroy();
    ds = new DataSource(dataSourceOptions(url, 2));
    await ds.initialize();
    await ds.runMigrations({ transaction: 'each' });
  });

  afterAll(async () => {
    await ds?.destroy();
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });

  const unitCodeOf = async (table: 'exercises' | 'training_modules', id: string): Promise<string | null> => {
    const [row] = await ds.query(
      `SELECT u.code FROM ${table} t LEFT JOIN units u ON u.id = t.unit_id WHERE t.id = $1`,
      [id],
    );
    return row.code;
  };

  it('gives an exercise or module the unit of the instructor who created it', async () => {
    expect(await unitCodeOf('exercises', rows.byInstructor1)).toBe('ISB-IMM');
    expect(await unitCodeOf('training_modules', rows.moduleByInstructor2)).toBe('LHE-IMM');
  });

  it('gives seeded demo modules the unit of their cohorts, and their exercises the same', async () => {
    expect(await unitCodeOf('training_modules', rows.seededModule)).toBe('ISB-IMM');
    expect(await unitCodeOf('exercises', rows.seededExercise)).toBe('ISB-IMM');
  });

  it('leaves an admin’s exercise without a unit (admins only)', async () => {
    expect(await unitCodeOf('exercises', rows.byAdmin)).toBeNull();
  });
});

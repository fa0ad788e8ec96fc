// The exam benchmark's people and exams: bench officers (trainees with the demo password) in one cohort of a bench
// unit, and fresh assignments of the demo's timed assessment (20 items), one per run so every run starts new attempts.
import { randomUUID } from 'node:crypto';

/** Creates `count` officers bench-officer-0001… in a new unit and cohort; returns { cohortId, usernames }. */
export async function seedOfficers(db, count) {
  const { rows } = await db.query(`SELECT password_hash FROM users WHERE username = 'trainee01'`);
  if (!rows.length) throw new Error('the demo users are missing (seedDemo)');
  const unitId = randomUUID();
  const cohortId = randomUUID();
  await db.query(`INSERT INTO units (id, name, code) VALUES ($1, 'Bench exam unit', 'BENCH-EXAM')`, [unitId]);
  await db.query(`INSERT INTO cohorts (id, name, unit_id) VALUES ($1, 'Bench exam shift', $2)`, [cohortId, unitId]);
  const usernames = Array.from({ length: count }, (_, i) => `bench-officer-${String(i + 1).padStart(4, '0')}`);
  await db.query(
    `WITH officers AS (
       INSERT INTO users (username, display_name, role, unit_id, password_hash)
       SELECT u, 'Bench officer ' || right(u, 4), 'trainee', $2, $3 FROM unnest($1::text[]) AS u
       RETURNING id)
     INSERT INTO cohort_members (cohort_id, user_id) SELECT $4, id FROM officers`,
    [usernames, unitId, rows[0].password_hash, cohortId],
  );
  return { cohortId, usernames };
}

/** The published version of the demo's timed assessment, or null while the demo content is still being prepared. */
export async function assessmentVersion(db) {
  const { rows } = await db.query(
    `SELECT id FROM module_versions
      WHERE settings->>'mode' = 'assessment' AND item_models = '[]'::jsonb AND pool <> '[]'::jsonb
      ORDER BY published_at DESC, id LIMIT 1`,
  );
  return rows[0]?.id ?? null;
}

/** A new assignment of the assessment to the cohort, open now. */
export async function assignExam(db, moduleVersionId, cohortId) {
  const { rows } = await db.query(
    `INSERT INTO assignments (module_version_id, cohort_id, opens_at) VALUES ($1, $2, now() - interval '1 minute')
     RETURNING id`,
    [moduleVersionId, cohortId],
  );
  return rows[0].id;
}

// The reports benchmark's data: a national-scale organisation bulk-loaded with COPY. 10,000 officers (20 cohorts of
// 500) in one unit, 1,000 exercises, one assessment module assigned to every cohort, and for each officer 5 finished
// attempts of 20 items — 1,000,000 answered items — with the report facts and the daily roll-up the API keeps beside
// them. Each officer decides as a signal-detection observer with their own d′ and criterion, so the figures have
// realistic spread.
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { Readable } from 'node:stream';

export const OFFICERS = 10_000;
export const COHORT_SIZE = 500;
const EXERCISES = 1_000;
const ATTEMPTS_PER_OFFICER = 5;
const ITEMS_PER_ATTEMPT = 20;
const WEEKS = 8;

const FRAUD_TYPES = ['photo-substitution', 'data-alteration', 'counterfeit', 'impostor', 'page-substitution'];
const CATEGORIES = ['personalisation', 'printed-design', 'security-inks', 'optically-variable', 'substrate'];
const LIGHTS = ['visible', 'uv365', 'transmitted', 'oblique', 'ir'];
const STATES = ['UTO', 'ZZA', 'ZZB', 'ZZC'];
const DOC_TYPES = ['passport', 'id-card'];

/** Mulberry32: a small seeded PRNG, so every run loads the same data. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Φ by the Abramowitz–Stegun 7.1.26 approximation: ample for generating decisions. */
function phi(x) {
  const t = 1 / (1 + 0.3275911 * Math.abs(x / Math.SQRT2));
  const y =
    1 -
    ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) *
      t *
      Math.exp(-(x * x) / 2);
  return x >= 0 ? (1 + y) / 2 : (1 - y) / 2;
}

const esc = (v) => {
  if (v === null || v === undefined) return '\\N';
  const s = typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v);
  return s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
};
const pgArray = (xs) => `{${xs.join(',')}}`;

/** The roll-up migration's backfill SQL, from the built API (read when loading: the bench checks the build first). */
const rollupBackfill = () =>
  createRequire(import.meta.url)('../../apps/api/dist/database/migrations/1796250000000-ReportRollup.js')
    .BACKFILL_REPORT_OFFICER_DAYS;

/** A version-4-shaped UUID from the PRNG (deterministic, unlike crypto.randomUUID). */
export function uuidFrom(random) {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
  hex[12] = '4';
  hex[16] = '89ab'[Math.floor(random() * 4)];
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** COPY rows (arrays of values) produced by a generator into table(columns). */
export async function copy(db, copyFrom, pipeline, table, columns, rows) {
  async function* lines() {
    let batch = [];
    for (const row of rows) {
      batch.push(row.map(esc).join('\t'));
      if (batch.length === 2000) {
        yield `${batch.join('\n')}\n`;
        batch = [];
      }
    }
    if (batch.length) yield `${batch.join('\n')}\n`;
  }
  const stream = db.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
  await pipeline(Readable.from(lines()), stream);
}

export async function bulkLoad(db, copyFrom, pipeline) {
  const random = prng(20261203);
  const pick = (xs) => xs[Math.floor(random() * xs.length)];
  const load = async (table, columns, rows) => {
    const t0 = Date.now();
    await copy(db, copyFrom, pipeline, table, columns, rows);
    if (process.env.BENCH_TRACE) console.log(`  ${table}: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  };
  // The generated rows are consistent by construction: skip the per-row foreign-key triggers while loading, as a
  // restore does (needs a superuser, which the bench database's owner is).
  await db.query(`SET session_replication_role = replica`);

  const { rows: sup } = await db.query(`SELECT password_hash FROM users WHERE username = 'supervisor1'`);
  const unitId = randomUUID();
  await db.query(`INSERT INTO units (id, name, code) VALUES ($1, 'Bench national unit', 'BENCH')`, [unitId]);
  await db.query(
    `INSERT INTO users (username, display_name, role, unit_id, password_hash)
     VALUES ('bench-supervisor', 'Bench Supervisor', 'supervisor', $1, $2)`,
    [unitId, sup[0].password_hash],
  );

  const officers = Array.from({ length: OFFICERS }, (_, i) => ({
    id: randomUUID(),
    username: `bench-${String(i + 1).padStart(5, '0')}`,
    dPrime: 0.3 + random() * 2.7,
    criterion: (random() - 0.5) * 1.4,
    speedMs: 4000 + random() * 9000,
  }));
  await load(
    'users',
    ['id', 'username', 'display_name', 'role', 'unit_id', 'password_hash'],
    officers.map((o, i) => [o.id, o.username, `Officer ${i + 1}`, 'trainee', unitId, sup[0].password_hash]),
  );
  const cohortIds = Array.from({ length: OFFICERS / COHORT_SIZE }, () => randomUUID());
  await load(
    'cohorts',
    ['id', 'name', 'unit_id'],
    cohortIds.map((id, i) => [id, `Bench cohort ${i + 1}`, unitId]),
  );
  await load(
    'cohort_members',
    ['cohort_id', 'user_id'],
    officers.map((o, i) => [cohortIds[Math.floor(i / COHORT_SIZE)], o.id]),
  );

  const exercises = Array.from({ length: EXERCISES }, (_, i) => {
    const fraudulent = i % 2 === 0;
    return {
      id: randomUUID(),
      versionId: randomUUID(),
      title: `Bench exercise ${i + 1}`,
      verdict: fraudulent ? 'fraudulent' : 'genuine',
      fraudType: fraudulent ? pick(FRAUD_TYPES) : 'genuine',
      categories: fraudulent ? [pick(CATEGORIES)] : [],
      lights: fraudulent ? [pick(LIGHTS)] : [],
      state: pick(STATES),
      documentType: pick(DOC_TYPES),
    };
  });
  await load(
    'exercises',
    ['id'],
    exercises.map((e) => [e.id]),
  );
  const parts = { locate: { maxPoints: 3 }, fraudType: true, features: false, mrz: false };
  await load(
    'exercise_versions',
    [
      'id',
      'exercise_id',
      'version',
      'title',
      'issuing_state',
      'document_type',
      'difficulty',
      'tags',
      'parts',
      'images',
      'mrz',
      'feature_options',
      'truth',
      'fraud_type',
      'verdict',
    ],
    exercises.map((e) => [
      e.versionId,
      e.id,
      1,
      e.title,
      e.state,
      e.documentType,
      2,
      [],
      parts,
      [],
      {},
      [],
      { verdict: e.verdict, fraudType: e.fraudType, regions: [], explanation: 'Bench item.' },
      e.fraudType,
      e.verdict,
    ]),
  );

  await db.query(
    `UPDATE exercises e SET current_version_id = v.id FROM exercise_versions v
      WHERE v.exercise_id = e.id AND e.current_version_id IS NULL`,
  );

  const moduleId = randomUUID();
  const moduleVersionId = randomUUID();
  const settings = {
    mode: 'assessment',
    feedback: 'after-attempt',
    timePerItemSeconds: 60,
    moduleTimeSeconds: null,
    drawCount: ITEMS_PER_ATTEMPT,
    minGenuineShare: 0.4,
    passMark: 80,
    attemptsAllowed: null,
  };
  const pool = JSON.stringify(exercises.map((e) => e.versionId));
  await db.query(
    `INSERT INTO training_modules (id, title, description, lesson_specimen_ids, exercise_ids, settings)
     VALUES ($1, 'Bench assessment', 'Bench', '[]', $2, $3)`,
    [moduleId, JSON.stringify(exercises.map((e) => e.id)), settings],
  );
  await db.query(
    `INSERT INTO module_versions (id, module_id, version, title, description, lesson_specimen_ids, pool, settings)
     VALUES ($1, $2, 1, 'Bench assessment', 'Bench', '[]', $3, $4)`,
    [moduleVersionId, moduleId, pool, settings],
  );
  const now = Date.now();
  const start = now - WEEKS * 7 * 86_400_000;
  const assignments = cohortIds.map((cohortId) => ({ id: randomUUID(), cohortId }));
  await load(
    'assignments',
    ['id', 'module_version_id', 'cohort_id', 'opens_at'],
    assignments.map((a) => [a.id, moduleVersionId, a.cohortId, new Date(start).toISOString()]),
  );

  // Attempts, their items and the facts: one officer's history is generated from a PRNG seeded by the officer, so
  // the four tables can be streamed one after another (never 1M rows in memory) and still agree row for row.
  const history = (kind) =>
    (function* () {
      for (let i = 0; i < officers.length; i++) yield* officerHistory(officers[i], i, kind);
    })();
  const officerHistory = function* (o, i, kind) {
    const r = prng(7919 * (i + 1));
    const assignment = assignments[Math.floor(i / COHORT_SIZE)];
    for (let a = 0; a < ATTEMPTS_PER_OFFICER; a++) {
      const attemptId = uuidFrom(r);
      const startedAt = start + ((a + r()) / ATTEMPTS_PER_OFFICER) * (now - start - 86_400_000);
      let clock = startedAt;
      let total = 0;
      for (let n = 1; n <= ITEMS_PER_ATTEMPT; n++) {
        const e = exercises[Math.floor(r() * EXERCISES)];
        const fraudulent = e.verdict === 'fraudulent';
        const pRefer = phi((fraudulent ? o.dPrime / 2 : -o.dPrime / 2) - o.criterion);
        const decision = r() < pRefer ? 'refer' : 'accept';
        const outcome = fraudulent
          ? decision === 'refer'
            ? 'hit'
            : 'miss'
          : decision === 'refer'
            ? 'falseAlarm'
            : 'correctRejection';
        const correct = outcome === 'hit' || outcome === 'correctRejection';
        const ms = Math.round(o.speedMs * (0.5 + r()));
        const servedAt = new Date(clock).toISOString();
        clock += ms;
        const answeredAt = new Date(clock).toISOString();
        const locate = fraudulent && correct ? r() : null;
        const fraudTypeScore = fraudulent && correct ? (r() < 0.6 ? 1 : 0) : null;
        const score = correct ? (fraudulent ? 0.6 + 0.4 * (locate ?? 0) : 1) : 0;
        total += score;
        const itemId = uuidFrom(r);
        if (kind === 'items') {
          const answer = { decision, points: [], features: [] };
          yield [itemId, attemptId, n, e.versionId, servedAt, answer, answeredAt, false, ms, score, outcome];
        } else if (kind === 'itemFacts') {
          yield [
            itemId,
            attemptId,
            n,
            o.id,
            assignment.cohortId,
            assignment.id,
            moduleId,
            moduleVersionId,
            'assessment',
            e.id,
            e.versionId,
            answeredAt,
            e.verdict,
            e.fraudType,
            e.state,
            e.documentType,
            pgArray(e.categories),
            pgArray(e.lights),
            decision,
            outcome,
            false,
            ms,
            score,
            locate,
            fraudTypeScore,
          ];
        }
      }
      const pct = (100 * total) / ITEMS_PER_ATTEMPT;
      const times = [new Date(startedAt).toISOString(), new Date(clock).toISOString()];
      if (kind === 'attempts') {
        yield [attemptId, assignment.id, o.id, 'finished', ITEMS_PER_ATTEMPT, ...times, pct, pct >= 80];
      } else if (kind === 'attemptFacts') {
        const where = [o.id, assignment.cohortId, assignment.id, moduleId, moduleVersionId, 'assessment'];
        yield [attemptId, ...where, ...times, pct, pct >= 80];
      }
    }
  };
  await loadHistoryTables(load, history);
  // The daily roll-up the API keeps beside the facts, summed from the loaded facts by the migration's own backfill.
  const t0 = Date.now();
  await db.query(rollupBackfill());
  if (process.env.BENCH_TRACE) console.log(`  report_officer_days: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  await db.query(`SET session_replication_role = DEFAULT`);
  // VACUUM sets the visibility map (autovacuum does it on a live database after inserts), so the medians' index-only
  // scan reads no table pages; ANALYZE gives the planner the new tables' statistics.
  await db.query('VACUUM ANALYZE');
  return { unitId, cohortIds, answered: OFFICERS * ATTEMPTS_PER_OFFICER * ITEMS_PER_ATTEMPT };
}

/**
 * COPYs a finished history into the four tables the API writes per answer and per attempt: `history(kind)` yields the
 * rows of `attempts`, `items`, `itemFacts` and `attemptFacts` in these columns.
 */
export async function loadHistoryTables(load, history) {
  const attemptColumns = ['id', 'assignment_id', 'user_id', 'status', 'item_count', 'started_at', 'finished_at'];
  await load('attempts', [...attemptColumns, 'score', 'passed'], history('attempts'));
  await load(
    'attempt_items',
    [
      'id',
      'attempt_id',
      'n',
      'exercise_version_id',
      'first_served_at',
      'answer',
      'locked_at',
      'late',
      'response_time_ms',
      'score',
      'outcome',
    ],
    history('items'),
  );
  await load(
    'report_item_facts',
    [
      'attempt_item_id',
      'attempt_id',
      'n',
      'user_id',
      'cohort_id',
      'assignment_id',
      'module_id',
      'module_version_id',
      'mode',
      'exercise_id',
      'exercise_version_id',
      'answered_at',
      'verdict',
      'fraud_type',
      'issuing_state',
      'document_type',
      'feature_categories',
      'lights',
      'decision',
      'outcome',
      'late',
      'response_time_ms',
      'score',
      'locate_score',
      'fraud_type_score',
    ],
    history('itemFacts'),
  );
  await load(
    'report_attempt_facts',
    [
      'attempt_id',
      'user_id',
      'cohort_id',
      'assignment_id',
      'module_id',
      'module_version_id',
      'mode',
      'started_at',
      'finished_at',
      'score',
      'passed',
    ],
    history('attemptFacts'),
  );
}

// The item-analysis benchmark's data, bulk-loaded with COPY: one published 20-item assessment of instructor1's unit
// and 10,000 finished attempts by 10,000 officers, every attempt answering all 20 items (in its own order), with the
// attempt and item report facts the API keeps beside them. Officers answer as a Rasch model says (ability against
// item difficulty) and name the fraud type right more often the abler they are, so the figures have realistic spread.
import { randomUUID } from 'node:crypto';
import { copy, loadHistoryTables, prng, uuidFrom } from './reports-data.mjs';

export const ATTEMPTS = 10_000;
export const ITEMS = 20;

const FRAUD_TYPES = [
  'forged:photo-substitution',
  'forged:data-alteration',
  'counterfeit',
  'impostor',
  'forged:page-substitution',
];

const logistic = (x) => 1 / (1 + Math.exp(-x));

export async function bulkLoad(db, copyFrom, pipeline) {
  const random = prng(20261204);
  const load = (table, columns, rows) => copy(db, copyFrom, pipeline, table, columns, rows);
  await db.query(`SET session_replication_role = replica`);

  const { rows: staff } = await db.query(`SELECT unit_id, password_hash FROM users WHERE username = 'instructor1'`);
  const { unit_id: unitId, password_hash: hash } = staff[0];

  const officers = Array.from({ length: ATTEMPTS }, (_, i) => ({
    id: randomUUID(),
    username: `ia-${String(i + 1).padStart(5, '0')}`,
    ability: (random() + random() + random() - 1.5) * 2,
  }));
  await load(
    'users',
    ['id', 'username', 'display_name', 'role', 'unit_id', 'password_hash'],
    officers.map((o, i) => [o.id, o.username, `Analysed officer ${i + 1}`, 'trainee', unitId, hash]),
  );
  const cohortId = randomUUID();
  await db.query(`INSERT INTO cohorts (id, name, unit_id) VALUES ($1, 'Item analysis cohort', $2)`, [cohortId, unitId]);
  await load(
    'cohort_members',
    ['cohort_id', 'user_id'],
    officers.map((o) => [cohortId, o.id]),
  );

  const exercises = Array.from({ length: ITEMS }, (_, i) => {
    const fraudulent = i % 5 !== 0;
    return {
      id: randomUUID(),
      versionId: randomUUID(),
      title: `Analysed exercise ${i + 1}`,
      verdict: fraudulent ? 'fraudulent' : 'genuine',
      fraudType: fraudulent ? FRAUD_TYPES[i % FRAUD_TYPES.length] : 'genuine',
      difficulty: -2 + (4 * i) / (ITEMS - 1),
    };
  });
  await load(
    'exercises',
    ['id', 'unit_id'],
    exercises.map((e) => [e.id, unitId]),
  );
  const parts = { locate: null, fraudType: true, features: false, mrz: false };
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
      'UTO',
      'passport',
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
    feedback: 'after-finish',
    timePerItemSeconds: 60,
    moduleTimeSeconds: null,
    drawCount: null,
    minGenuineShare: 0,
    passMark: 80,
    attemptsAllowed: null,
  };
  await db.query(
    `INSERT INTO training_modules (id, title, description, lesson_specimen_ids, exercise_ids, settings, unit_id)
     VALUES ($1, 'Item analysis bench', 'Bench', '[]', $2, $3, $4)`,
    [moduleId, JSON.stringify(exercises.map((e) => e.id)), settings, unitId],
  );
  await db.query(
    `INSERT INTO module_versions (id, module_id, version, title, description, lesson_specimen_ids, pool, settings)
     VALUES ($1, $2, 1, 'Item analysis bench', 'Bench', '[]', $3, $4)`,
    [moduleVersionId, moduleId, JSON.stringify(exercises.map((e) => e.versionId)), settings],
  );
  const assignmentId = randomUUID();
  const now = Date.now();
  const start = now - 28 * 86_400_000;
  await db.query(`INSERT INTO assignments (id, module_version_id, cohort_id, opens_at) VALUES ($1, $2, $3, $4)`, [
    assignmentId,
    moduleVersionId,
    cohortId,
    new Date(start).toISOString(),
  ]);

  // One officer's attempt from a PRNG seeded by the officer, so the four tables stream one after another and agree.
  const history = (kind) =>
    (function* () {
      for (let i = 0; i < officers.length; i++) yield* attemptOf(officers[i], i, kind);
    })();
  const attemptOf = function* (o, i, kind) {
    const r = prng(104729 * (i + 1));
    const attemptId = uuidFrom(r);
    const startedAt = start + r() * (now - start - 86_400_000);
    let clock = startedAt;
    let total = 0;
    const order = exercises.map((e) => [r(), e]).sort((a, b) => a[0] - b[0]);
    for (let n = 1; n <= ITEMS; n++) {
      const e = order[n - 1][1];
      const fraudulent = e.verdict === 'fraudulent';
      const correct = r() < logistic(o.ability - e.difficulty);
      const decision = correct === fraudulent ? 'refer' : 'accept';
      const outcome = fraudulent ? (correct ? 'hit' : 'miss') : correct ? 'correctRejection' : 'falseAlarm';
      const namesType = fraudulent && correct && r() < logistic(o.ability);
      const chosenType = !fraudulent || !correct ? null : namesType ? e.fraudType : FRAUD_TYPES[(n + i) % 5];
      const fraudTypeScore = fraudulent && correct ? (chosenType === e.fraudType ? 1 : 0) : null;
      const score = correct ? (fraudulent ? 0.5 + 0.5 * fraudTypeScore : 1) : 0;
      total += score;
      const ms = Math.round(3000 + r() * 9000);
      const servedAt = new Date(clock).toISOString();
      clock += ms;
      const answeredAt = new Date(clock).toISOString();
      const itemId = uuidFrom(r);
      if (kind === 'items') {
        const answer = { decision, points: [], fraudType: chosenType, features: [], mrzFailedChecks: [] };
        yield [itemId, attemptId, n, e.versionId, servedAt, answer, answeredAt, false, ms, score, outcome];
      } else if (kind === 'itemFacts') {
        yield [
          itemId,
          attemptId,
          n,
          o.id,
          cohortId,
          assignmentId,
          moduleId,
          moduleVersionId,
          'assessment',
          e.id,
          e.versionId,
          answeredAt,
          e.verdict,
          e.fraudType,
          'UTO',
          'passport',
          '{}',
          '{}',
          decision,
          outcome,
          false,
          ms,
          score,
          null,
          fraudTypeScore,
        ];
      }
    }
    const pct = (100 * total) / ITEMS;
    const times = [new Date(startedAt).toISOString(), new Date(clock).toISOString()];
    if (kind === 'attempts') yield [attemptId, assignmentId, o.id, 'finished', ITEMS, ...times, pct, pct >= 80];
    else if (kind === 'attemptFacts')
      yield [
        attemptId,
        o.id,
        cohortId,
        assignmentId,
        moduleId,
        moduleVersionId,
        'assessment',
        ...times,
        pct,
        pct >= 80,
      ];
  };
  await loadHistoryTables(load, history);
  await db.query(`SET session_replication_role = DEFAULT`);
  await db.query('VACUUM ANALYZE');
  return { moduleId, moduleVersionId, maxMarks: exercises.map(() => 1) };
}

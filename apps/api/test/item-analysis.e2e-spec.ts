// Item analysis through the API on a real PostgreSQL: the figures against Moodle's worked example and against
// libs/scoring on real answers, what officers chose (responses, fraud-type confusion, clicks), scope, bad input, the
// background recalculation, and the migration's backfill of the officers' choices.
import { FEATURE_KINDS } from '@firstline/contracts';
import {
  itemAnalysis,
  MOODLE_QSTATS_00,
  MOODLE_RESULTS_00,
  poolItemAnalysis,
  pointInPolygon,
} from '@firstline/scoring';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { parse } from 'csv-parse/sync';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { ItemAnalysis1796400000000 } from '../src/database/migrations/1796400000000-ItemAnalysis';
import { buildDataset, type Dataset } from './report-dataset';
import { bearer, expectBody as ok, signIn, testApp } from './utils';

jest.setTimeout(300_000);

const NO_ID = '00000000-0000-4000-8000-000000000000';

// Moodle core, mod/quiz/report/statistics/tests/fixtures/results00.csv (25 attempts × 7 slots, each out of 1 mark)
// and qstats00.csv (facility as a fraction, SD in marks, effective weight, discrimination index, discriminative
// efficiency in %): the fixture libs/scoring's own specs use (libs/scoring/src/moodle-reference.ts). Moodle's
// tolerances: 1e-6 relative for facility and SD, 1e-5 for the covariance-based figures.
const results00 = MOODLE_RESULTS_00.map((row) => [...row]);
const qstats00 = MOODLE_QSTATS_00;
const closeTo = (actual: number | null, expected: number | null, relative: number) => {
  if (expected === null) return expect(actual).toBeNull();
  expect(actual).not.toBeNull();
  expect(Math.abs(actual! - expected)).toBeLessThanOrEqual(Math.abs(expected) * relative + 1e-12);
};

const REGION = [
  [0.4, 0.3],
  [0.7, 0.3],
  [0.7, 0.36],
  [0.4, 0.36],
];
const MRZ = ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'];
const FRAUD = ['counterfeit', 'forged:photo-substitution', 'forged:data-alteration', 'pseudo'] as const;

interface Sent {
  attemptId: string;
  exerciseVersionId: string;
  decision: 'accept' | 'refer';
  fraudType: string | null;
  features: string[];
  mrzFailedChecks: string[];
  points: Array<{ side: string; x: number; y: number }>;
}

describe('item analysis', () => {
  let app: NestExpressApplication;
  let db: DataSource;
  let data: Dataset;
  const t: Record<string, string> = {};
  const http = () => request(app.getHttpServer());
  const get = (path: string, who: string) => http().get(path).set(bearer(t[who]));

  // The Moodle module: 7 forgeries asking every part, answered 25 times through the API.
  let moodle: { moduleId: string; versionId: string; pool: string[]; exerciseIds: string[] };
  const sent: Sent[] = [];

  beforeAll(async () => {
    app = await testApp();
    db = app.get(DataSource);
    data = await buildDataset(app, 'ia', ['Ayesha', 'Bilal', 'Chand', 'Danish', 'Erum', 'Faraz']);
    for (const u of ['admin', 'supervisor1', 'instructor1', 'instructor2']) t[u] = await signIn(app, u);
    t.trainee = data.officers[0].token;
    const lheUnit = (await ok(get('/api/units', 'admin'))).find((u: { code: string }) => u.code === 'LHE-IMM').id;
    await ok(
      http().post('/api/users').set(bearer(t.admin)).send({
        username: 'ia.lhe.supervisor',
        displayName: 'Lahore Supervisor',
        role: 'supervisor',
        unitId: lheUnit,
        password: 'report-test-password',
      }),
      201,
    );
    t.lheSupervisor = await signIn(app, 'ia.lhe.supervisor', 'report-test-password');

    // Seven forged exercises asking locate, fraud type, features and MRZ; the images of the report dataset's.
    const [{ images }] = await db.query(
      `SELECT v.images FROM exercise_versions v JOIN exercises e ON e.current_version_id = v.id
        WHERE v.title LIKE 'ia %' LIMIT 1`,
    );
    const exerciseIds: string[] = [];
    for (let i = 0; i < 7; i++) {
      const body = {
        title: `ia moodle item ${i + 1}`,
        issuingState: 'UTO',
        documentType: 'TD3',
        parts: { locate: { maxPoints: 3 }, fraudType: true, features: true, mrz: true },
        images,
        mrz: MRZ,
        featureOptions: ['microprint', 'guilloche', 'portrait', 'laminate'],
        truth: {
          verdict: 'fraudulent',
          fraudType: FRAUD[i % FRAUD.length],
          regions: [{ side: 'data-page', polygon: REGION, features: ['microprint'], lights: ['visible'] }],
          explanation: `Item ${i + 1} of Moodle's worked example.`,
          mrzFailedChecks: ['birthDateCheckDigit'],
        },
      };
      exerciseIds.push((await ok(http().post('/api/exercises').set(bearer(t.instructor1)).send(body), 201)).id);
    }
    const mod = await ok(
      http()
        .post('/api/modules')
        .set(bearer(t.instructor1))
        .send({
          title: 'ia Moodle worked example',
          exerciseIds,
          settings: { mode: 'practice', feedback: 'after-item', timePerItemSeconds: 600 },
        }),
      201,
    );
    const published = await ok(http().post(`/api/modules/${mod.id}/publish`).set(bearer(t.instructor1)));
    const versionId = published.publishedVersion.id;
    const [{ pool }] = await db.query(`SELECT pool FROM module_versions WHERE id = $1`, [versionId]);
    const assignment = await ok(
      http()
        .post('/api/assignments')
        .set(bearer(t.instructor1))
        .send({
          moduleVersionId: versionId,
          cohortId: data.cohortId,
          opensAt: new Date(Date.now() - 60_000).toISOString(),
        }),
      201,
    );
    moodle = { moduleId: mod.id, versionId, pool, exerciseIds };

    // 25 attempts by five officers; every item answered with real choices, then (item scores of 0.8 and 0.3333333
    // cannot be reached through answers) each attempt's item scores set to results00's row — in attempt_items and in
    // the report facts alike, as the seeding the test's brief allows.
    for (let k = 0; k < 25; k++) {
      const officer = data.officers[k % 5];
      const started = await ok(
        http().post('/api/attempts').set(bearer(officer.token)).send({ assignmentId: assignment.id }),
        201,
      );
      for (let n = 1; n <= started.itemCount; n++) {
        await ok(http().get(`/api/attempts/${started.id}/items/${n}`).set(bearer(officer.token)));
        const [{ exercise_version_id: ev }] = await db.query(
          `SELECT exercise_version_id FROM attempt_items WHERE attempt_id = $1 AND n = $2`,
          [started.id, n],
        );
        const refer = (k + n) % 4 !== 0;
        const answer: Sent = {
          attemptId: started.id,
          exerciseVersionId: ev,
          decision: refer ? 'refer' : 'accept',
          fraudType: refer ? FRAUD[(k + 2 * n) % FRAUD.length] : null,
          features: refer ? (['microprint', 'guilloche', 'portrait'] as const).slice(0, 1 + ((k + n) % 3)) : [],
          mrzFailedChecks: refer
            ? k % 2
              ? ['birthDateCheckDigit']
              : ['birthDateCheckDigit', 'expirationDateCheckDigit']
            : [],
          points: refer
            ? [
                { side: 'data-page', x: 0.5 + 0.01 * (k % 5), y: 0.33 },
                ...(n % 2 ? [{ side: 'data-page', x: 0.1, y: 0.9 - 0.01 * (k % 3) }] : []),
              ]
            : [],
        };
        sent.push(answer);
        const { attemptId: _a, exerciseVersionId: _e, ...body } = answer;
        await ok(
          http()
            .put(`/api/attempts/${started.id}/items/${n}/response`)
            .set(bearer(officer.token))
            .set('Idempotency-Key', `${started.id}-${n}`)
            .send({ ...body, final: true }),
        );
        const mark = results00[k][pool.indexOf(ev)];
        await db.query(`UPDATE attempt_items SET score = $1 WHERE attempt_id = $2 AND n = $3`, [mark, started.id, n]);
      }
      await ok(http().post(`/api/attempts/${started.id}/finish`).set(bearer(officer.token)));
      for (const [i, ev] of pool.entries())
        await db.query(`UPDATE report_item_facts SET score = $1 WHERE attempt_id = $2 AND exercise_version_id = $3`, [
          results00[k][i],
          started.id,
          ev,
        ]);
    }
  });
  afterAll(() => app.close());

  const analysisPath = () => `/api/reports/modules/${moodle.moduleId}/item-analysis`;

  describe("Moodle's worked example (results00 → qstats00)", () => {
    it('gives every item the figures of qstats00 within Moodle’s tolerance', async () => {
      const body = await ok(get(analysisPath(), 'instructor1'));
      expect(body.version).toBe(1);
      expect(body.items.map((i: { exerciseVersionId: string }) => i.exerciseVersionId)).toEqual(moodle.pool);
      for (const [slot, facility, sd, effectiveWeight, discriminationIndex, discriminativeEfficiency] of qstats00) {
        const item = body.items[slot - 1];
        expect(item.position).toBe(slot);
        expect(item.responses).toBe(25);
        closeTo(item.facility, 100 * facility, 1e-6);
        closeTo(item.sd, 100 * sd, 1e-6);
        closeTo(item.effectiveWeight, effectiveWeight, 1e-5);
        closeTo(item.discriminationIndex, discriminationIndex, 1e-5);
        closeTo(item.discriminativeEfficiency, discriminativeEfficiency, 1e-5);
        // every item discriminates negatively here: Moodle's flags follow
        expect(item.flags).toContain('very-likely-needs-checking');
      }
    });

    it('gives the test level of libs/scoring on the same marks', async () => {
      const body = await ok(get(analysisPath(), 'supervisor1'));
      const expected = itemAnalysis(results00, [1, 1, 1, 1, 1, 1, 1]);
      expect(body.test.attempts).toBe(25);
      closeTo(body.test.mean, expected.averageScore, 1e-12);
      closeTo(body.test.median, expected.medianScore, 1e-12);
      closeTo(body.test.sd, expected.standardDeviation, 1e-12);
      closeTo(body.test.skewness, expected.skewness, 1e-12);
      closeTo(body.test.kurtosis, expected.kurtosis, 1e-12);
      closeTo(body.test.cic, expected.cic, 1e-12);
      closeTo(body.test.errorRatio, expected.errorRatio, 1e-12);
      closeTo(body.test.standardError, expected.standardError, 1e-12);
    });

    it('counts exactly what officers chose on an item', async () => {
      const ev = moodle.pool[2];
      const body = await ok(get(`${analysisPath()}/items/${ev}/responses`, 'instructor1'));
      const mine = sent.filter((s) => s.exerciseVersionId === ev);
      expect(body.responses).toBe(25);
      expect(body.noDecision).toBe(0);
      expect(body.decisions).toEqual([
        { decision: 'accept', count: mine.filter((s) => s.decision === 'accept').length, correct: false },
        { decision: 'refer', count: mine.filter((s) => s.decision === 'refer').length, correct: true },
      ]);
      const tally = (values: string[]) => {
        const m = new Map<string, number>();
        for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
        return m;
      };
      const asMap = (rows: Array<{ key: string; count: number }>) => new Map(rows.map((r) => [r.key, r.count]));
      expect(asMap(body.fraudTypes)).toEqual(tally(mine.flatMap((s) => (s.fraudType ? [s.fraudType] : []))));
      expect(asMap(body.features)).toEqual(tally(mine.flatMap((s) => s.features)));
      expect(asMap(body.mrzChecks)).toEqual(tally(mine.flatMap((s) => s.mrzFailedChecks)));
      for (const f of body.features) expect(f.inTruth).toBe(f.key === 'microprint');
      for (const c of body.mrzChecks) expect(c.inTruth).toBe(c.key === 'birthDateCheckDigit');
      expect(FEATURE_KINDS).toEqual(expect.arrayContaining(body.features.map((f: { key: string }) => f.key)));
    });

    it('builds the fraud-type confusion of the pool from the chosen fraud types', async () => {
      const body = await ok(get(`${analysisPath()}/confusion`, 'instructor1'));
      const truthOf = new Map<string, string>();
      const [rows] = [
        await db.query(`SELECT id, fraud_type FROM exercise_versions WHERE id = ANY($1::uuid[])`, [moodle.pool]),
      ];
      for (const r of rows) truthOf.set(r.id, r.fraud_type);
      const cells = body.fraudTypes.map(() => body.fraudTypes.map(() => 0));
      const none = body.fraudTypes.map(() => 0);
      for (const s of sent) {
        const i = body.fraudTypes.indexOf(truthOf.get(s.exerciseVersionId));
        if (s.fraudType === null) none[i]++;
        else cells[i][body.fraudTypes.indexOf(s.fraudType)]++;
      }
      expect(body.cells).toEqual(cells);
      expect(body.none).toEqual(none);
    });

    it('shows every point placed on an exercise, hit or missed against its region, with a signed image', async () => {
      const exerciseId = moodle.exerciseIds[0];
      const [{ id: ev }] = await db.query(`SELECT current_version_id AS id FROM exercises WHERE id = $1`, [exerciseId]);
      const body = await ok(get(`/api/reports/exercises/${exerciseId}/clicks?side=data-page`, 'instructor1'));
      const points = sent.filter((s) => s.exerciseVersionId === ev).flatMap((s) => s.points);
      expect(body.exerciseVersionId).toBe(ev);
      expect(body.responses).toBe(25);
      expect(body.light).toBe('visible');
      expect(body.lights).toEqual(['visible', 'uv365']);
      const key = (p: { x: number; y: number }) => `${p.x},${p.y}`;
      expect(body.points.map(key).sort()).toEqual(points.map(key).sort());
      for (const p of body.points) expect(p.hit).toBe(pointInPolygon([p.x, p.y], REGION as [number, number][]));
      expect(body.points.some((p: { hit: boolean }) => p.hit)).toBe(true);
      expect(body.points.some((p: { hit: boolean }) => !p.hit)).toBe(true);
      expect(body.missShare).toBeCloseTo(
        body.points.filter((p: { hit: boolean }) => !p.hit).length / body.points.length,
        12,
      );
      expect(body.image.url).toMatch(/^\/api\/media\//);
      expect(body.image.width).toBe(320);
      const uv = await ok(get(`/api/reports/exercises/${exerciseId}/clicks?side=data-page&light=uv365`, 'admin'));
      expect(uv.light).toBe('uv365');
      expect(uv.points).toEqual(body.points);
      // Without a side: the exercise's first side (this one has only a data page), not a 400 for "front".
      const firstSide = await ok(get(`/api/reports/exercises/${exerciseId}/clicks`, 'instructor1'));
      expect(firstSide.side).toBe('data-page');
      expect(firstSide.points).toEqual(body.points);
    });

    it('lists the exercise in the module version that used it, with the stored figures', async () => {
      const body = await ok(get(`/api/reports/exercises/${moodle.exerciseIds[1]}/item-analysis`, 'instructor1'));
      expect(body.modules).toEqual([
        expect.objectContaining({ moduleId: moodle.moduleId, version: 1, position: 2, responses: 25 }),
      ]);
      closeTo(body.modules[0].facility, 48, 1e-6);
    });

    it('exports the items table as CSV, and audits it', async () => {
      const res = await get(`${analysisPath()}.csv`, 'instructor1');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/text\/csv/);
      expect(res.text.startsWith('\uFEFF')).toBe(true);
      const rows = parse(res.text.slice(1), { columns: true }) as Array<Record<string, string>>;
      expect(rows).toHaveLength(7);
      closeTo(Number(rows[0].facility), 70.4, 1e-6);
      const [audit] = await db.query(
        `SELECT count(*)::int AS n FROM audit_log WHERE action = 'report.export' AND entity_id = $1`,
        [moodle.moduleId],
      );
      expect(audit.n).toBeGreaterThanOrEqual(1);
    });
  });

  describe('real answers (the report dataset)', () => {
    it('equals libs/scoring poolItemAnalysis on the item scores stored with the answers', async () => {
      for (const which of ['practice', 'assessment'] as const) {
        const { moduleId } = data.modules[which];
        const body = await ok(get(`/api/reports/modules/${moduleId}/item-analysis`, 'instructor1'));
        const rows: Array<{ attempt_id: string; exercise_version_id: string; score: number | null }> = await db.query(
          `SELECT i.attempt_id, i.exercise_version_id, i.score FROM attempt_items i JOIN attempts a ON a.id = i.attempt_id
            WHERE a.id = ANY($1::uuid[]) AND a.status = 'finished' ORDER BY i.attempt_id`,
          [data.attempts.filter((a) => a.mode === which && a.finished).map((a) => a.id)],
        );
        const pool = body.items.map((i: { exerciseVersionId: string }) => i.exerciseVersionId);
        const byAttempt = new Map<string, (number | null)[]>();
        for (const r of rows) {
          const row = byAttempt.get(r.attempt_id) ?? pool.map(() => null);
          row[pool.indexOf(r.exercise_version_id)] = r.score ?? 0;
          byAttempt.set(r.attempt_id, row);
        }
        const expected = poolItemAnalysis(
          [...byAttempt.values()],
          pool.map(() => 1),
        );
        expect(body.test.attempts).toBe(byAttempt.size);
        closeTo(body.test.mean, expected.averageScore, 1e-9);
        closeTo(body.test.cic, expected.cic, 1e-9);
        body.items.forEach((item: Record<string, number | null>, i: number) => {
          expect(item.responses).toBe(expected.items[i].responses);
          for (const key of ['facility', 'sd', 'discriminationIndex', 'discriminativeEfficiency', 'effectiveWeight'])
            closeTo(item[key], expected.items[i][key as 'facility'], 1e-9);
          // every item has fewer than 10 responses in this small dataset
          expect(item.flags).toEqual(['too-few-responses']);
        });
      }
    });
  });

  describe('scope and bad input', () => {
    const moduleRoutes = () => [
      analysisPath(),
      `${analysisPath()}.csv`,
      `${analysisPath()}/confusion`,
      `${analysisPath()}/items/${moodle.pool[0]}/responses`,
      `/api/reports/exercises/${moodle.exerciseIds[0]}/clicks?side=data-page`,
      `/api/reports/exercises/${moodle.exerciseIds[0]}/item-analysis`,
    ];

    it('lets admin, the unit’s instructor and supervisor read; 404 to another unit’s staff; 403 to a trainee', async () => {
      for (const path of moduleRoutes()) {
        for (const who of ['admin', 'instructor1', 'supervisor1'])
          expect([who, path, (await get(path, who)).status]).toEqual([who, path, 200]);
        for (const who of ['instructor2', 'lheSupervisor'])
          expect([who, path, (await get(path, who)).status]).toEqual([who, path, 404]);
        expect([path, (await get(path, 'trainee')).status]).toEqual([path, 403]);
      }
      const post = await http().post(`${analysisPath()}/recalculate`).set(bearer(t.instructor2));
      expect(post.status).toBe(404);
      expect((await http().post(`${analysisPath()}/recalculate`).set(bearer(t.trainee))).status).toBe(403);
    });

    it('answers bad query values and unknown versions in words', async () => {
      const bad = async (path: string, status: number, words: RegExp) => {
        const res = await get(path, 'instructor1');
        expect([path, res.status]).toEqual([path, status]);
        expect(JSON.stringify(res.body)).toMatch(words);
      };
      await bad(`${analysisPath()}?version=abc`, 400, /version/);
      await bad(`${analysisPath()}?version=0`, 400, /version/);
      await bad(`${analysisPath()}?colour=red`, 400, /colour/);
      await bad(`${analysisPath()}?version=9`, 404, /no published version 9/);
      await bad(`/api/reports/modules/not-a-uuid/item-analysis`, 400, /moduleId must be a UUID/);
      await bad(`/api/reports/modules/${NO_ID}/item-analysis`, 404, /Module/);
      await bad(`${analysisPath()}/items/${NO_ID}/responses`, 404, /not in the pool/);
      await bad(`/api/reports/exercises/${moodle.exerciseIds[0]}/clicks?side=inside`, 400, /side/);
      await bad(`/api/reports/exercises/${moodle.exerciseIds[0]}/clicks?light=x-ray`, 400, /light/);
      await bad(`/api/reports/exercises/${moodle.exerciseIds[0]}/clicks?side=back`, 400, /no back side/);
      await bad(
        `/api/reports/exercises/${moodle.exerciseIds[0]}/clicks?side=data-page&light=ir`,
        400,
        /no image under ir/,
      );
      await bad(
        `/api/reports/exercises/${moodle.exerciseIds[0]}/clicks?side=data-page&versionId=${NO_ID}`,
        404,
        /not a version/,
      );
      const draft = await ok(
        http()
          .post('/api/modules')
          .set(bearer(t.instructor1))
          .send({
            title: 'ia never published',
            exerciseIds: [moodle.exerciseIds[0]],
            settings: { mode: 'practice', feedback: 'after-item' },
          }),
        201,
      );
      await bad(`/api/reports/modules/${draft.id}/item-analysis`, 404, /never been published/);
    });
  });

  describe('recalculation', () => {
    it('counts attempts since, recalculates in the background, and then counts from there', async () => {
      const first = await ok(get(analysisPath(), 'instructor1'));
      expect(first.attemptsSince).toBe(0);
      expect(first.recalculating).toBe(false);
      // One more finished attempt.
      const officer = data.officers[0];
      const [{ id: assignmentId }] = await db.query(`SELECT id FROM assignments WHERE module_version_id = $1`, [
        moodle.versionId,
      ]);
      const started = await ok(http().post('/api/attempts').set(bearer(officer.token)).send({ assignmentId }), 201);
      await ok(http().post(`/api/attempts/${started.id}/finish`).set(bearer(officer.token)));
      const stale = await ok(get(analysisPath(), 'instructor1'));
      expect(stale.attemptsSince).toBe(1);
      expect(stale.calculatedAt).toBe(first.calculatedAt);
      expect(stale.test.attempts).toBe(25);

      const accepted = await http().post(`${analysisPath()}/recalculate`).set(bearer(t.instructor1));
      expect(accepted.status).toBe(202);
      expect(accepted.body).toEqual({ recalculating: true, calculatedAt: first.calculatedAt });
      let now = stale;
      for (let i = 0; i < 100 && (now.recalculating || now.calculatedAt === first.calculatedAt); i++) {
        await new Promise((r) => setTimeout(r, 50));
        now = await ok(get(analysisPath(), 'instructor1'));
      }
      expect(now.recalculating).toBe(false);
      expect(now.attemptsSince).toBe(0);
      expect(new Date(now.calculatedAt).getTime()).toBeGreaterThan(new Date(first.calculatedAt).getTime());
      expect(now.test.attempts).toBe(26);
      const [audit] = await db.query(
        `SELECT count(*)::int AS n FROM audit_log WHERE action = 'report.item-analysis.recalculate' AND entity_id = $1`,
        [moodle.moduleId],
      );
      expect(audit.n).toBe(1);
    });
  });

  describe('migration ItemAnalysis1796400000000', () => {
    it('backfills the officers’ choices from the stored answers', async () => {
      const runner = db.createQueryRunner();
      try {
        const migration = new ItemAnalysis1796400000000();
        await migration.down(runner);
        await migration.up(runner);
      } finally {
        await runner.release();
      }
      const rows: Array<Record<string, unknown>> = await db.query(
        `SELECT f.attempt_id, f.exercise_version_id, f.chosen_fraud_type, f.chosen_features, f.chosen_mrz_checks, f.points
           FROM report_item_facts f WHERE f.attempt_id = ANY($1::uuid[])`,
        [[...new Set(sent.map((s) => s.attemptId))]],
      );
      expect(rows).toHaveLength(sent.length);
      for (const s of sent) {
        const row = rows.find((r) => r.attempt_id === s.attemptId && r.exercise_version_id === s.exerciseVersionId)!;
        expect(row.chosen_fraud_type).toBe(s.fraudType);
        expect(row.chosen_features).toEqual(s.features);
        expect(row.chosen_mrz_checks).toEqual(s.mrzFailedChecks);
        expect(row.points).toEqual(s.points);
      }
      // the analysis is computed afresh after the table was recreated
      expect((await get(analysisPath(), 'instructor1')).status).toBe(200);
    });
  });
});

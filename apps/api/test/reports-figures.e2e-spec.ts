// The reports' figures on a generated dataset (answers through the real HTTP routes, report-dataset.ts) equal counting
// and libs/scoring's signalDetection (log-linear correction, Hautus 1995) run here on the raw answers read back from
// the review route; late and unanswered items are not decisions; the migration's backfill writes the facts the live
// sink wrote; date and module filters; weekly trends.
import { CohortOfficersReport, HeatmapReport, REPORT_PLACES, roundTo, UnitReport } from '@firstline/contracts';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource, type MigrationInterface } from 'typeorm';
import { ReportFacts1796200000000 } from '../src/database/migrations/1796200000000-ReportFacts';
import { ReportRollup1796250000000 } from '../src/database/migrations/1796250000000-ReportRollup';
import { ItemAnalysis1796400000000 } from '../src/database/migrations/1796400000000-ItemAnalysis';
import { ReportsService } from '../src/reports';
import { buildDataset, rawItems, type Dataset, type RawItem } from './report-dataset';
import { correct, decided, expectedCells, expectedFigures, expectSame } from './report-expectations';
import { bearer, signIn, testApp } from './utils';

jest.setTimeout(240_000);

describe('competence reports: figures', () => {
  let app: NestExpressApplication;
  let db: DataSource;
  let data: Dataset;
  let raw: RawItem[];
  let supervisor: string;
  const http = () => request(app.getHttpServer());
  const get = async (path: string, token = supervisor) => {
    const res = await http().get(path).set(bearer(token));
    expect({ path, status: res.status, body: res.status === 200 ? null : res.body }).toEqual({
      path,
      status: 200,
      body: null,
    });
    return res.body;
  };
  const mine = (userId: string) => raw.filter((i) => i.userId === userId);
  /** Reverts these migrations (last first) and runs them again: their tables are rebuilt by the backfills. */
  const rerun = async (...migrations: MigrationInterface[]) => {
    const runner = db.createQueryRunner();
    await runner.connect();
    try {
      for (const migration of [...migrations].reverse()) await migration.down(runner);
      for (const migration of migrations) await migration.up(runner);
    } finally {
      await runner.release();
    }
  };

  beforeAll(async () => {
    app = await testApp();
    db = app.get(DataSource);
    data = await buildDataset(app, 'fig', ['Amna Shah', 'Bilal Raza', 'Chand Bibi', 'Dawood Ali', 'Erum Naz', 'Faraz']);
    raw = await rawItems(app, data);
    supervisor = await signIn(app, 'supervisor1');
  });
  afterAll(() => app.close());

  it('counts each officer’s decisions as the raw answers do, with d′ and c from libs/scoring', async () => {
    const report = await get(`/api/reports/cohorts/${data.cohortId}/officers`);
    expect(report.cohort).toMatchObject({ id: data.cohortId, name: data.cohortName, unitId: data.unitId });
    expect(report.officers.map((o: { userId: string }) => o.userId).sort()).toEqual(
      data.officers.map((o) => o.id).sort(),
    );
    for (const officer of data.officers) {
      const row = report.officers.find((o: { userId: string }) => o.userId === officer.id);
      expect(row).toMatchObject({ username: officer.username, name: officer.name });
      expectSame(row, expectedFigures(mine(officer.id)), officer.name);
      expect(row.tooFewDecisions).toBe(row.decisions < report.minDecisions);
    }
    expectSame(report.cohortFigures, expectedFigures(raw), 'cohort');
  });

  // These aggregates leave the server unparsed (AggregateResponse): their contracts are held here instead, each body
  // parsed against its schema, which must neither reject it nor change it (no field outside the contract).
  it.each([
    ['cohort dashboard', () => `/api/reports/cohorts/${data.cohortId}/officers`, CohortOfficersReport],
    ['heatmap', () => `/api/reports/cohorts/${data.cohortId}/heatmap?by=fraudType`, HeatmapReport],
    ['unit roll-up', () => `/api/reports/units/${data.unitId}`, UnitReport],
  ] as const)('answers the %s exactly as its contract says', async (_, path, schema) => {
    const body = await get(path());
    const parsed = schema.safeParse(body);
    expect(parsed.error?.issues ?? []).toEqual([]);
    expect(parsed.data).toEqual(body);
  });

  it('has officers on both sides of the too-few-decisions line, and one with no decisions at all', async () => {
    const report = await get(`/api/reports/cohorts/${data.cohortId}/officers`);
    expect(report.minDecisions).toBe(20);
    const flags = report.officers.map((o: { tooFewDecisions: boolean }) => o.tooFewDecisions);
    expect(flags).toContain(true);
    expect(flags).toContain(false);
    const idle = report.officers.find((o: { userId: string }) => o.userId === data.officers[5].id);
    expect(idle).toMatchObject({ decisions: 0, hitRate: null, dPrime: null, attempts: 0, lastActivityAt: null });
  });

  it("gives each officer's last activity: their latest answer or attempt started, to the millisecond in UTC", async () => {
    const report = await get(`/api/reports/cohorts/${data.cohortId}/officers`);
    const rows: Array<{ userId: string; at: Date }> = await db.query(
      `SELECT user_id AS "userId", max(t) AS at FROM (
         SELECT user_id, answered_at AS t FROM report_item_facts WHERE cohort_id = $1 AND decision IS NOT NULL
         UNION ALL
         SELECT user_id, started_at FROM report_attempt_facts WHERE cohort_id = $1
       ) x GROUP BY user_id`,
      [data.cohortId],
    );
    const want = new Map(rows.map((r) => [r.userId, r.at.toISOString()]));
    expect(want.size).toBeGreaterThan(3);
    for (const officer of report.officers as Array<{ userId: string; lastActivityAt: string | null }>)
      expect({ officer: officer.userId, at: officer.lastActivityAt }).toEqual({
        officer: officer.userId,
        at: want.get(officer.userId) ?? null,
      });
  });

  it('does not count late or unanswered items as decisions, though it records them', async () => {
    const late = raw.filter((i) => i.late);
    const unanswered = raw.filter((i) => i.decision === null);
    expect(late.length).toBe(3);
    expect(unanswered.length).toBe(2);
    const report = await get(`/api/reports/cohorts/${data.cohortId}/officers`);
    expect(report.cohortFigures.decisions).toBe(raw.length - late.length - unanswered.length);
    const [facts] = await db.query(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE decision IS NULL)::int AS unanswered,
              count(*) FILTER (WHERE late)::int AS late, count(*) FILTER (WHERE outcome IS NULL)::int AS "notDecisions"
         FROM report_item_facts WHERE cohort_id = $1`,
      [data.cohortId],
    );
    expect(facts).toEqual({ n: raw.length, unanswered: 2, late: 3, notDecisions: 5 });
  });

  it('gives attempts, best and latest scores, and where each officer stands in each module', async () => {
    const report = await get(`/api/reports/cohorts/${data.cohortId}/officers`);
    const instructor = await signIn(app, 'instructor1');
    for (const officer of data.officers) {
      const row = report.officers.find((o: { userId: string }) => o.userId === officer.id);
      const made = data.attempts.filter((a) => a.userId === officer.id);
      expect(row.attempts).toBe(made.length);
      const views = await Promise.all(made.map((a) => get(`/api/attempts/${a.id}`, instructor)));
      const finished = views.filter((v) => v.status === 'finished');
      expect(row.bestScore).toBe(finished.length ? Math.max(...finished.map((v) => v.score)) : null);
      const last = [...finished].sort((a, b) => a.finishedAt.localeCompare(b.finishedAt)).pop();
      expect(row.latestScore).toBe(last ? last.score : null);
      const standing = (mode: keyof Dataset['modules']) =>
        row.modules.find((m: { assignmentId: string }) => m.assignmentId === data.modules[mode].assignmentId).standing;
      expect(standing('overdue')).toBe('overdue');
      expect(row.overdue).toBe(1);
      const i = data.officers.indexOf(officer);
      if (i === 5) expect(standing('practice')).toBe('not-started');
      if (i === 3) expect(standing('assessment')).toBe('in-progress');
      if (i === 4) expect(standing('assessment')).toBe('not-started');
      expect(row.notStarted).toBe(row.modules.filter((m: { standing: string }) => m.standing === 'not-started').length);
    }
  });

  it.each(['featureCategory', 'fraudType', 'light', 'issuingState', 'documentType'] as const)(
    'heatmap by %s: items and proportion correct per officer and for the cohort, as counted on the raw answers',
    async (by) => {
      const heatmap = await get(`/api/reports/cohorts/${data.cohortId}/heatmap?by=${by}`);
      const totals = expectedCells(raw, by);
      expect([...heatmap.columns].sort()).toEqual([...totals.keys()].sort());
      const check = (
        cells: Array<{ key: string; items: number; correct: number; proportion: number | null }>,
        want: Map<string, { items: number; correct: number }>,
      ) => {
        for (const cell of cells) {
          const w = want.get(cell.key) ?? { items: 0, correct: 0 };
          const proportion = w.items ? roundTo(w.correct / w.items, REPORT_PLACES.proportion) : null;
          expect(cell).toEqual({ key: cell.key, ...w, proportion });
        }
      };
      check(heatmap.totals, totals);
      for (const row of heatmap.rows) check(row.cells, expectedCells(mine(row.userId), by));
    },
  );

  it('lists the decided items behind a cell', async () => {
    const who = data.officers[1];
    const want = mine(who.id).filter((i) => decided(i) && i.fraudType === 'counterfeit');
    const cell = await get(
      `/api/reports/cohorts/${data.cohortId}/heatmap/items?by=fraudType&key=counterfeit&userId=${who.id}`,
    );
    expect(cell.items).toHaveLength(want.length);
    expect(cell.items.filter((i: { correct: boolean }) => i.correct)).toHaveLength(want.filter(correct).length);
    for (const item of cell.items) {
      expect(item).toMatchObject({ userId: who.id, name: who.name, verdict: 'fraudulent' });
      expect(item.title).toMatch(/^fig (ARC|UTO|BRG) TD\d counterfeit #\d$/);
    }
  });

  it('reports one officer as the cohort row does, with a breakdown per dimension, weak spots and attempts', async () => {
    const who = data.officers[0];
    const report = await get(`/api/reports/officers/${who.id}?cohortId=${data.cohortId}`);
    const cohortRow = (await get(`/api/reports/cohorts/${data.cohortId}/officers`)).officers.find(
      (o: { userId: string }) => o.userId === who.id,
    );
    expect(report.competence).toEqual(cohortRow);
    for (const { by, cells } of report.breakdown) {
      const want = expectedCells(mine(who.id), by);
      expect(cells.map((c: { key: string }) => c.key).sort()).toEqual([...want.keys()].sort());
    }
    const proportions = report.weakSpots.map((w: { cell: { proportion: number } }) => w.cell.proportion);
    expect(proportions).toEqual([...proportions].sort((a, b) => a - b));
    expect(report.weakSpots.every((w: { cell: { items: number } }) => w.cell.items >= 5)).toBe(true);
    expect(report.attempts).toHaveLength(data.attempts.filter((a) => a.userId === who.id).length);
  });

  it('rolls the cohort up in its unit, with readiness on the latest assessment', async () => {
    const unit = await get(`/api/reports/units/${data.unitId}?cohortId=${data.cohortId}`);
    const cohortReport = await get(`/api/reports/cohorts/${data.cohortId}/officers`);
    expect(unit.cohorts).toHaveLength(1);
    const [row] = unit.cohorts;
    // Summed from the daily roll-up: the cohort's figures, but no median decision time (a median cannot be summed).
    expectSame(row, { ...expectedFigures(raw), medianDecisionMs: null }, 'unit');
    expect(row).toMatchObject({
      id: data.cohortId,
      name: data.cohortName,
      decisions: cohortReport.cohortFigures.decisions,
      officers: 6,
      notStarted: 2,
      overdue: 6,
    });
    const [readiness] = unit.readiness;
    expect(readiness.assessment).toMatchObject({ assignmentId: data.modules.assessment.assignmentId });
    const standings = readiness.officers.map((o: { standing: string }) => o.standing);
    expect(row.passedLatestAssessment).toBe(standings.filter((s: string) => s === 'passed').length);
    expect(standings.filter((s: string) => s === 'not-started')).toHaveLength(2);
  });

  it('names, in the unit roll-up, a member who has since moved to another unit, in name order with the rest', async () => {
    const moved = data.officers[1];
    const [{ id: elsewhere }] = await db.query('SELECT id FROM units WHERE id <> $1 ORDER BY name LIMIT 1', [
      data.unitId,
    ]);
    await db.query('UPDATE users SET unit_id = $2 WHERE id = $1', [moved.id, elsewhere]);
    try {
      const unit = await get(`/api/reports/units/${data.unitId}?cohortId=${data.cohortId}`);
      const listed: Array<{ userId: string; name: string }> = unit.readiness[0].officers;
      expect(listed.map((o) => o.userId).sort()).toEqual(data.officers.map((o) => o.id).sort());
      expect(listed.find((o) => o.userId === moved.id)).toMatchObject({ name: moved.name });
      const names = listed.map((o) => o.name);
      expect(names).toEqual([...names].sort(new Intl.Collator().compare));
    } finally {
      await db.query('UPDATE users SET unit_id = $2 WHERE id = $1', [moved.id, data.unitId]);
    }
  });

  it('gives a trainee their own figures on My progress', async () => {
    const who = data.officers[2];
    const me = await get('/api/me/competence', who.token);
    expectSame(me.figures, expectedFigures(mine(who.id)), who.name);
  });

  it('serves the same reports to the PDF renderer through ReportsService', async () => {
    const actor = { id: (await get('/api/auth/me')).id, role: 'supervisor' as const, unitId: data.unitId };
    const viaService = await app.get(ReportsService).cohortOfficers(actor, data.cohortId, {});
    const viaHttp = await get(`/api/reports/cohorts/${data.cohortId}/officers`);
    expect(JSON.parse(JSON.stringify(viaService))).toEqual(viaHttp);
  });

  it('backfills, on migration, the same facts the live sink recorded', async () => {
    const snapshot = async () => ({
      items: await db.query(`SELECT * FROM report_item_facts WHERE cohort_id = $1 ORDER BY attempt_item_id`, [
        data.cohortId,
      ]),
      attempts: await db.query(`SELECT * FROM report_attempt_facts WHERE cohort_id = $1 ORDER BY attempt_id`, [
        data.cohortId,
      ]),
    });
    const live = await snapshot();
    expect(live.items).toHaveLength(raw.length);
    expect(live.attempts).toHaveLength(data.attempts.length);
    // ItemAnalysis adds the officers' choices to the facts and backfills them from the answers too.
    await rerun(new ReportFacts1796200000000(), new ReportRollup1796250000000(), new ItemAnalysis1796400000000());
    expect(await snapshot()).toEqual(live);
    const [stored] = await db.query(
      `SELECT count(*)::int AS n FROM attempt_items i JOIN attempts a ON a.id = i.attempt_id
        WHERE i.locked_at IS NOT NULL OR a.status = 'finished'`,
    );
    const [facts] = await db.query(`SELECT count(*)::int AS n FROM report_item_facts`);
    expect(facts.n).toBe(stored.n);
  });

  it('backfills, on migration, the daily roll-up the live sink kept', async () => {
    // Float sums rounded: the backfill adds the same part scores in another order.
    const snapshot = () =>
      db.query(
        `SELECT user_id, module_id, day::text, decisions, hits, misses, false_alarms, correct_rejections,
                decision_ms_sum::int, decision_ms_n, round(locate_sum::numeric, 9)::text AS locate_sum, locate_n,
                round(fraud_type_sum::numeric, 9)::text AS fraud_type_sum, fraud_type_n, last_at
           FROM report_officer_days WHERE cohort_id = $1 ORDER BY user_id, module_id, day`,
        [data.cohortId],
      );
    const live = await snapshot();
    expect(live.reduce((n: number, r: { decisions: number }) => n + r.decisions, 0)).toBe(raw.filter(decided).length);
    await rerun(new ReportRollup1796250000000());
    expect(await snapshot()).toEqual(live);
  });

  describe('filters and trends', () => {
    // The first practice attempt of the second officer is moved two weeks back.
    let moved: string;
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    beforeAll(async () => {
      moved = data.attempts.find((a) => a.userId === data.officers[1].id)!.id;
      await db.query(
        `UPDATE report_item_facts SET answered_at = answered_at - interval '14 days' WHERE attempt_id = $1`,
        [moved],
      );
      await db.query(
        `UPDATE report_attempt_facts SET started_at = started_at - interval '14 days', finished_at = finished_at - interval '14 days' WHERE attempt_id = $1`,
        [moved],
      );
      await rerun(new ReportRollup1796250000000()); // the roll-up follows the moved facts
    });

    it('counts only the decisions in the date range (whole days, inclusive)', async () => {
      const recent = await get(`/api/reports/cohorts/${data.cohortId}/officers?from=${day(-7)}&to=${day(0)}`);
      expectSame(recent.cohortFigures, expectedFigures(raw.filter((i) => i.attemptId !== moved)), 'recent');
      expect(recent.filters).toEqual({
        from: `${day(-7)}T00:00:00.000Z`,
        to: `${day(0)}T23:59:59.999Z`,
        moduleId: null,
        cohortId: data.cohortId,
      });
      const old = await get(`/api/reports/cohorts/${data.cohortId}/officers?to=${day(-7)}`);
      expectSame(old.cohortFigures, expectedFigures(raw.filter((i) => i.attemptId === moved)), 'old');
      const row = old.officers.find((o: { userId: string }) => o.userId === data.officers[1].id);
      expect(row.attempts).toBe(1);
    });

    it('rolls the unit up over whole days from the roll-up, and over instants from the facts, alike', async () => {
      const recent = expectedFigures(raw.filter((i) => i.attemptId !== moved));
      const unitOver = async (from: string, to: string) =>
        (await get(`/api/reports/units/${data.unitId}?cohortId=${data.cohortId}&from=${from}&to=${to}`)).cohorts[0];
      expectSame(await unitOver(day(-7), day(0)), { ...recent, medianDecisionMs: null }, 'whole days');
      const [start, end] = [`${day(-7)}T00:00:00Z`, `${day(1)}T00:00:00Z`];
      expectSame(await unitOver(start, end), { ...recent, medianDecisionMs: null }, 'instants');
      const old = expectedFigures(raw.filter((i) => i.attemptId === moved));
      expectSame(await unitOver(day(-30), day(-7)), { ...old, medianDecisionMs: null }, 'old');
    });

    it('counts only one module’s decisions with moduleId', async () => {
      const report = await get(
        `/api/reports/cohorts/${data.cohortId}/officers?moduleId=${data.modules.assessment.moduleId}`,
      );
      expectSame(report.cohortFigures, expectedFigures(raw.filter((i) => i.mode === 'assessment')), 'assessment');
      for (const row of report.officers) expect(row.modules).toHaveLength(1);
    });

    it('gives weekly accuracy, d′ and decision time for the cohort and one officer', async () => {
      const who = data.officers[1];
      const trends = await get(`/api/reports/cohorts/${data.cohortId}/trends?userId=${who.id}`);
      expect(trends.cohortWeeks).toHaveLength(2);
      const [before, now] = trends.cohortWeeks;
      expect(new Date(`${before.weekStart}T00:00:00Z`).getUTCDay()).toBe(1);
      const recent = expectedFigures(raw.filter((i) => i.attemptId !== moved));
      expect(Object.keys(now).sort()).toEqual(['accuracy', 'dPrime', 'decisions', 'meanDecisionMs', 'weekStart']);
      expect(now.decisions).toBe(recent.decisions);
      expectSame(
        now,
        { accuracy: recent.accuracy, dPrime: recent.dPrime, meanDecisionMs: recent.meanDecisionMs },
        'week',
      );
      expect(before.decisions).toBe(expectedFigures(raw.filter((i) => i.attemptId === moved)).decisions);
      expect(trends.officer).toMatchObject({ userId: who.id, name: who.name });
      expect(trends.officer.weeks.map((w: { decisions: number }) => w.decisions)).toEqual([
        expectedFigures(raw.filter((i) => i.attemptId === moved)).decisions,
        expectedFigures(mine(who.id).filter((i) => i.attemptId !== moved)).decisions,
      ]);
    });
  });

  // Runs last: it gives every decision a time of its own, so that the middle two of an even count differ.
  it('takes the pooled median as the middle time of an odd count and the mean of the middle two of an even one', async () => {
    await db.query(
      `UPDATE report_item_facts f SET response_time_ms = 1000 + 37 * t.k
         FROM (SELECT attempt_item_id, row_number() OVER (ORDER BY md5(attempt_item_id::text)) AS k
                 FROM report_item_facts WHERE cohort_id = $1) t
        WHERE f.attempt_item_id = t.attempt_item_id`,
      [data.cohortId],
    );
    await rerun(new ReportRollup1796250000000());
    const facts: Array<{ ms: number; day: string; moduleId: string }> = await db.query(
      `SELECT response_time_ms AS ms, to_char(answered_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day,
              module_id AS "moduleId"
         FROM report_item_facts WHERE cohort_id = $1 AND outcome IS NOT NULL`,
      [data.cohortId],
    );
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const { practice, assessment } = data.modules;
    const cases: Array<[string, (f: (typeof facts)[number]) => boolean]> = [
      ['', () => true],
      [`?from=${day(-7)}&to=${day(0)}`, (f) => f.day >= day(-7)],
      [`?to=${day(-7)}`, (f) => f.day <= day(-7)],
      [`?moduleId=${practice.moduleId}`, (f) => f.moduleId === practice.moduleId],
      [`?moduleId=${assessment.moduleId}`, (f) => f.moduleId === assessment.moduleId],
    ];
    const parities = new Set<number>();
    for (const [query, covered] of cases) {
      const times = facts
        .filter(covered)
        .map((f) => f.ms)
        .sort((a, b) => a - b);
      parities.add(times.length % 2);
      const mid = Math.floor(times.length / 2);
      const expected = !times.length ? null : times.length % 2 ? times[mid] : (times[mid - 1] + times[mid]) / 2;
      const report = await get(`/api/reports/cohorts/${data.cohortId}/officers${query}`);
      expect({
        query,
        decisions: report.cohortFigures.decisions,
        median: report.cohortFigures.medianDecisionMs,
      }).toEqual({
        query,
        decisions: times.length,
        median: expected === null ? null : roundTo(expected, REPORT_PLACES.milliseconds),
      });
    }
    expect([...parities].sort()).toEqual([0, 1]);
  });
});

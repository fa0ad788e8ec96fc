// The demo history end to end on its own PostgreSQL database: recorded in the background once the demo content is
// ready, through the live scoring code and AttemptEvents, once only; and the profiles show in the reports' figures
// as intended (the refer-everything officer's false-alarm rate, the photo-substitution misser's weakest fraud type …).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CohortOfficersReport, OfficerCompetence, OfficerReport } from '@firstline/contracts';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { DemoContentService, DemoHistoryService } from '../src/seed';
import { ownDatabase, type OwnDatabase } from './own-database';
import { bearer, signIn, testApp } from './utils';

jest.setTimeout(300_000);

const HISTORY = [4, 5, 6, 7, 8, 9, 10, 11, 12, 16, 17, 18, 19, 20, 21, 22, 23, 24].map(
  (n) => `trainee${String(n).padStart(2, '0')}`,
);
const FRESH = ['trainee01', 'trainee02', 'trainee03', 'trainee13', 'trainee14', 'trainee15'];

describe('demo history', () => {
  let db: OwnDatabase;
  let app: NestExpressApplication;
  let admin: string;
  const timings: Record<string, number> = {};
  const officers = new Map<string, OfficerCompetence>();
  const cohortIdOf = new Map<string, string>();
  const libraryDir = fs.mkdtempSync(path.join(os.tmpdir(), 'firstline-history-lib-'));
  const http = () => request(app.getHttpServer());

  const attemptsOf = async (usernames: string[]): Promise<number> => {
    const [row] = await app
      .get(DataSource)
      .query(
        `SELECT count(*)::int AS n FROM attempts a JOIN users u ON u.id = a.user_id WHERE u.username = ANY($1::text[])`,
        [usernames],
      );
    return row.n as number;
  };

  const officerReport = async (username: string): Promise<OfficerReport> => {
    const res = await http()
      .get(`/api/reports/officers/${officers.get(username)!.userId}`)
      .set(bearer(admin));
    expect(res.status).toBe(200);
    return res.body as OfficerReport;
  };

  beforeAll(async () => {
    db = await ownDatabase('history');
    app = await testApp({ DATABASE_URL: db.url, SEED_DEMO: 'true' });
    let t = Date.now();
    await app.get(DemoContentService).seed({ dir: libraryDir, dpi: 60, exercises: 20, log: () => undefined });
    timings.demoContent = Date.now() - t;
    // The demo content is ready at once; its history is being recorded in the background.
    timings.stateAfterContent = app.get(DemoHistoryService).state === 'running' ? 1 : 0;
    t = Date.now();
    await app.get(DemoHistoryService).seed();
    timings.history = Date.now() - t;
    admin = await signIn(app, 'admin');
    const cohorts = await http().get('/api/cohorts').set(bearer(admin));
    for (const cohort of cohorts.body as Array<{ id: string }>) {
      const res = await http().get(`/api/reports/cohorts/${cohort.id}/officers`).set(bearer(admin));
      for (const officer of (res.body as CohortOfficersReport).officers) {
        officers.set(officer.username, officer);
        cohortIdOf.set(officer.username, cohort.id);
      }
    }
    process.stdout.write(`demo history timings (ms): ${JSON.stringify(timings)}\n`);
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
    fs.rmSync(libraryDir, { recursive: true, force: true });
  });

  it('starts in the background once the demo content is ready, without holding the content back', () => {
    expect(timings.stateAfterContent).toBe(1);
    expect(app.get(DemoHistoryService).state).toBe('done');
  });

  it('gives every profiled trainee weeks of history and leaves trainee01–03 and trainee13–15 fresh', async () => {
    for (const username of HISTORY) expect(await attemptsOf([username])).toBeGreaterThan(0);
    expect(await attemptsOf(FRESH)).toBe(0);
    const [span] = await app
      .get(DataSource)
      .query(`SELECT min(started_at) AS first, max(finished_at) AS last FROM attempts WHERE status = 'finished'`);
    const weeks = (Date.now() - new Date(span.first).getTime()) / (7 * 86_400_000);
    expect(weeks).toBeGreaterThan(6);
    expect(weeks).toBeLessThan(9.1);
    expect(new Date(span.last).getTime()).toBeLessThan(Date.now());
  });

  it('records what the history showed each trainee for exposure control, backdated, and nothing for the fresh', async () => {
    const rows: Array<{ username: string; source: string; n: number; latest: Date }> = await app.get(DataSource).query(
      `SELECT u.username, x.source, count(*)::int AS n, max(x.first_seen_at) AS latest
         FROM truth_exposures x JOIN users u ON u.id = x.user_id GROUP BY u.username, x.source`,
    );
    const of = (username: string, source: string) => rows.find((r) => r.username === username && r.source === source);
    // trainee07 practised for weeks and took two assessments (answers shown after finishing).
    expect(of('trainee07', 'practice-feedback')!.n).toBeGreaterThan(10);
    expect(of('trainee07', 'review')!.n).toBeGreaterThan(0);
    expect(new Date(of('trainee07', 'review')!.latest).getTime()).toBeLessThan(Date.now() - 86_400_000);
    expect(rows.filter((r) => FRESH.includes(r.username))).toEqual([]);
  });

  it('runs once: a second run records nothing and leaves every trainee as it was', async () => {
    const before = await attemptsOf(HISTORY);
    const again = await app.get(DemoHistoryService).seed();
    expect(again).toMatchObject({ trainees: 0, attempts: 0, skipped: HISTORY.length });
    expect(await attemptsOf(HISTORY)).toBe(before);
  });

  it('scores the history as live answers: each attempt is the mean of its item scores, in percent', async () => {
    const rows: Array<{ score: number; mean: number }> = await app.get(DataSource).query(
      `SELECT a.score, round((avg(i.score) * 100)::numeric, 1)::float8 AS mean
         FROM attempts a JOIN attempt_items i ON i.attempt_id = a.id GROUP BY a.id, a.score`,
    );
    expect(rows.length).toBeGreaterThan(100);
    for (const row of rows) expect(row.score).toBeCloseTo(row.mean, 5);
  });

  it('shows the officer who refers nearly everything with a false-alarm rate above 0.8 and a negative c', () => {
    const o = officers.get('trainee05')!;
    expect(o.falseAlarmRate).toBeGreaterThan(0.8);
    expect(o.criterion).toBeLessThan(-1);
  });

  it('shows photo substitution as the weakest fraud type of the officer who misses them', async () => {
    const report = await officerReport('trainee04');
    const byType = report.breakdown.find((b) => b.by === 'fraudType')!.cells.filter((c) => c.items >= 3);
    const weakest = [...byType].sort((a, b) => a.proportion! - b.proportion!)[0];
    expect(weakest.key).toBe('forged:photo-substitution');
    expect(weakest.proportion).toBeLessThan(0.5);
    expect(report.weakSpots.find((w) => w.by === 'fraudType')?.cell.key).toBe('forged:photo-substitution');
  });

  it('marks the officer with few decisions as too few to judge', () => {
    const o = officers.get('trainee10')!;
    expect(o.decisions).toBeLessThan(20);
    expect(o.decisions).toBeGreaterThan(0);
    expect(o.tooFewDecisions).toBe(true);
  });

  it('orders skill, bias and speed as the profiles say', () => {
    const f = (u: string) => officers.get(u)!;
    expect(f('trainee08').dPrime!).toBeGreaterThan(f('trainee06').dPrime! + 1);
    expect(f('trainee18').criterion!).toBeGreaterThan(0.4);
    expect(f('trainee22').criterion!).toBeLessThan(-0.4);
    const medians = HISTORY.filter((u) => u !== 'trainee10').map((u) => f(u).medianDecisionMs!);
    expect(f('trainee06').medianDecisionMs).toBe(Math.min(...medians));
    expect(f('trainee09').medianDecisionMs).toBe(Math.max(...medians));
  });

  it('shows the improver getting better week by week', async () => {
    const weeks = (await officerReport('trainee07')).weeks.filter((w) => w.decisions >= 10);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const early = mean(weeks.slice(0, 2).map((w) => w.accuracy!));
    const late = mean(weeks.slice(-2).map((w) => w.accuracy!));
    expect(late - early).toBeGreaterThan(0.15);
  });

  it('shows the officer who stopped: nothing for weeks, the assessment not taken', () => {
    const o = officers.get('trainee11')!;
    expect(Date.now() - new Date(o.lastActivityAt!).getTime()).toBeGreaterThan(21 * 86_400_000);
    expect(o.modules.find((m) => m.mode === 'assessment')!.standing).toBe('not-started');
  });

  it('passes the late bloomer on the second assessment after failing the first', async () => {
    const attempts = (await officerReport('trainee12')).attempts
      .filter((a) => a.mode === 'assessment')
      .sort((a, b) => a.startedAt.localeCompare(b.startedAt));
    expect(attempts.map((a) => a.passed)).toEqual([false, true]);
  });
});

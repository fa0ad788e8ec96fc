// Who may read which report (supervisors their unit, instructors the cohorts they run, admins everything; trainees
// 403, anything out of scope 404), bad filters answered in words, and the CSV exports: a spreadsheet-safe file (BOM,
// an Urdu name that parses back equal, a name starting with '=' neutralised) and an audit entry for each.
import type { NestExpressApplication } from '@nestjs/platform-express';
import { parse } from 'csv-parse/sync';
import request from 'supertest';
import { buildDataset, type Dataset } from './report-dataset';
import { bearer, signIn, testApp } from './utils';

jest.setTimeout(240_000);

const URDU_NAME = 'عائشہ خان';
const FORMULA_NAME = '=HYPERLINK("http://example.invalid","x")';
const NO_ID = '00000000-0000-4000-8000-000000000000';

describe('competence reports: scope, filters and exports', () => {
  let app: NestExpressApplication;
  let data: Dataset;
  const t: Record<string, string> = {};
  let lahore: { unitId: string; cohortId: string; traineeId: string };
  const http = () => request(app.getHttpServer());
  const status = async (path: string, token: string) => (await http().get(path).set(bearer(token))).status;

  beforeAll(async () => {
    app = await testApp();
    data = await buildDataset(app, 'acc', ['Amna Shah', URDU_NAME, 'Chand Bibi', FORMULA_NAME, 'Erum Naz', 'Faraz']);
    for (const u of ['admin', 'supervisor1', 'instructor1', 'instructor2']) t[u] = await signIn(app, u);
    t.trainee = data.officers[0].token;
    const units = (await http().get('/api/units').set(bearer(t.admin))).body;
    const lheUnit = units.find((u: { code: string }) => u.code === 'LHE-IMM').id;
    const created = await http().post('/api/users').set(bearer(t.admin)).send({
      username: 'rpt.lhe.supervisor',
      displayName: 'Lahore Supervisor',
      role: 'supervisor',
      unitId: lheUnit,
      password: 'report-test-password',
    });
    expect(created.status).toBe(201);
    t.lheSupervisor = await signIn(app, 'rpt.lhe.supervisor', 'report-test-password');
    const lheCohort = (await http().get('/api/cohorts').set(bearer(t.instructor2))).body[0].id;
    const members = (await http().get(`/api/cohorts/${lheCohort}/members`).set(bearer(t.instructor2))).body;
    lahore = { unitId: lheUnit, cohortId: lheCohort, traineeId: members[0].id };
  });
  afterAll(() => app.close());

  const cohortRoutes = () => [
    `/api/reports/cohorts/${data.cohortId}/officers`,
    `/api/reports/cohorts/${data.cohortId}/officers.csv`,
    `/api/reports/cohorts/${data.cohortId}/heatmap`,
    `/api/reports/cohorts/${data.cohortId}/heatmap.csv`,
    `/api/reports/cohorts/${data.cohortId}/heatmap/items?by=light&key=uv365`,
    `/api/reports/cohorts/${data.cohortId}/trends`,
    `/api/reports/cohorts/${data.cohortId}/trends.csv`,
  ];

  describe('scope', () => {
    it('lets the cohort’s instructor, its unit’s supervisor and the admin read every cohort report', async () => {
      for (const path of cohortRoutes())
        for (const who of ['instructor1', 'supervisor1', 'admin'])
          expect([who, path, await status(path, t[who])]).toEqual([who, path, 200]);
    });

    it('answers 403 to a trainee, even about their own cohort', async () => {
      for (const path of [
        ...cohortRoutes(),
        `/api/reports/units/${data.unitId}`,
        `/api/reports/officers/${data.officers[0].id}`,
      ])
        expect([path, await status(path, t.trainee)]).toEqual([path, 403]);
    });

    it('answers 404 to a supervisor of another unit and an instructor who does not run the cohort', async () => {
      for (const path of cohortRoutes())
        for (const who of ['lheSupervisor', 'instructor2'])
          expect([who, path, await status(path, t[who])]).toEqual([who, path, 404]);
      for (const who of ['lheSupervisor', 'instructor2']) {
        expect(await status(`/api/reports/officers/${data.officers[0].id}`, t[who])).toBe(404);
        expect(await status(`/api/reports/units/${data.unitId}`, t[who])).toBe(404);
        expect(await status(`/api/reports/units/${data.unitId}.csv`, t[who])).toBe(404);
      }
    });

    it('tells a reader outside the cohort nothing but its 404, whatever the module filter names', async () => {
      const officers = (query: string) => `/api/reports/cohorts/${data.cohortId}/officers?${query}`;
      for (const moduleId of [data.modules.assessment.moduleId, NO_ID])
        for (const who of ['lheSupervisor', 'instructor2']) {
          const res = await http()
            .get(officers(`moduleId=${moduleId}`))
            .set(bearer(t[who]));
          expect([who, moduleId, res.status, res.body.message]).toEqual([who, moduleId, 404, 'Cohort not found']);
          expect(JSON.stringify(res.body)).not.toMatch(/officers|decisions|hitRate/);
        }
    });

    it('keeps supervisors to their own unit and instructors to the officers of cohorts they run', async () => {
      expect(await status(`/api/reports/units/${lahore.unitId}`, t.supervisor1)).toBe(404);
      expect(await status(`/api/reports/units/${lahore.unitId}`, t.lheSupervisor)).toBe(200);
      expect(await status(`/api/reports/officers/${lahore.traineeId}`, t.supervisor1)).toBe(404);
      expect(await status(`/api/reports/officers/${lahore.traineeId}`, t.instructor1)).toBe(404);
      expect(await status(`/api/reports/officers/${lahore.traineeId}`, t.instructor2)).toBe(200);
      expect(await status(`/api/reports/officers/${lahore.traineeId}`, t.admin)).toBe(200);
    });

    it('shows a unit only the cohorts the reader may see', async () => {
      const unit = (await http().get(`/api/reports/units/${data.unitId}`).set(bearer(t.supervisor1))).body;
      expect(unit.cohorts.map((c: { id: string }) => c.id)).toContain(data.cohortId);
      const lhe = (await http().get(`/api/reports/units/${lahore.unitId}`).set(bearer(t.lheSupervisor))).body;
      expect(lhe.cohorts.map((c: { id: string }) => c.id)).not.toContain(data.cohortId);
    });

    it('answers 404 for a cohort, unit or officer that does not exist', async () => {
      // An admin may see every cohort, so only the cohort's own lookup can tell that this one does not exist — also
      // beside a module filter that fails as well.
      for (const report of ['officers', 'officers.csv', 'heatmap', 'heatmap/items?by=light&key=uv365', 'trends'])
        expect({ report, status: await status(`/api/reports/cohorts/${NO_ID}/${report}`, t.admin) }).toEqual({
          report,
          status: 404,
        });
      expect(await status(`/api/reports/cohorts/${NO_ID}/trends?moduleId=${NO_ID}`, t.admin)).toBe(404);
      expect(await status(`/api/reports/units/${NO_ID}`, t.admin)).toBe(404);
      expect(await status(`/api/reports/officers/${NO_ID}`, t.admin)).toBe(404);
    });

    it('lets anyone signed in read their own competence', async () => {
      expect(await status('/api/me/competence', t.trainee)).toBe(200);
      expect(await status('/api/me/competence', t.supervisor1)).toBe(200);
    });
  });

  describe('bad filters', () => {
    const officers = (query: string) => `officers?${query}`;
    it.each([
      ['from after to', officers('from=2026-12-01&to=2026-11-01'), 400, 'from (2026-12-01) is after to (2026-11-01)'],
      ['a day that does not exist', officers('from=2026-02-30'), 400, 'from (2026-02-30) is not a date that exists'],
      ['a word for a date', officers('to=yesterday'), 400, 'to: must be an ISO date, e.g. 2026-11-30'],
      ['a module id that is not one', officers('moduleId=abc'), 400, 'moduleId must be a UUID'],
      ['a module not assigned to the cohort', officers(`moduleId=${NO_ID}`), 404, `Module ${NO_ID} is not assigned`],
      ['an unknown heatmap dimension', 'heatmap?by=colour', 400, 'by'],
      ['an unknown query field', officers('sort=name'), 400, 'sort'],
    ])('%s (%s) → %s in words', async (_, path, code, words) => {
      const res = await http().get(`/api/reports/cohorts/${data.cohortId}/${path}`).set(bearer(t.supervisor1));
      expect(res.status).toBe(code);
      expect(res.body.message).toContain(words);
    });

    it('answers 404 in words for a cohort filter outside the unit or the reader’s scope', async () => {
      const unit = await http()
        .get(`/api/reports/units/${data.unitId}?cohortId=${lahore.cohortId}`)
        .set(bearer(t.supervisor1));
      expect(unit.status).toBe(404);
      expect(unit.body.message).toContain(`Cohort ${lahore.cohortId} is not one of this unit's cohorts`);
      const officer = await http()
        .get(`/api/reports/officers/${data.officers[0].id}?cohortId=${lahore.cohortId}`)
        .set(bearer(t.supervisor1));
      expect(officer.status).toBe(404);
    });

    it('answers 404 in words for a trend line of someone outside the cohort', async () => {
      const res = await http()
        .get(`/api/reports/cohorts/${data.cohortId}/trends?userId=${lahore.traineeId}`)
        .set(bearer(t.supervisor1));
      expect(res.status).toBe(404);
      expect(res.body.message).toBe(`Officer ${lahore.traineeId} is not a member of this cohort`);
    });
  });

  describe('CSV exports', () => {
    const csvOf = async (path: string, token = t.supervisor1) => {
      const res = await http()
        .get(path)
        .set(bearer(token))
        .buffer(true)
        .parse((r, done) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => done(null, Buffer.concat(chunks)));
        });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="[a-z0-9-]+\.csv"$/);
      expect(res.headers['cache-control']).toBe('no-store');
      const bytes = res.body as Buffer;
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      return {
        filename: /filename="(.+)"/.exec(res.headers['content-disposition'])![1],
        rows: parse(bytes.toString('utf8'), { bom: true, columns: true }) as Array<Record<string, string>>,
      };
    };

    it('exports the officers table: Urdu names parse back equal, a leading = is neutralised, figures match', async () => {
      const json = (await http().get(`/api/reports/cohorts/${data.cohortId}/officers`).set(bearer(t.supervisor1))).body;
      const { filename, rows } = await csvOf(`/api/reports/cohorts/${data.cohortId}/officers.csv`);
      expect(filename).toMatch(/^officers-report-cohort-acc-\d{4}-\d{2}-\d{2}\.csv$/);
      expect(rows).toHaveLength(6);
      expect(rows.map((r) => r.name)).toContain(URDU_NAME);
      expect(rows.map((r) => r.name)).toContain(`'${FORMULA_NAME}`);
      for (const officer of json.officers) {
        const row = rows.find((r) => r.username === officer.username)!;
        expect(Number(row.hits)).toBe(officer.hits);
        expect(Number(row.decisions)).toBe(officer.decisions);
        expect(row.dPrime === '' ? null : Number(row.dPrime)).toBe(officer.dPrime);
        expect(row.tooFewDecisions).toBe(String(officer.tooFewDecisions));
      }
    });

    it('exports the heatmap, trends, unit and attempts tables', async () => {
      const heatmap = await csvOf(`/api/reports/cohorts/${data.cohortId}/heatmap.csv?by=issuingState`);
      expect(heatmap.rows).toHaveLength(7);
      expect(Object.keys(heatmap.rows[0])).toEqual(expect.arrayContaining(['UTO', 'UTO items', 'ARC', 'BRG']));
      const trends = await csvOf(`/api/reports/cohorts/${data.cohortId}/trends.csv`);
      expect(trends.rows.length).toBeGreaterThanOrEqual(1);
      const unit = await csvOf(`/api/reports/units/${data.unitId}.csv?cohortId=${data.cohortId}`);
      expect(unit.rows.map((r) => r.cohort)).toEqual([data.cohortName]);
      const attempts = await csvOf(`/api/reports/officers/${data.officers[1].id}/attempts.csv`, t.instructor1);
      expect(attempts.rows.length).toBe(data.attempts.filter((a) => a.userId === data.officers[1].id).length);
      expect(attempts.rows.every((r) => r.name === URDU_NAME)).toBe(true);
    });

    it('writes an audit entry for every export, naming the report and its filters', async () => {
      await csvOf(
        `/api/reports/cohorts/${data.cohortId}/officers.csv?moduleId=${data.modules.practice.moduleId}&from=2026-01-01`,
      );
      const log = await http()
        .get(`/api/audit?entityType=cohort&entityId=${data.cohortId}&limit=100`)
        .set(bearer(t.admin));
      expect(log.status).toBe(200);
      const exports = log.body.items.filter((e: { action: string }) => e.action === 'report.export');
      const reports = exports.map((e: { after: { report: string } }) => e.after.report);
      expect(reports).toEqual(expect.arrayContaining(['cohort-officers', 'cohort-heatmap', 'cohort-trends']));
      const filtered = exports.find(
        (e: { after: { filters: { moduleId: string | null } } }) =>
          e.after.filters.moduleId === data.modules.practice.moduleId,
      );
      expect(filtered).toMatchObject({
        actorName: 'Dep. Dir. Nasreen Haider',
        after: { format: 'csv', filters: { from: '2026-01-01T00:00:00.000Z', cohortId: data.cohortId } },
      });
      const units = await http().get(`/api/audit?entityType=unit&entityId=${data.unitId}`).set(bearer(t.admin));
      expect(units.body.items.some((e: { action: string }) => e.action === 'report.export')).toBe(true);
    });
  });
});

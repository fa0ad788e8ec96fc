// The PDF cohort report and officer transcript end to end, on a database of their own (officers are renamed): a real
// PDF from Debian's Chromium whose text (pdftotext) holds every officer's name, an Urdu one and one that is markup
// included, in English and in Urdu; the JSON routes' roles and scope; an audit entry per export; and a 503 that says
// how to install Chromium when CHROMIUM_PATH names no browser, while CSV keeps working.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { ownDatabase, type OwnDatabase } from './own-database';
import { bearer, signIn, testApp } from './utils';

jest.setTimeout(180_000);

const URDU_NAME = 'حمزہ قریشی';
const MARKUP_NAME = '<b>Sana</b> <script>alert(1)</script>';

const binary = (req: request.Test) =>
  req.buffer(true).parse((res, cb) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => cb(null, Buffer.concat(chunks)));
  });

/** The PDF's text as pdftotext reads it (poppler-utils). */
function pdfText(pdf: Buffer): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'firstline-pdf-')), 'report.pdf');
  fs.writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

/** Text compared without spaces and bidi controls: Nastaliq's joined letters come out of a PDF in spaced pieces. */
const squeeze = (text: string) => text.replace(/[\s\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '');

describe('PDF reports', () => {
  let db: OwnDatabase;
  let app: NestExpressApplication;
  const t: Record<string, string> = {};
  let cohortId: string;
  let lahoreCohortId: string;
  const ids: Record<string, string> = {};
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    if (spawnSync('pdftotext', ['-v']).error)
      throw new Error('pdftotext is not installed: these tests read the PDFs with it (apt-get install poppler-utils)');
    db = await ownDatabase('pdf');
    app = await testApp({ DATABASE_URL: db.url });
    for (const u of ['admin', 'supervisor1', 'instructor1', 'instructor2', 'trainee01']) t[u] = await signIn(app, u);
    const users = (await http().get('/api/users?limit=200').set(bearer(t.admin))).body.items as Array<{
      id: string;
      username: string;
    }>;
    for (const u of users) ids[u.username] = u.id;
    for (const [username, displayName] of [
      ['trainee04', URDU_NAME],
      ['trainee05', MARKUP_NAME],
    ]) {
      const res = await http().patch(`/api/users/${ids[username]}`).set(bearer(t.admin)).send({ displayName });
      expect(res.status).toBe(200);
    }
    cohortId = (await http().get('/api/cohorts').set(bearer(t.instructor1))).body[0].id;
    lahoreCohortId = (await http().get('/api/cohorts').set(bearer(t.instructor2))).body[0].id;
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  const cohortPdf = (lang?: string, token = t.supervisor1, cohort = cohortId) =>
    binary(
      http()
        .get(`/api/reports/cohorts/${cohort}/report.pdf${lang ? `?lang=${lang}` : ''}`)
        .set(bearer(token)),
    );

  it('prints the cohort report as a PDF download holding every officer’s name, an Urdu one included', async () => {
    const res = await cohortPdf();
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="cohort-report-islamabad-intake-2026-a-en-\d{4}-\d{2}-\d{2}\.pdf"$/,
    );
    expect(res.headers['cache-control']).toBe('no-store');
    const pdf = res.body as Buffer;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(pdf);
    expect(text).toContain('Cohort competence report');
    expect(text).toContain('Islamabad Intake 2026-A');
    for (const name of ['Ayesha Khan', 'Bilal Ahmed', 'Kamran Javed']) expect(text).toContain(name);
    expect(squeeze(text)).toContain(squeeze(URDU_NAME));
    // The markup is printed as text, not run or rendered.
    expect(text).toContain('<b>Sana</b>');
    expect(text).toContain('<script>alert(1)');
  });

  it('writes the report in Urdu, right to left, with lang=ur', async () => {
    const res = await cohortPdf('ur');
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toContain('-ur-');
    const text = squeeze(pdfText(res.body as Buffer));
    // (Nastaliq comes out of a PDF with some letters out of place: these words come out whole.)
    expect(text).toContain(squeeze('تمام ماڈیول'));
    expect(text).toContain(squeeze('افسران'));
    expect(text).toContain(squeeze(URDU_NAME));
    expect(text).toContain('AyeshaKhan');
  });

  it('prints an officer’s transcript', async () => {
    const res = await binary(
      http()
        .get(`/api/reports/officers/${ids.trainee04}/transcript.pdf?cohortId=${cohortId}`)
        .set(bearer(t.instructor1)),
    );
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toMatch(/filename="transcript-trainee04-en-[\d-]+\.pdf"/);
    const text = pdfText(res.body as Buffer);
    expect(text).toContain('Officer transcript');
    expect(text).toContain('trainee04');
    expect(text).toContain('Islamabad Intake 2026-A');
    expect(squeeze(text)).toContain(squeeze(URDU_NAME));
  });

  it('writes every PDF export to the audit log', async () => {
    const res = await http().get(`/api/audit?entityType=cohort&entityId=${cohortId}`).set(bearer(t.admin));
    const pdfs = (res.body.items as Array<{ action: string; after: { format: string; report: string } }>).filter(
      (e) => e.action === 'report.export' && e.after.format === 'pdf',
    );
    expect(pdfs.map((e) => e.after.report)).toEqual(['cohort-report', 'cohort-report']);
    const user = await http().get(`/api/audit?entityType=user&entityId=${ids.trainee04}`).set(bearer(t.admin));
    expect(user.body.items[0]).toMatchObject({
      action: 'report.export',
      after: { report: 'officer-transcript', format: 'pdf', filters: { cohortId, lang: 'en' } },
    });
  });

  it('answers as the JSON routes do for roles and scope: 403 for a trainee, 404 out of scope', async () => {
    const pairs: Array<[string, string, string]> = [
      ['trainee01', `/api/reports/cohorts/${cohortId}/officers`, `/api/reports/cohorts/${cohortId}/report.pdf`],
      ['instructor2', `/api/reports/cohorts/${cohortId}/officers`, `/api/reports/cohorts/${cohortId}/report.pdf`],
      [
        'supervisor1',
        `/api/reports/cohorts/${lahoreCohortId}/officers`,
        `/api/reports/cohorts/${lahoreCohortId}/report.pdf`,
      ],
      [
        'instructor2',
        `/api/reports/officers/${ids.trainee04}`,
        `/api/reports/officers/${ids.trainee04}/transcript.pdf`,
      ],
      [
        'supervisor1',
        `/api/reports/officers/${ids.trainee16}`,
        `/api/reports/officers/${ids.trainee16}/transcript.pdf`,
      ],
    ];
    for (const [who, json, pdf] of pairs) {
      const expected = (await http().get(json).set(bearer(t[who]))).status;
      expect([who, pdf, (await http().get(pdf).set(bearer(t[who]))).status]).toEqual([who, pdf, expected]);
    }
    expect((await http().get(`/api/reports/cohorts/${cohortId}/report.pdf`).set(bearer(t.trainee01))).status).toBe(403);
    expect((await cohortPdf(undefined, t.instructor2)).status).toBe(404);
  });

  it('refuses a language it does not write, in words', async () => {
    const res = await http().get(`/api/reports/cohorts/${cohortId}/report.pdf?lang=fr`).set(bearer(t.admin));
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('lang');
  });

  describe('without Chromium', () => {
    let bare: NestExpressApplication;
    beforeAll(async () => {
      bare = await testApp({ DATABASE_URL: db.url, CHROMIUM_PATH: '/nonexistent/chromium' });
    });
    afterAll(() => bare?.close());

    it('answers 503 saying how to install Chromium, after the scope check, and CSV still works', async () => {
      const token = await signIn(bare, 'supervisor1');
      const res = await request(bare.getHttpServer())
        .get(`/api/reports/cohorts/${cohortId}/report.pdf`)
        .set(bearer(token));
      expect(res.status).toBe(503);
      expect(res.body.message).toContain('CHROMIUM_PATH (/nonexistent/chromium)');
      expect(res.body.message).toContain('apt-get install chromium');
      const out = await request(bare.getHttpServer())
        .get(`/api/reports/cohorts/${lahoreCohortId}/report.pdf`)
        .set(bearer(token));
      expect(out.status).toBe(404);
      const csv = await request(bare.getHttpServer())
        .get(`/api/reports/cohorts/${cohortId}/officers.csv`)
        .set(bearer(token));
      expect(csv.status).toBe(200);
    });
  });
});

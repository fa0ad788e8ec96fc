// "Preview as the trainee sees it" on a real PostgreSQL: the preview is the presentation a trainee's attempt gets
// for the same exercise (and carries no truth), "try it" scores an answer exactly as a practice item's feedback does
// (checked against a real practice attempt), nothing is stored, and only the exercise's instructors and admins see it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import sharp from 'sharp';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { MediaService } from '../src/media/media.service';
import { bearer, expectBody as ok, signIn, testApp } from './utils';

jest.setTimeout(120_000);

const TAG = `pv${Date.now().toString(36)}`;
const REGION = [
  [0.4, 0.3],
  [0.7, 0.3],
  [0.7, 0.36],
  [0.4, 0.36],
];
const MRZ = ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'];
const CONTEXT = {
  referenceDate: '2026-12-04',
  stolenBlankSeries: [
    { state: 'UTO', documentType: 'TD3', from: 'L8980000', to: 'L8989999', reportedOn: '2026-01-10' },
  ],
  records: [{ source: 'Stolen and Lost Travel Documents', result: 'no-hit', note: '' }],
};
/** The fields of an attempt item that come from the exercise (the rest tie it to the attempt). */
const DOCUMENT_FIELDS = ['issuingState', 'documentType', 'parts', 'sides', 'traveller', 'context'] as const;
const ATTEMPT_FIELDS = ['attemptId', 'n', 'itemCount', 'itemId', 'timeAllowedSeconds', 'firstServedAt', 'serverNow'];
const TRUTH_KEYS = ['verdict', 'regions', 'explanation', 'truth', 'correctDecision', 'polygon', 'featureOptions'];
const NO_ID = '00000000-0000-4000-8000-000000000000';

/** Every key path in a JSON value (array indices collapsed). */
function keyPaths(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((v) => keyPaths(v, `${prefix}[]`));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => [`${prefix}.${k}`, ...keyPaths(v, `${prefix}.${k}`)]);
  return [];
}

/** Signed URLs differ by who they are signed for and in what context: keep their place, drop the token. */
const unsigned = (value: unknown): unknown =>
  JSON.parse(
    JSON.stringify(value, (k, v) => {
      if (k === 'expiresAt') return 'signed';
      return typeof v === 'string' && v.startsWith('/api/media/s/') ? 'signed-url' : v;
    }),
  );

describe('exercise preview', () => {
  let app: NestExpressApplication;
  let db: DataSource;
  const t: Record<string, string> = {};
  const http = () => request(app.getHttpServer());
  const preview = (who: string, id: string, query = '') =>
    http().get(`/api/exercises/${id}/preview${query}`).set(bearer(t[who]));
  const tryIt = (who: string, id: string, answer: object, query = '') =>
    http().post(`/api/exercises/${id}/preview/score${query}`).set(bearer(t[who])).send({ answer });
  const counts = async () => {
    const [row] = await db.query(
      `SELECT (SELECT count(*) FROM attempts)::int AS attempts, (SELECT count(*) FROM attempt_items)::int AS items,
              (SELECT count(*) FROM response_receipts)::int AS receipts,
              (SELECT count(*) FROM attempt_items WHERE saved IS NOT NULL OR locked_at IS NOT NULL)::int AS answered,
              (SELECT count(*) FROM audit_log)::int AS audit`,
    );
    return row;
  };

  let exerciseId: string;
  let attemptId: string;
  let trainee: string;
  let item: Record<string, unknown>;

  beforeAll(async () => {
    app = await testApp();
    db = app.get(DataSource);
    for (const u of ['admin', 'instructor1', 'instructor2', 'supervisor1', 'trainee01']) t[u] = await signIn(app, u);

    // Two sides under two lights and a traveller's photograph, through the real media pipeline.
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'firstline-preview-img-'));
    const media = app.get(MediaService);
    const assets: string[] = [];
    for (const [i, colour] of ['#e8e2d0', '#1a1a40', '#d0dce8', '#c8b090'].entries()) {
      const file = path.join(tmp, `img-${i}.png`);
      await sharp({ create: { width: 320, height: 225, channels: 3, background: colour } })
        .png()
        .toFile(file);
      assets.push((await media.ingestFile(file, { createdBy: null, group: `preview-test:${TAG}` })).id);
    }
    await media.waitForIdle();
    fs.rmSync(tmp, { recursive: true, force: true });

    const exercise = await ok(
      http()
        .post('/api/exercises')
        .set(bearer(t.instructor1))
        .send({
          title: `${TAG} UTO TD3 data alteration`,
          issuingState: 'UTO',
          documentType: 'TD3',
          parts: { locate: { maxPoints: 2 }, fraudType: true, features: true, mrz: true },
          images: [
            { side: 'data-page', light: 'uv365', frame: 1, assetId: assets[1] },
            { side: 'data-page', light: 'visible', frame: 1, assetId: assets[0] },
            { side: 'back', light: 'visible', frame: 1, assetId: assets[2] },
          ],
          travellerAssetId: assets[3],
          mrz: MRZ,
          featureOptions: ['viz-data', 'microprint', 'guilloche', 'portrait'],
          context: CONTEXT,
          truth: {
            verdict: 'fraudulent',
            fraudType: 'forged:data-alteration',
            regions: [{ side: 'data-page', polygon: REGION, features: ['viz-data'], lights: ['visible', 'uv365'] }],
            explanation: `${TAG}: the date of birth was retyped over an erased field.`,
            mrzFailedChecks: ['birthDateCheckDigit'],
          },
        }),
      201,
    );
    exerciseId = exercise.id;

    // A practice module of that one exercise, assigned to a fresh cohort of one new officer, who starts it.
    const units = await ok(http().get('/api/units').set(bearer(t.admin)));
    const unitId = units.find((u: { code: string }) => u.code === 'ISB-IMM').id;
    const officer = await ok(
      http()
        .post('/api/users')
        .set(bearer(t.admin))
        .send({
          username: `${TAG}.officer`,
          displayName: 'Preview Officer',
          role: 'trainee',
          unitId,
          password: 'preview-test-password',
        }),
      201,
    );
    trainee = await signIn(app, `${TAG}.officer`, 'preview-test-password');
    const cohort = await ok(
      http()
        .post('/api/cohorts')
        .set(bearer(t.instructor1))
        .send({ name: `Preview cohort ${TAG}`, unitId }),
      201,
    );
    await ok(
      http()
        .post(`/api/cohorts/${cohort.id}/members`)
        .set(bearer(t.instructor1))
        .send({ userIds: [officer.id] }),
      201,
    );
    const mod = await ok(
      http()
        .post('/api/modules')
        .set(bearer(t.instructor1))
        .send({
          title: `${TAG} practice`,
          exerciseIds: [exerciseId],
          settings: { mode: 'practice', feedback: 'after-item', timePerItemSeconds: 600 },
        }),
      201,
    );
    const published = await ok(http().post(`/api/modules/${mod.id}/publish`).set(bearer(t.instructor1)));
    const assignment = await ok(
      http()
        .post('/api/assignments')
        .set(bearer(t.instructor1))
        .send({
          moduleVersionId: published.publishedVersion.id,
          cohortId: cohort.id,
          opensAt: new Date(Date.now() - 60_000).toISOString(),
        }),
      201,
    );
    attemptId = (await ok(http().post('/api/attempts').set(bearer(trainee)).send({ assignmentId: assignment.id }), 201))
      .id;
    item = await ok(http().get(`/api/attempts/${attemptId}/items/1`).set(bearer(trainee)));
  });

  afterAll(() => app.close());

  describe('the presentation', () => {
    it('is what an attempt of a module with the exercise presents, field for field', async () => {
      const body = await ok(preview('instructor1', exerciseId));
      expect(body).toMatchObject({ exerciseId, version: 1, current: true, title: `${TAG} UTO TD3 data alteration` });
      const fromAttempt = Object.fromEntries(DOCUMENT_FIELDS.map((k) => [k, item[k]]));
      expect(Object.keys(body.item).sort()).toEqual([...DOCUMENT_FIELDS].sort());
      expect(unsigned(body.item)).toEqual(unsigned(fromAttempt));
      // The same key paths as the attempt's item, but for the fields that tie an item to an attempt.
      const tied = [...ATTEMPT_FIELDS, 'saved', 'locked'];
      const attemptPaths = keyPaths(item).filter((p) => !tied.some((f) => p === `.${f}` || p.startsWith(`.${f}.`)));
      expect(new Set(keyPaths(body.item))).toEqual(new Set(attemptPaths));
    });

    it('shows both sides, every light, the traveller and the desk context', async () => {
      const { item: shown } = await ok(preview('instructor1', exerciseId));
      expect(shown.sides.map((s: { side: string }) => s.side)).toEqual(['data-page', 'back']);
      expect(shown.sides[0].images.map((i: { light: string }) => i.light)).toEqual(['visible', 'uv365']);
      expect(shown.traveller).not.toBeNull();
      expect(shown.context).toEqual(CONTEXT);
      expect(shown.parts).toMatchObject({ locate: { maxPoints: 2 }, mrz: { lines: MRZ } });
    });

    it('carries no truth', async () => {
      const { item: shown } = await ok(preview('instructor1', exerciseId));
      const paths = keyPaths(shown);
      for (const key of TRUTH_KEYS) expect(paths.filter((p) => p.endsWith(`.${key}`))).toEqual([]);
      const text = JSON.stringify(shown);
      expect(text).not.toContain('erased field');
      expect(text).not.toContain(exerciseId);
      expect(JSON.stringify(shown, (k, v) => (k === 'options' ? undefined : v))).not.toContain('data-alteration');
    });

    it('signs images the previewer can open', async () => {
      const { item: shown } = await ok(preview('instructor1', exerciseId));
      const url = Object.values(shown.sides[0].images[0].urls.variants as Record<string, string>)[0];
      const res = await http().get(url);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^image\//);
    });
  });

  describe('try it', () => {
    const correct = {
      decision: 'refer',
      points: [{ side: 'data-page', x: 0.55, y: 0.33 }],
      fraudType: 'forged:data-alteration',
      features: ['viz-data'],
      mrzFailedChecks: ['birthDateCheckDigit'],
    };
    const wrong = {
      decision: 'refer',
      points: [
        { side: 'back', x: 0.1, y: 0.9 },
        { side: 'data-page', x: 0.5, y: 0.32 },
      ],
      fraudType: 'forged:photo-substitution',
      features: ['viz-data', 'guilloche'],
      mrzFailedChecks: [],
    };

    it('gives full marks for the right answer, with every part and the truth', async () => {
      const { feedback, versionId } = await ok(tryIt('instructor1', exerciseId, correct));
      expect(versionId).toBe((await ok(preview('instructor1', exerciseId))).versionId);
      expect(feedback.score).toBe(1);
      expect(feedback.parts.map((p: { part: string }) => p.part).sort()).toEqual(
        ['decision', 'features', 'fraudType', 'locate', 'mrz'].sort(),
      );
      for (const part of feedback.parts) expect(part.score).toBe(1);
      expect(feedback).toMatchObject({
        verdict: 'fraudulent',
        fraudType: 'forged:data-alteration',
        correctDecision: 'refer',
        mrzFailedChecks: ['birthDateCheckDigit'],
        explanation: `${TAG}: the date of birth was retyped over an erased field.`,
      });
      expect(feedback.regions).toHaveLength(1);
    });

    it('gives a wrong answer the score and feedback a practice attempt gives for it', async () => {
      const { feedback } = await ok(tryIt('instructor1', exerciseId, wrong));
      expect(feedback.score).toBeGreaterThan(0);
      expect(feedback.score).toBeLessThan(1);
      const practice = await ok(
        http()
          .put(`/api/attempts/${attemptId}/items/1/response`)
          .set(bearer(trainee))
          .set('Idempotency-Key', `${TAG}-wrong-answer`)
          .send({ ...wrong, final: true }),
      );
      expect(practice.status).toBe('locked');
      expect(feedback).toEqual(practice.feedback);
    });

    it('accepting a forgery scores 0, as in practice', async () => {
      const { feedback } = await ok(tryIt('instructor1', exerciseId, { decision: 'accept' }));
      expect(feedback.score).toBe(0);
      expect(feedback.parts.find((p: { part: string }) => p.part === 'decision').score).toBe(0);
    });

    it('stores nothing: no attempt, item, response, receipt or audit entry', async () => {
      const before = await counts();
      await ok(preview('instructor1', exerciseId));
      await ok(preview('admin', exerciseId));
      await ok(tryIt('instructor1', exerciseId, correct));
      await ok(tryIt('admin', exerciseId, wrong));
      await tryIt('instructor1', exerciseId, { decision: 'refer', points: [{ side: 'front', x: 0.5, y: 0.5 }] });
      expect(await counts()).toEqual(before);
    });

    it.each([
      ['no decision', {}, /needs a decision/],
      ['an unknown field', { decision: 'accept', verdict: 'genuine' }, /verdict/],
      ['a point off the image', { decision: 'refer', points: [{ side: 'data-page', x: 1.5, y: 0.5 }] }, /x/],
      [
        'a point on a side the document does not show',
        { decision: 'refer', points: [{ side: 'front', x: 0.5, y: 0.5 }] },
        /no front side \(it shows: data-page, back\)/,
      ],
      [
        'more points than the item takes',
        {
          decision: 'refer',
          points: [0.1, 0.2, 0.3].map((x) => ({ side: 'data-page', x, y: 0.5 })),
        },
        /at most 2 point\(s\), not 3/,
      ],
      ['"genuine" as a fraud type', { decision: 'refer', fraudType: 'genuine' }, /not a fraud type the player offers/],
      ['a feature not offered', { decision: 'refer', features: ['dovid'] }, /feature options: dovid/],
      ['a fraud type that does not exist', { decision: 'refer', fraudType: 'forged:teleport' }, /fraudType/],
    ])('answers %s with 400 in words', async (_, answer, message) => {
      const res = await tryIt('instructor1', exerciseId, answer);
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body)).toMatch(message);
    });

    it('refuses a body without an answer', async () => {
      const res = await http()
        .post(`/api/exercises/${exerciseId}/preview/score`)
        .set(bearer(t.instructor1))
        .send({ decision: 'accept' });
      expect(res.status).toBe(400);
    });
  });

  describe('who may preview', () => {
    it('admins may; trainees and supervisors are refused (403)', async () => {
      expect((await preview('admin', exerciseId)).status).toBe(200);
      expect((await tryIt('admin', exerciseId, { decision: 'refer' })).status).toBe(200);
      for (const who of ['trainee01', 'supervisor1']) {
        expect((await preview(who, exerciseId)).status).toBe(403);
        expect((await tryIt(who, exerciseId, { decision: 'refer' })).status).toBe(403);
      }
      expect((await http().get(`/api/exercises/${exerciseId}/preview`).set(bearer(trainee))).status).toBe(403);
    });

    it('an instructor of another unit gets 404, as for an exercise that does not exist', async () => {
      const own = await preview('instructor2', exerciseId);
      expect(own.status).toBe(404);
      expect(own.body.message).toBe('Exercise not found');
      expect((await tryIt('instructor2', exerciseId, { decision: 'refer' })).status).toBe(404);
      expect((await preview('instructor1', NO_ID)).status).toBe(404);
      expect((await preview('instructor1', 'not-a-uuid')).status).toBe(400);
    });
  });

  describe('an older version', () => {
    it('is previewed and scored with ?versionId=, the current one by default', async () => {
      const v1 = await ok(preview('instructor1', exerciseId));
      // The exercise is in a published module, so an edit makes version 2: here the answer key changes.
      const view = await ok(http().get(`/api/exercises/${exerciseId}`).set(bearer(t.instructor1)));
      const edited = await ok(
        http()
          .put(`/api/exercises/${exerciseId}`)
          .set(bearer(t.instructor1))
          .send({
            title: view.title,
            issuingState: view.issuingState,
            documentType: view.documentType,
            parts: { ...view.parts, mrz: false },
            images: view.images,
            travellerAssetId: view.travellerAssetId,
            mrz: view.mrz,
            featureOptions: view.featureOptions,
            context: view.context,
            truth: { ...view.truth, fraudType: 'forged:photo-substitution' },
          }),
      );
      expect(edited.version).toBe(2);

      const current = await ok(preview('instructor1', exerciseId));
      expect(current).toMatchObject({ version: 2, current: true });
      expect(current.versionId).not.toBe(v1.versionId);
      expect(current.item.parts.mrz).toBeNull();
      const old = await ok(preview('instructor1', exerciseId, `?versionId=${v1.versionId}`));
      expect(old).toMatchObject({ version: 1, current: false, versionId: v1.versionId });
      expect(unsigned(old.item)).toEqual(unsigned(v1.item));

      const answer = { decision: 'refer', fraudType: 'forged:photo-substitution' };
      const now = await ok(tryIt('instructor1', exerciseId, answer));
      const then = await ok(tryIt('instructor1', exerciseId, answer, `?versionId=${v1.versionId}`));
      expect(now.feedback.fraudType).toBe('forged:photo-substitution');
      expect(then.feedback.fraudType).toBe('forged:data-alteration');
      expect(then.versionId).toBe(v1.versionId);
      expect(now.feedback.parts.find((p: { part: string }) => p.part === 'fraudType').score).toBe(1);
      expect(then.feedback.parts.find((p: { part: string }) => p.part === 'fraudType').score).toBeLessThan(1);
    });

    it('a version of another exercise is not found; a malformed one is 400', async () => {
      const other = await ok(
        http().post(`/api/exercises/${exerciseId}/duplicate`).set(bearer(t.instructor1)).send(),
        201,
      );
      const res = await preview('instructor1', exerciseId, `?versionId=${other.versionId}`);
      expect(res.status).toBe(404);
      expect(res.body.message).toBe('Version of this exercise not found');
      expect((await preview('instructor1', exerciseId, '?versionId=v1')).status).toBe(400);
      expect((await preview('instructor1', exerciseId, '?version=1')).status).toBe(400);
    });
  });
});

// Exposure control on real PostgreSQL: an officer who collects every truth that practice feedback and reviews give,
// as a curious trainee would with a script, meets none of those documents in the assessment — not by image bytes, not
// by URL, not by MRZ. Publishing and assigning an assessment whose pool cannot honour that is refused in numbers, an
// officer left with too few unseen documents is told so, and a staff review shows nothing to anyone.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import sharp from 'sharp';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { MediaService } from '../src/media/media.service';
import { bearer, expectBody as ok, newTrainee, signIn, testApp } from './utils';

jest.setTimeout(180_000);

const TAG = `exposure-${Date.now().toString(36)}`;
const DOCUMENTS = 12;
const PRACTISED = 8; // the practice module pools the first 8

/** ICAO 9303 check digit (weights 7, 3, 1; '<' is 0, letters 10–35). */
function checkDigit(field: string): string {
  const value = (c: string) => (c === '<' ? 0 : /\d/.test(c) ? Number(c) : c.charCodeAt(0) - 55);
  return String([...field].reduce((sum, c, i) => sum + value(c) * [7, 3, 1][i % 3], 0) % 10);
}

/** A valid TD3 MRZ whose document number is `number` (9 characters). */
function mrzOf(number: string): string[] {
  const doc = number + checkDigit(number);
  const birth = '740812' + checkDigit('740812');
  const expiry = '320415' + checkDigit('320415');
  const optional = 'ZE184226B<<<<<';
  const withOptional = optional + checkDigit(optional);
  const composite = checkDigit(doc + birth + expiry + withOptional);
  return ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', `${doc}UTO${birth}F${expiry}${withOptional}${composite}`];
}

interface Presented {
  parts: { mrz: { lines: string[] } | null };
  sides: Array<{ images: Array<{ urls: { variants: Record<string, string>; dzi: string } }> }>;
}

describe('exposure control', () => {
  let app: NestExpressApplication;
  let db: DataSource;
  const t: Record<string, string> = {};
  let unitId: string;
  const exerciseIds: string[] = [];
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'firstline-exposure-'));
  const http = () => request(app.getHttpServer());

  const officer = (name: string) => newTrainee(app, t.admin, unitId, `${TAG}.${name}`, 'exposure-password');

  async function cohortOf(name: string, userIds: string[]): Promise<{ id: string; name: string }> {
    const cohort = await ok(
      http()
        .post('/api/cohorts')
        .set(bearer(t.instructor))
        .send({ name: `${name} ${TAG}`, unitId }),
      201,
    );
    await ok(http().post(`/api/cohorts/${cohort.id}/members`).set(bearer(t.instructor)).send({ userIds }), 201);
    return cohort;
  }

  const moduleOf = (title: string, ids: string[], settings: object) =>
    ok(
      http()
        .post('/api/modules')
        .set(bearer(t.instructor))
        .send({ title: `${TAG} ${title}`, exerciseIds: ids, settings }),
      201,
    );
  const publish = (moduleId: string) => http().post(`/api/modules/${moduleId}/publish`).set(bearer(t.instructor));
  const assign = (moduleVersionId: string, cohortId: string) =>
    http()
      .post('/api/assignments')
      .set(bearer(t.instructor))
      .send({ moduleVersionId, cohortId, opensAt: new Date(Date.now() - 60_000).toISOString() });
  const modulesByVersion = new Map<string, string>();
  /** Creates and publishes a module; returns its published version's id. */
  async function published(title: string, ids: string[], settings: object): Promise<string> {
    const mod = await moduleOf(title, ids, settings);
    const versionId = (await ok(publish(mod.id))).publishedVersion.id;
    modulesByVersion.set(versionId, mod.id);
    return versionId;
  }

  /** Everything a scripted trainee keeps of a presented item: image bytes, image URLs and MRZ lines. */
  async function fingerprints(item: Presented) {
    const urls = item.sides.flatMap((s) => s.images.flatMap((i) => [i.urls.dzi, ...Object.values(i.urls.variants)]));
    const bytes: string[] = [];
    for (const url of urls.filter((u) => !u.endsWith('.dzi') && !u.includes('.dzi?'))) {
      const res = await http().get(url).buffer(true);
      expect(res.status).toBe(200);
      bytes.push(
        createHash('sha256')
          .update(res.body as Buffer)
          .digest('hex'),
      );
    }
    const pathsOf = urls.map((u) => u.split('?')[0]);
    return { bytes, urls: [...urls, ...pathsOf], mrz: item.parts.mrz?.lines.join('\n') ?? null };
  }

  /** Takes an attempt at the assignment, answering every item 'refer'; returns what each item showed. */
  async function take(token: string, assignmentId: string) {
    const attempt = await ok(http().post('/api/attempts').set(bearer(token)).send({ assignmentId }), 201);
    const seen: Array<Awaited<ReturnType<typeof fingerprints>> & { feedback: unknown }> = [];
    for (let n = 1; n <= attempt.itemCount; n++) {
      const item = await ok(http().get(`/api/attempts/${attempt.id}/items/${n}`).set(bearer(token)));
      const answer = await ok(
        http()
          .put(`/api/attempts/${attempt.id}/items/${n}/response`)
          .set(bearer(token))
          .set('Idempotency-Key', `${attempt.id}-${n}`)
          .send({ decision: 'refer', final: true }),
      );
      seen.push({ ...(await fingerprints(item)), feedback: answer.feedback });
    }
    await ok(http().post(`/api/attempts/${attempt.id}/finish`).set(bearer(token)));
    return { attemptId: attempt.id as string, seen };
  }

  const exposureRows = async (userId: string) =>
    (await db.query(`SELECT exercise_id, source FROM truth_exposures WHERE user_id = $1 ORDER BY exercise_id`, [
      userId,
    ])) as Array<{ exercise_id: string; source: string }>;
  const drawnExercises = async (attemptId: string) =>
    (
      await db.query(
        `SELECT v.exercise_id FROM attempt_items i JOIN exercise_versions v ON v.id = i.exercise_version_id
          WHERE i.attempt_id = $1`,
        [attemptId],
      )
    ).map((r: { exercise_id: string }) => r.exercise_id) as string[];

  beforeAll(async () => {
    app = await testApp();
    db = app.get(DataSource);
    t.admin = await signIn(app, 'admin');
    t.instructor = await signIn(app, 'instructor1');
    t.otherUnit = await signIn(app, 'instructor2');
    const units = await ok(http().get('/api/units').set(bearer(t.admin)));
    unitId = units.find((u: { code: string }) => u.code === 'ISB-IMM').id;
    // Twelve documents, each with its own photograph and MRZ; every other one genuine.
    const media = app.get(MediaService);
    for (let i = 0; i < DOCUMENTS; i++) {
      const file = path.join(tmp, `page-${i}.png`);
      const shade = 150 + i * 8;
      await sharp({
        create: { width: 320, height: 220, channels: 3, background: { r: shade, g: 200, b: 255 - i * 9 } },
      })
        .png()
        .toFile(file);
      const asset = (await media.ingestFile(file, { createdBy: null, group: `${TAG}:${i}` })).id;
      const genuine = i % 2 === 0;
      const exercise = await ok(
        http()
          .post('/api/exercises')
          .set(bearer(t.instructor))
          .send({
            title: `${TAG} document ${i + 1}`,
            issuingState: 'UTO',
            documentType: 'TD3',
            tags: [TAG],
            parts: { locate: null, fraudType: true, features: false, mrz: true },
            images: [{ side: 'data-page', light: 'visible', frame: 1, assetId: asset }],
            mrz: mrzOf(`L8989${String(i).padStart(2, '0')}C3`),
            truth: genuine
              ? { verdict: 'genuine', fraudType: 'genuine', regions: [], explanation: 'Nothing wrong.' }
              : {
                  verdict: 'fraudulent',
                  fraudType: 'forged:data-alteration',
                  regions: [
                    {
                      side: 'data-page',
                      polygon: [
                        [0.4, 0.3],
                        [0.7, 0.3],
                        [0.7, 0.36],
                        [0.4, 0.36],
                      ],
                      features: [],
                      lights: ['visible'],
                    },
                  ],
                  explanation: 'The date of birth was retyped.',
                },
          }),
        201,
      );
      exerciseIds.push(exercise.id);
    }
    await media.waitForIdle();
  });

  afterAll(async () => {
    await app.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  describe('publishing', () => {
    it('refuses an assessment that shows answers after each of unlimited attempts', async () => {
      const mod = await moduleOf('unlimited', exerciseIds, {
        mode: 'assessment',
        feedback: 'after-finish',
        drawCount: 4,
        attemptsAllowed: null,
      });
      const res = await publish(mod.id);
      expect(res.status).toBe(400);
      expect(res.body.message).toMatch(/must limit its attempts/);
    });

    it('refuses a pool that cannot give every allowed attempt documents the officer has not seen, in numbers', async () => {
      const mod = await moduleOf('too small', exerciseIds, {
        mode: 'assessment',
        feedback: 'after-finish',
        drawCount: 8,
        minGenuineShare: 0.25,
        attemptsAllowed: 2,
      });
      const res = await publish(mod.id);
      expect(res.status).toBe(400);
      expect(res.body.message).toBe(
        'This assessment needs 16 documents — 2 attempts × 8, each attempt\u2019s documents shown in its review — ' +
          'with 4 genuine (2 an attempt) that an officer has not seen; its pool has 12 (6 genuine). Add documents, ' +
          'draw fewer or allow fewer attempts',
      );
    });

    it('publishes one whose answers are never shown with one draw of unseen documents', async () => {
      const mod = await moduleOf('never shown', exerciseIds, {
        mode: 'assessment',
        feedback: 'never',
        drawCount: 12,
        attemptsAllowed: null,
      });
      expect((await publish(mod.id)).status).toBe(200);
    });
  });

  describe('the harvest', () => {
    let harvester: { id: string; token: string };
    const collected = { bytes: new Set<string>(), urls: new Set<string>(), mrz: new Set<string>() };
    const keep = (seen: Array<{ bytes: string[]; urls: string[]; mrz: string | null }>) => {
      for (const s of seen) {
        s.bytes.forEach((b) => collected.bytes.add(b));
        s.urls.forEach((u) => collected.urls.add(u));
        if (s.mrz) collected.mrz.add(s.mrz);
      }
    };
    let assessment: string;
    let assessmentModule: string;
    let practiceModule: string;
    let cohortId: string;

    beforeAll(async () => {
      harvester = await officer('harvester');
      const cohort = await cohortOf('Harvest cohort', [harvester.id]);
      const practice = await published('practice', exerciseIds.slice(0, PRACTISED), {
        mode: 'practice',
        feedback: 'after-item',
        timePerItemSeconds: 600,
      });
      const exam = await published('assessment', exerciseIds, {
        mode: 'assessment',
        feedback: 'after-finish',
        timePerItemSeconds: 600,
        drawCount: 2,
        minGenuineShare: 0.5,
        attemptsAllowed: 2,
      });
      const practiceAssignment = await ok(assign(practice, cohort.id), 201);
      assessment = (await ok(assign(exam, cohort.id), 201)).id;
      assessmentModule = modulesByVersion.get(exam)!;
      practiceModule = modulesByVersion.get(practice)!;
      cohortId = cohort.id;
      // Practice, run until every document of its pool has shown its truth (a pool of 8, all drawn each time).
      const practised = await take(harvester.token, practiceAssignment.id);
      expect(practised.seen).toHaveLength(PRACTISED);
      expect(practised.seen.every((s) => s.feedback && typeof s.feedback === 'object')).toBe(true);
      keep(practised.seen);
    });

    it('records each document whose truth practice feedback showed', async () => {
      const rows = await exposureRows(harvester.id);
      expect(rows.map((r) => r.exercise_id).sort()).toEqual(exerciseIds.slice(0, PRACTISED).sort());
      expect(rows.every((r) => r.source === 'practice-feedback')).toBe(true);
    });

    it('never presents a collected document in the assessment, nor one its first attempt’s review showed', async () => {
      const first = await take(harvester.token, assessment);
      for (const s of first.seen) {
        expect(s.bytes.filter((b) => collected.bytes.has(b))).toEqual([]);
        expect(s.urls.filter((u) => collected.urls.has(u))).toEqual([]);
        expect(s.mrz && collected.mrz.has(s.mrz)).toBeFalsy();
      }
      expect((await drawnExercises(first.attemptId)).filter((e) => exerciseIds.indexOf(e) < PRACTISED)).toEqual([]);
      keep(first.seen);

      // The review can show the truth of both items from the finish on: they are recorded then, opened or not, and
      // the second attempt draws the other two.
      expect((await exposureRows(harvester.id)).filter((r) => r.source === 'review')).toHaveLength(2);
      const review = await ok(http().get(`/api/attempts/${first.attemptId}/review`).set(bearer(harvester.token)));
      expect(review.items).toHaveLength(2);
      for (const item of review.items) keep([await fingerprints(item.presentation)]);
      const second = await take(harvester.token, assessment);
      for (const s of second.seen) {
        expect(s.bytes.filter((b) => collected.bytes.has(b))).toEqual([]);
        expect(s.urls.filter((u) => collected.urls.has(u))).toEqual([]);
        expect(s.mrz && collected.mrz.has(s.mrz)).toBeFalsy();
      }
      const drawn = [...(await drawnExercises(first.attemptId)), ...(await drawnExercises(second.attemptId))];
      expect(new Set(drawn).size).toBe(4);
      expect(drawn.sort()).toEqual(exerciseIds.slice(PRACTISED).sort());
    });

    it('shows on the module screen how much of the pool the cohort has seen, and in the library per document', async () => {
      const exposure = await ok(http().get(`/api/modules/${assessmentModule}/exposure`).set(bearer(t.instructor)));
      expect(exposure).toMatchObject({
        mode: 'assessment',
        poolDocuments: DOCUMENTS,
        poolGenuine: DOCUMENTS / 2,
        need: { attempts: 2, draw: 2, genuinePerAttempt: 1, documents: 4, genuine: 2 },
        unlimited: false,
      });
      // Practice showed 8, the two finished attempts' reviews the other 4: the cohort's one officer has seen all 12
      // — none unseen, too few for the two attempts allowed (both now made).
      expect(exposure.cohorts).toEqual([
        expect.objectContaining({
          cohortId,
          officers: 1,
          poolDocuments: DOCUMENTS,
          exposedDocuments: DOCUMENTS,
          officersExposed: 1,
          officersShort: 1,
          fewestUnseen: 0,
        }),
      ]);
      // The practice module assigned to the same cohort shares 8 documents with it — and says so the other way round.
      expect(exposure.overlaps).toEqual([
        {
          moduleId: practiceModule,
          title: `${TAG} practice`,
          mode: 'practice',
          cohortId,
          cohortName: `Harvest cohort ${TAG}`,
          sharedDocuments: PRACTISED,
        },
      ]);
      const practiceSide = await ok(http().get(`/api/modules/${practiceModule}/exposure`).set(bearer(t.instructor)));
      expect(practiceSide).toMatchObject({ mode: 'practice', need: null, unlimited: false });
      expect(practiceSide.overlaps).toEqual([
        expect.objectContaining({ moduleId: assessmentModule, mode: 'assessment', sharedDocuments: PRACTISED }),
      ]);
      const library = await ok(http().get(`/api/exercises?limit=200&tag=${TAG}`).set(bearer(t.instructor)));
      const exposures = new Map(
        (library.items as Array<{ id: string; exposures: number }>).map((e) => [e.id, e.exposures]),
      );
      // The harvester saw the first 8 in practice, the other 4 in the reviews; nobody else has seen those 4.
      for (const id of exerciseIds.slice(0, PRACTISED)) expect(exposures.get(id)).toBeGreaterThanOrEqual(1);
      expect(exerciseIds.slice(PRACTISED).map((id) => exposures.get(id))).toEqual([1, 1, 1, 1]);
      // An instructor of another unit does not see the module at all.
      expect((await http().get(`/api/modules/${assessmentModule}/exposure`).set(bearer(t.otherUnit))).status).toBe(404);
    });

    it('records nothing when staff open an officer’s review', async () => {
      const before = await exposureRows(harvester.id);
      const [attempt] = await db.query(
        `SELECT a.id FROM attempts a WHERE a.user_id = $1 AND a.finished_at IS NOT NULL ORDER BY a.started_at LIMIT 1`,
        [harvester.id],
      );
      const instructorRows = async () =>
        (
          await db.query(
            `SELECT count(*)::int AS n FROM truth_exposures WHERE user_id = (SELECT id FROM users WHERE username = 'instructor1')`,
          )
        )[0].n;
      await ok(http().get(`/api/attempts/${attempt.id}/review`).set(bearer(t.instructor)));
      expect(await exposureRows(harvester.id)).toEqual(before);
      expect(await instructorRows()).toBe(0);
    });
  });

  it('keeps a review closed while an assessment in progress holds one of its documents', async () => {
    const officerB = await officer('two-exams');
    const cohort = await cohortOf('Two exams cohort', [officerB.id]);
    const pair = exerciseIds.slice(0, 2);
    const settings = { mode: 'assessment', timePerItemSeconds: 600, drawCount: 2, attemptsAllowed: 1 };
    const reviewed = await published('reviewed', pair, { ...settings, feedback: 'after-finish' });
    const sealed = await published('sealed', pair, { ...settings, feedback: 'never' });
    const reviewedAt = (await ok(assign(reviewed, cohort.id), 201)).id;
    const sealedAt = (await ok(assign(sealed, cohort.id), 201)).id;
    // The sealed assessment is started (it holds both documents), then the reviewed one is taken in full.
    const open = await ok(
      http().post('/api/attempts').set(bearer(officerB.token)).send({ assignmentId: sealedAt }),
      201,
    );
    const done = await take(officerB.token, reviewedAt);
    const review = () => http().get(`/api/attempts/${done.attemptId}/review`).set(bearer(officerB.token));
    const refused = await review();
    expect(refused.status).toBe(409);
    expect(refused.body.message).toBe(
      `Finish your attempt at “${TAG} sealed” first: it holds documents whose answers this review would show`,
    );
    await ok(http().post(`/api/attempts/${open.id}/finish`).set(bearer(officerB.token)));
    expect((await review()).status).toBe(200);
  });

  describe('an officer who has seen too much', () => {
    it('is refused an assignment whose pool they know too much of, with the numbers', async () => {
      const known = await officer('knows-much');
      const cohort = await cohortOf('Practised cohort', [known.id]);
      const practice = await published('practice again', exerciseIds.slice(0, PRACTISED), {
        mode: 'practice',
        feedback: 'after-item',
        timePerItemSeconds: 600,
      });
      await take(known.token, (await ok(assign(practice, cohort.id), 201)).id);
      const exam = await published('nine documents', exerciseIds.slice(0, 9), {
        mode: 'assessment',
        feedback: 'never',
        timePerItemSeconds: 600,
        drawCount: 2,
        attemptsAllowed: 1,
      });
      const res = await assign(exam, cohort.id);
      expect(res.status).toBe(409);
      expect(res.body.message).toBe(
        `1 of the 1 officers of Practised cohort ${TAG} have already seen the truth of too many of this ` +
          'assessment\u2019s 9 documents (in practice feedback or a review): it needs 2 documents (0 of them genuine) ' +
          'unseen, and one of them has only 1 unseen (1 genuine). Add documents the cohort has not seen, draw fewer ' +
          'or allow fewer attempts',
      );
      expect(
        (await db.query(`SELECT count(*)::int AS n FROM assignments WHERE cohort_id = $1`, [cohort.id]))[0].n,
      ).toBe(1); // only the practice module's
    });

    it('is told at Start, in numbers, when practice after the assignment left too few unseen', async () => {
      const late = await officer('practised-late');
      const cohort = await cohortOf('Late cohort', [late.id]);
      const exam = await published('four documents', exerciseIds.slice(0, 4), {
        mode: 'assessment',
        feedback: 'never',
        timePerItemSeconds: 600,
        drawCount: 2,
        attemptsAllowed: 1,
      });
      const assessment = (await ok(assign(exam, cohort.id), 201)).id;
      const practice = await published('practice late', exerciseIds.slice(0, PRACTISED), {
        mode: 'practice',
        feedback: 'after-item',
        timePerItemSeconds: 600,
      });
      await take(late.token, (await ok(assign(practice, cohort.id), 201)).id);
      const res = await http().post('/api/attempts').set(bearer(late.token)).send({ assignmentId: assessment });
      expect(res.status).toBe(409);
      expect(res.body.message).toMatch(
        /^You have already seen the answers to 4 of the 4 documents in this assessment .*: 0 unseen documents \(0 genuine\) are left, and an attempt needs 2 \(0 genuine\)/,
      );
      // The numbers also come as details, for the player to say it in the officer's language.
      expect(res.body.details).toEqual({
        reason: 'exposure',
        seen: 4,
        documents: 4,
        unseen: 0,
        unseenGenuine: 0,
        draw: 2,
        genuine: 0,
      });
      expect(
        (await db.query(`SELECT count(*)::int AS n FROM attempts WHERE assignment_id = $1`, [assessment]))[0].n,
      ).toBe(0);
    });
  });

  describe('a lesson', () => {
    it('counts every exercise made of the studied specimen as seen by the trainee who studied it', async () => {
      const specimen = await ok(
        http()
          .post('/api/specimens')
          .set(bearer(t.instructor))
          .send({ title: `${TAG} specimen`, issuingState: 'UTO', documentType: 'TD3' }),
        201,
      );
      const file = path.join(tmp, 'specimen-page.png');
      await sharp({ create: { width: 320, height: 220, channels: 3, background: '#c9c1a8' } })
        .png()
        .toFile(file);
      const media = app.get(MediaService);
      const asset = (await media.ingestFile(file, { createdBy: null, group: `${TAG}:specimen` })).id;
      await media.waitForIdle();
      // A genuine exercise made of the specimen's own photograph: the lesson shows it as it is.
      const madeOf = await ok(
        http()
          .post('/api/exercises')
          .set(bearer(t.instructor))
          .send({
            title: `${TAG} the specimen itself`,
            issuingState: 'UTO',
            documentType: 'TD3',
            specimenId: specimen.id,
            parts: { locate: null, fraudType: true, features: false, mrz: false },
            images: [{ side: 'data-page', light: 'visible', frame: 1, assetId: asset }],
            truth: { verdict: 'genuine', fraudType: 'genuine', regions: [], explanation: 'The specimen itself.' },
          }),
        201,
      );
      const student = await officer('student');
      const cohort = await cohortOf('Lesson cohort', [student.id]);
      const practice = await published('with a lesson', [exerciseIds[0]], {
        mode: 'practice',
        feedback: 'after-item',
        timePerItemSeconds: 600,
      });
      const lessonModule = modulesByVersion.get(practice)!;
      await ok(
        http()
          .put(`/api/modules/${lessonModule}`)
          .set(bearer(t.instructor))
          .send({
            title: `${TAG} with a lesson`,
            exerciseIds: [exerciseIds[0]],
            lessonSpecimenIds: [specimen.id],
            settings: { mode: 'practice', feedback: 'after-item', timePerItemSeconds: 600 },
          }),
      );
      const withLesson = (await ok(publish(lessonModule))).publishedVersion.id;
      const assignment = (await ok(assign(withLesson, cohort.id), 201)).id;

      // Staff studying the lesson record nothing.
      expect(await ok(http().get(`/api/assignments/${assignment}/lessons`).set(bearer(t.instructor)))).toHaveLength(1);
      expect(await exposureRows(student.id)).toEqual([]);
      expect(await ok(http().get(`/api/assignments/${assignment}/lessons`).set(bearer(student.token)))).toHaveLength(1);
      expect(await exposureRows(student.id)).toEqual([{ exercise_id: madeOf.id, source: 'lesson' }]);

      // An assessment pooling it and two others draws the two others for this officer.
      const exam = await published('made of the specimen', [madeOf.id, exerciseIds[10], exerciseIds[11]], {
        mode: 'assessment',
        feedback: 'never',
        drawCount: 2,
        attemptsAllowed: 1,
      });
      const examAssignment = (await ok(assign(exam, cohort.id), 201)).id;
      const attempt = await ok(
        http().post('/api/attempts').set(bearer(student.token)).send({ assignmentId: examAssignment }),
        201,
      );
      expect((await drawnExercises(attempt.id)).sort()).toEqual([exerciseIds[10], exerciseIds[11]].sort());
    });
  });
});

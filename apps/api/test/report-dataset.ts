// A generated dataset for the reports' e2e specs, made through the real HTTP routes: ten exercises (forgeries of
// several kinds and genuine documents), a practice module, an assessment and an already-closed drill assigned to a
// fresh cohort of six new officers, who answer with seeded-random skill — with late answers, unanswered items, an
// attempt left in progress (unanswered) and an officer who never starts. The raw answers are then read back from
// the review route.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import sharp from 'sharp';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { MediaService } from '../src/media/media.service';
import { bearer, expectBody as ok, signIn } from './utils';

export interface Officer {
  id: string;
  username: string;
  name: string;
  token: string;
}

/** One item as the review route tells it: truth, answer, timing and part scores. */
export interface RawItem {
  attemptId: string;
  userId: string;
  mode: 'practice' | 'assessment';
  verdict: 'genuine' | 'fraudulent';
  fraudType: string;
  issuingState: string;
  documentType: string;
  features: string[];
  lights: string[];
  decision: 'accept' | 'refer' | null;
  late: boolean;
  responseTimeMs: number | null;
  parts: Array<{ part: string; score: number }>;
}

export interface Dataset {
  unitId: string;
  cohortId: string;
  cohortName: string;
  officers: Officer[];
  modules: Record<'practice' | 'assessment' | 'overdue', { moduleId: string; assignmentId: string }>;
  /** Every attempt made, with its officer. */
  attempts: Array<{ id: string; userId: string; mode: 'practice' | 'assessment'; finished: boolean }>;
}

/** mulberry32: a small seeded generator, so the dataset is the same on every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const REGION = [
  [0.4, 0.3],
  [0.7, 0.3],
  [0.7, 0.36],
  [0.4, 0.36],
];
const INSIDE = { side: 'data-page', x: 0.55, y: 0.33 };
const OUTSIDE = { side: 'data-page', x: 0.1, y: 0.9 };

/** [state, type, fraud type, features, lights, locate, fraud-type part]; features and lights only for forgeries. */
const EXERCISES: Array<[string, string, string, string[], string[], boolean, boolean]> = [
  ['UTO', 'TD3', 'forged:data-alteration', ['viz-data'], ['visible', 'uv365'], true, true],
  ['UTO', 'TD3', 'forged:photo-substitution', ['portrait', 'laminate'], ['visible', 'oblique'], true, true],
  ['ARC', 'TD1', 'counterfeit', ['guilloche', 'uv-fluorescent-ink'], ['uv365'], true, false],
  ['ARC', 'TD1', 'counterfeit', ['microprint', 'dovid'], ['visible', 'oblique'], false, true],
  ['BRG', 'TD3', 'impostor', [], [], false, true],
  ['UTO', 'TD3', 'genuine', [], [], true, true],
  ['ARC', 'TD1', 'genuine', [], [], false, false],
  ['BRG', 'TD3', 'genuine', [], [], true, false],
  ['UTO', 'TD1', 'genuine', [], [], false, true],
  ['BRG', 'TD1', 'genuine', [], [], false, false],
];

/** Skill per officer: the chance of the right decision (the sixth never starts). */
const SKILL = [0.95, 0.85, 0.75, 0.65, 0.55, 0.5];

export async function buildDataset(app: NestExpressApplication, tag: string, names: string[]): Promise<Dataset> {
  const http = () => request(app.getHttpServer());
  const db = app.get(DataSource);
  const admin = await signIn(app, 'admin');
  const instructor = await signIn(app, 'instructor1');

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'firstline-report-img-'));
  const media = app.get(MediaService);
  const assets: string[] = [];
  for (const [i, colour] of ['#e8e2d0', '#1a1a40'].entries()) {
    const file = path.join(tmp, `img-${i}.png`);
    await sharp({ create: { width: 320, height: 225, channels: 3, background: colour } })
      .png()
      .toFile(file);
    assets.push((await media.ingestFile(file, { createdBy: null, group: `report-test:${tag}` })).id);
  }
  await media.waitForIdle();
  fs.rmSync(tmp, { recursive: true, force: true });

  // Two sets of the same documents (same titles and truths, different exercises): one for practice, one for the
  // assessment — an assessment never presents a document whose truth practice feedback has shown (exposure control).
  const exerciseIds: string[] = [];
  const assessmentIds: string[] = [];
  for (const set of [exerciseIds, assessmentIds])
    for (const [i, [state, type, fraudType, features, lights, locate, fraudPart]] of EXERCISES.entries()) {
      const body = {
        title: `${tag} ${state} ${type} ${fraudType} #${i}`,
        issuingState: state,
        documentType: type,
        parts: { locate: locate ? { maxPoints: 2 } : null, fraudType: fraudPart, features: false, mrz: false },
        images: [
          { side: 'data-page', light: 'visible', frame: 1, assetId: assets[0] },
          { side: 'data-page', light: 'uv365', frame: 1, assetId: assets[1] },
        ],
        truth: {
          verdict: fraudType === 'genuine' ? 'genuine' : 'fraudulent',
          fraudType,
          regions: features.length ? [{ side: 'data-page', polygon: REGION, features, lights }] : [],
          explanation: `Exercise ${i} of the report dataset.`,
        },
      };
      set.push((await ok(http().post('/api/exercises').set(bearer(instructor)).send(body), 201)).id);
    }

  const units = await ok(http().get('/api/units').set(bearer(admin)));
  const unitId = units.find((u: { code: string }) => u.code === 'ISB-IMM').id;
  const cohortName = `Report cohort ${tag}`;
  const cohort = await ok(http().post('/api/cohorts').set(bearer(instructor)).send({ name: cohortName, unitId }), 201);
  const officers: Officer[] = [];
  for (const [i, name] of names.entries()) {
    const username = `rpt.${tag}.${i + 1}`.toLowerCase();
    const user = await ok(
      http()
        .post('/api/users')
        .set(bearer(admin))
        .send({ username, displayName: name, role: 'trainee', unitId, password: 'report-test-password' }),
      201,
    );
    officers.push({ id: user.id, username, name, token: await signIn(app, username, 'report-test-password') });
  }
  await ok(
    http()
      .post(`/api/cohorts/${cohort.id}/members`)
      .set(bearer(instructor))
      .send({ userIds: officers.map((o) => o.id) }),
    201,
  );

  const now = Date.now();
  const moduleOf = async (
    title: string,
    pool: string[],
    settings: object,
    opensAt: number,
    closesAt: number | null,
  ) => {
    const mod = await ok(
      http().post('/api/modules').set(bearer(instructor)).send({ title, exerciseIds: pool, settings }),
      201,
    );
    const published = await ok(http().post(`/api/modules/${mod.id}/publish`).set(bearer(instructor)));
    const assignment = await ok(
      http()
        .post('/api/assignments')
        .set(bearer(instructor))
        .send({
          moduleVersionId: published.publishedVersion.id,
          cohortId: cohort.id,
          opensAt: new Date(opensAt).toISOString(),
          closesAt: closesAt ? new Date(closesAt).toISOString() : null,
        }),
      201,
    );
    return { moduleId: mod.id as string, assignmentId: assignment.id as string };
  };
  const day = 86_400_000;
  const modules = {
    practice: await moduleOf(
      `${tag} practice`,
      exerciseIds,
      { mode: 'practice', feedback: 'after-item', timePerItemSeconds: 60, passMark: 60 },
      now - day,
      null,
    ),
    assessment: await moduleOf(
      `${tag} assessment`,
      assessmentIds,
      {
        mode: 'assessment',
        feedback: 'after-finish',
        timePerItemSeconds: 30,
        drawCount: 6,
        minGenuineShare: 0.5,
        passMark: 50,
        attemptsAllowed: 1,
      },
      now - day,
      now + 7 * day,
    ),
    overdue: await moduleOf(
      `${tag} closed drill`,
      exerciseIds.slice(0, 2),
      { mode: 'practice', feedback: 'after-item', timePerItemSeconds: 60 },
      now - 10 * day,
      now - day,
    ),
  };

  const attempts: Dataset['attempts'] = [];
  const take = async (
    officer: Officer,
    mode: 'practice' | 'assessment',
    random: () => number,
    skill: number,
    opts: { lateAt?: number; leave?: number; finish?: boolean } = {},
  ) => {
    const assignmentId = modules[mode].assignmentId;
    const started = await ok(http().post('/api/attempts').set(bearer(officer.token)).send({ assignmentId }), 201);
    const answering = started.itemCount - (opts.leave ?? 0);
    for (let n = 1; n <= answering; n++) {
      const shown = await ok(http().get(`/api/attempts/${started.id}/items/${n}`).set(bearer(officer.token)));
      const [truth] = await db.query(
        `SELECT v.truth FROM attempt_items i JOIN exercise_versions v ON v.id = i.exercise_version_id
          WHERE i.attempt_id = $1 AND i.n = $2`,
        [started.id, n],
      );
      const right = random() < skill;
      const fraudulent = truth.truth.verdict === 'fraudulent';
      const decision = right === fraudulent ? 'refer' : 'accept';
      const answer: Record<string, unknown> = { decision, final: true };
      if (shown.parts.locate && decision === 'refer') answer.points = [random() < skill ? INSIDE : OUTSIDE];
      if (shown.parts.fraudType && decision === 'refer')
        answer.fraudType = random() < skill ? truth.truth.fraudType : 'counterfeit';
      if (opts.lateAt === n)
        await db.query(
          `UPDATE attempt_items SET first_served_at = now() - interval '5 minutes' WHERE attempt_id = $1 AND n = $2`,
          [started.id, n],
        );
      await ok(
        http()
          .put(`/api/attempts/${started.id}/items/${n}/response`)
          .set(bearer(officer.token))
          .set('Idempotency-Key', `${started.id}-${n}`)
          .send(answer),
      );
    }
    const finish = opts.finish ?? true;
    if (finish) await ok(http().post(`/api/attempts/${started.id}/finish`).set(bearer(officer.token)));
    attempts.push({ id: started.id, userId: officer.id, mode, finished: finish });
  };

  for (const [i, officer] of officers.entries()) {
    const random = seeded(1000 + i);
    const skill = SKILL[i];
    if (i === 5) continue; // never starts
    await take(officer, 'practice', random, skill, { lateAt: i === 0 ? 3 : undefined, leave: i === 2 ? 2 : 0 });
    if (i <= 1) {
      await take(officer, 'practice', random, skill);
      await take(officer, 'practice', random, skill, { lateAt: 5 });
    }
    // The fourth starts the assessment and leaves it in progress without an answer.
    if (i <= 3) await take(officer, 'assessment', random, skill, { finish: i !== 3, leave: i === 3 ? 99 : 0 });
  }
  return { unitId, cohortId: cohort.id, cohortName, officers, modules, attempts };
}

/** Every item of these attempts as the review route (read by the cohort's instructor) tells it. */
export async function rawItems(app: NestExpressApplication, dataset: Dataset): Promise<RawItem[]> {
  const instructor = await signIn(app, 'instructor1');
  const out: RawItem[] = [];
  for (const attempt of dataset.attempts.filter((a) => a.finished)) {
    const res = await request(app.getHttpServer()).get(`/api/attempts/${attempt.id}/review`).set(bearer(instructor));
    if (res.status !== 200) throw new Error(`review ${res.status} ${JSON.stringify(res.body)}`);
    for (const item of res.body.items) {
      out.push({
        attemptId: attempt.id,
        userId: attempt.userId,
        mode: attempt.mode,
        verdict: item.feedback.verdict,
        fraudType: item.feedback.fraudType,
        issuingState: item.presentation.issuingState,
        documentType: item.presentation.documentType,
        features: item.feedback.regions.flatMap((r: { features: string[] }) => r.features),
        lights: item.feedback.regions.flatMap((r: { lights: string[] }) => r.lights),
        decision: item.answer?.decision ?? null,
        late: item.late,
        responseTimeMs: item.responseTimeMs,
        parts: item.feedback.parts,
      });
    }
  }
  return out;
}

// The demo history's simulation, pure and seeded: when each profile trains (sessions over its weeks, on weekdays in
// office hours), and how it answers one document — its decision from the signal-detection model, the points it marks
// (inside a forged region or away from every region), the fraud type it names and the time it takes.
import {
  categoryOfFeature,
  FRAUD_TYPES,
  type DocumentSide,
  type FraudType,
  type ItemAnswer,
  type MarkedPoint,
} from '@firstline/contracts';
import { normalCdf, pointInPolygon } from '@firstline/scoring';
import type { ExerciseVersionRecord } from '../exercises';
import { at, type DemoProfile } from './demo-history-profiles';

export type Random = () => number;

/** mulberry32 seeded from a string: the same profile gets the same history every time. */
export function seededRandom(seed: string): Random {
  let a = 2166136261;
  for (let i = 0; i < seed.length; i++) a = Math.imul(a ^ seed.charCodeAt(i), 16777619) >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function standardNormal(random: Random): number {
  const u = Math.max(random(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

export type DemoModuleKey = 'practice' | 'drill' | 'assessment';

export interface Session {
  module: DemoModuleKey;
  startedAt: Date;
  /** 0 at the start of the profile's history, 1 at its end. */
  progress: number;
}

const DAY = 86_400_000;
const WEEK = 7 * DAY;
/** Office hours at a Pakistani airport (UTC+5), 08:00–17:00, as UTC hours. */
const FIRST_HOUR_UTC = 3;
const LAST_HOUR_UTC = 11;

/**
 * A weekday moment in office hours within the week starting at `weekStart`, or null when it is not before `latest`.
 * Always takes two random numbers, so what comes after does not depend on the day the history is recorded.
 */
function momentInWeek(weekStart: number, latest: number, random: Random): number | null {
  const day = Math.floor(random() * 5); // Monday–Friday
  const hour = FIRST_HOUR_UTC + random() * (LAST_HOUR_UTC - FIRST_HOUR_UTC);
  const t = Math.round((weekStart + day * DAY + hour * 3_600_000) / 1000) * 1000;
  return t < latest ? t : null;
}

/** Sessions per week: the whole part, plus one more with the fractional part's probability. */
const countOf = (perWeek: number, random: Random) => Math.floor(perWeek) + (random() < perWeek % 1 ? 1 : 0);

/**
 * The profile's sessions, oldest first. The history starts on the Monday `weeks` weeks before the one holding `now`
 * and ends the day before `now`, so no session is in the future.
 */
export function sessionsOf(profile: DemoProfile, now: Date, random: Random): Session[] {
  const monday = new Date(now);
  monday.setUTCHours(0, 0, 0, 0);
  monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7));
  const start = monday.getTime() - profile.weeks * WEEK;
  const latest = now.getTime() - DAY;
  const span = latest - start;
  const sessions: Array<{ module: DemoModuleKey; t: number }> = [];
  const add = (module: DemoModuleKey, weekStart: number) => {
    const t = momentInWeek(weekStart, latest, random);
    if (t !== null) sessions.push({ module, t });
  };
  if (profile.singleSession) add('practice', start + Math.floor(profile.weeks / 2) * WEEK);
  for (let week = 0; week < profile.weeks && !profile.singleSession; week++) {
    if (profile.activeWeeks !== undefined && week >= profile.activeWeeks) break;
    const weekStart = start + week * WEEK;
    for (let i = countOf(profile.practicePerWeek, random); i > 0; i--) add('practice', weekStart);
    for (let i = countOf(profile.drillsPerWeek, random); i > 0; i--) add('drill', weekStart);
    if (profile.assessmentWeeks.includes(week)) add('assessment', weekStart);
  }
  // Sessions an hour apart at least, so one attempt ends before the next starts.
  sessions.sort((a, b) => a.t - b.t);
  for (let i = 1; i < sessions.length; i++) sessions[i].t = Math.max(sessions[i].t, sessions[i - 1].t + 3_600_000);
  return sessions
    .filter((s) => s.t < latest)
    .map((s) => ({ module: s.module, startedAt: new Date(s.t), progress: Math.min(1, (s.t - start) / span) }));
}

/** Drills are taken in a hurry: the profile's time scaled down. */
const PACE: Record<DemoModuleKey, number> = { practice: 1, assessment: 0.9, drill: 0.55 };

/** The sensitivity the profile has for this document: its d′, unless the document falls in a blind spot. */
function sensitivityFor(profile: DemoProfile, exercise: ExerciseVersionRecord, progress: number): number {
  const { truth } = exercise;
  let d = at(profile.dPrime, progress);
  if (truth.verdict === 'genuine') return d;
  const byType = profile.blindFraudTypes?.[truth.fraudType];
  if (byType !== undefined) d = Math.min(d, byType);
  for (const region of truth.regions)
    for (const feature of region.features) {
      const byCategory = profile.blindCategories?.[categoryOfFeature(feature)];
      if (byCategory !== undefined) d = Math.min(d, byCategory);
    }
  return d;
}

function centroid(polygon: ReadonlyArray<readonly [number, number]>): [number, number] {
  const x = polygon.reduce((s, p) => s + p[0], 0) / polygon.length;
  const y = polygon.reduce((s, p) => s + p[1], 0) / polygon.length;
  return [x, y];
}

const clamp01 = (v: number) => Math.min(0.999, Math.max(0.001, v));

/** A point inside each forged region (near its centre), as many as the item lets an officer mark. */
function pointsInRegions(exercise: ExerciseVersionRecord, maxPoints: number, random: Random): MarkedPoint[] {
  return exercise.truth.regions.slice(0, maxPoints).map((region) => {
    const [cx, cy] = centroid(region.polygon);
    const jittered: [number, number] = [clamp01(cx + (random() - 0.5) * 0.02), clamp01(cy + (random() - 0.5) * 0.02)];
    const [x, y] = pointInPolygon(jittered, region.polygon) ? jittered : [clamp01(cx), clamp01(cy)];
    return { side: region.side, x, y };
  });
}

/** A point on one of the document's sides, away from every forged region. */
function pointAway(exercise: ExerciseVersionRecord, random: Random): MarkedPoint {
  const sides = [...new Set(exercise.images.map((i) => i.side))] as DocumentSide[];
  let point: MarkedPoint = { side: sides[0], x: 0.5, y: 0.5 };
  for (let tries = 0; tries < 20; tries++) {
    point = { side: sides[Math.floor(random() * sides.length)], x: clamp01(random()), y: clamp01(random()) };
    const inside = exercise.truth.regions.some(
      (r) => r.side === point.side && pointInPolygon([point.x, point.y], r.polygon),
    );
    if (!inside) return point;
  }
  return point;
}

const FORGED_TYPES = FRAUD_TYPES.filter((t) => t !== 'genuine');

function otherFraudType(truth: FraudType, random: Random): FraudType {
  const others = FORGED_TYPES.filter((t) => t !== truth);
  return others[Math.floor(random() * others.length)];
}

export interface SimulatedItem {
  answer: ItemAnswer | null;
  responseTimeMs: number | null;
}

/** How the profile answers one document at this point of its history. */
export function answerItem(
  profile: DemoProfile,
  exercise: ExerciseVersionRecord,
  module: DemoModuleKey,
  progress: number,
  random: Random,
): SimulatedItem {
  const seconds = at(profile.seconds, progress) * PACE[module];
  const responseTimeMs = Math.round(seconds * 1000 * Math.exp(profile.timeSpread * standardNormal(random)));
  if (random() < profile.skip) return { answer: null, responseTimeMs: null };
  const { truth, parts } = exercise;
  const d = sensitivityFor(profile, exercise, progress);
  const c = at(profile.criterion, progress);
  const fraudulent = truth.verdict === 'fraudulent';
  const referProbability = normalCdf((fraudulent ? d / 2 : -d / 2) - c);
  const decision = random() < referProbability ? 'refer' : 'accept';
  const answer: ItemAnswer = { decision, points: [], fraudType: null, features: [], mrzFailedChecks: [] };
  if (decision === 'refer') {
    const locates = fraudulent && random() < at(profile.locate, progress);
    const namesType = random() < at(profile.fraudType, progress);
    if (parts.locate) {
      const found = locates ? pointsInRegions(exercise, parts.locate.maxPoints, random) : [];
      answer.points = found.length ? found : [pointAway(exercise, random)];
    }
    if (parts.fraudType)
      answer.fraudType = fraudulent && namesType ? truth.fraudType : otherFraudType(truth.fraudType, random);
    if (parts.features) {
      const revealing = [...new Set(truth.regions.flatMap((r) => r.features))];
      const options = exercise.featureOptions.length ? exercise.featureOptions : revealing;
      answer.features =
        locates && revealing.length
          ? revealing
          : options.length
            ? [options[Math.floor(random() * options.length)]]
            : [];
    }
    if (parts.mrz) answer.mrzFailedChecks = fraudulent && namesType ? [...(truth.mrzFailedChecks ?? [])] : [];
  }
  return { answer, responseTimeMs };
}

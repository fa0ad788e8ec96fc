// The simulation's promises, checked over many draws: decisions follow the signal-detection model (and its blind
// spots), marked points fall inside or away from the forged regions, times follow the profile, sessions stay in the
// past and in office hours, and the same seed gives the same history.
import type { ExerciseTruth } from '@firstline/contracts';
import { normalCdf, pointInPolygon } from '@firstline/scoring';
import type { ExerciseVersionRecord } from '../exercises';
import { DEMO_PROFILES, type DemoProfile } from './demo-history-profiles';
import { answerItem, seededRandom, sessionsOf } from './demo-history-simulation';

const region = {
  side: 'front' as const,
  polygon: [
    [0.1, 0.2],
    [0.4, 0.2],
    [0.4, 0.6],
    [0.1, 0.6],
  ] as [number, number][],
};

function exercise(truth: ExerciseTruth): ExerciseVersionRecord {
  return {
    id: 'v',
    truth,
    verdict: truth.verdict,
    parts: { locate: { maxPoints: 3 }, fraudType: true, features: false, mrz: false },
    images: [{ side: 'front', light: 'visible', frame: 1, assetId: 'a' }],
    featureOptions: [],
  } as unknown as ExerciseVersionRecord;
}

const photoSwap = exercise({
  verdict: 'fraudulent',
  fraudType: 'forged:photo-substitution',
  regions: [{ ...region, features: ['ghost-image'], lights: ['visible'] }],
  explanation: 'x',
});
const counterfeit = exercise({
  verdict: 'fraudulent',
  fraudType: 'counterfeit',
  regions: [{ ...region, features: ['guilloche'], lights: ['visible'] }],
  explanation: 'x',
});
const genuine = exercise({ verdict: 'genuine', fraudType: 'genuine', regions: [], explanation: 'x' });
const profile = (username: string): DemoProfile => DEMO_PROFILES.find((p) => p.username === username)!;

function referRate(p: DemoProfile, e: ExerciseVersionRecord, n = 4000): number {
  const random = seededRandom('rate');
  let refers = 0;
  for (let i = 0; i < n; i++) if (answerItem(p, e, 'practice', 1, random).answer?.decision === 'refer') refers++;
  return refers / n;
}

describe('demo history simulation', () => {
  it('refers as the signal-detection model says: Φ(d′/2 − c) for forgeries, Φ(−d′/2 − c) for genuine documents', () => {
    const p = { ...profile('trainee19'), skip: 0 };
    const [d, c] = [p.dPrime[1], p.criterion[1]];
    expect(referRate(p, counterfeit)).toBeCloseTo(normalCdf(d / 2 - c), 1);
    expect(referRate(p, genuine)).toBeCloseTo(normalCdf(-d / 2 - c), 1);
  });

  it('makes the photo-substitution misser accept most photo substitutions but refer other forgeries', () => {
    const p = { ...profile('trainee04'), skip: 0 };
    expect(referRate(p, photoSwap)).toBeLessThan(0.45);
    expect(referRate(p, counterfeit)).toBeGreaterThan(0.8);
  });

  it('makes the refer-everything officer refer more than 0.8 of genuine documents', () => {
    expect(referRate({ ...profile('trainee05'), skip: 0 }, genuine)).toBeGreaterThan(0.82);
  });

  it('marks a point inside the forged region when it locates, and away from it otherwise', () => {
    const random = seededRandom('points');
    const strong = { ...profile('trainee08'), skip: 0, locate: [1, 1] as const };
    const blind = { ...profile('trainee08'), skip: 0, locate: [0, 0] as const };
    for (let i = 0; i < 200; i++) {
      const hit = answerItem(strong, counterfeit, 'practice', 1, random).answer!;
      if (hit.decision === 'refer')
        expect(pointInPolygon([hit.points[0].x, hit.points[0].y], region.polygon)).toBe(true);
      const miss = answerItem(blind, counterfeit, 'practice', 1, random).answer!;
      if (miss.decision === 'refer')
        expect(pointInPolygon([miss.points[0].x, miss.points[0].y], region.polygon)).toBe(false);
    }
  });

  it('takes about the profile’s time, faster on the drill', () => {
    const random = seededRandom('times');
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const p = { ...profile('trainee09'), skip: 0 };
    const practice = median(
      Array.from({ length: 999 }, () => answerItem(p, genuine, 'practice', 1, random).responseTimeMs!),
    );
    const drill = median(Array.from({ length: 999 }, () => answerItem(p, genuine, 'drill', 1, random).responseTimeMs!));
    expect(practice / 1000).toBeCloseTo(p.seconds[1], 0);
    expect(drill).toBeLessThan(practice * 0.7);
  });

  it('plans sessions on weekdays in office hours, in the past, over the profile’s weeks', () => {
    const now = new Date('2026-12-03T12:00:00Z');
    for (const p of DEMO_PROFILES) {
      const sessions = sessionsOf(p, now, seededRandom(p.username));
      expect(sessions.length).toBeGreaterThan(0);
      for (const s of sessions) {
        expect(s.startedAt.getTime()).toBeLessThan(now.getTime() - 86_400_000 + 1);
        expect([1, 2, 3, 4, 5]).toContain(s.startedAt.getUTCDay());
      }
      const first = sessions[0].startedAt.getTime();
      expect((now.getTime() - first) / (7 * 86_400_000)).toBeLessThanOrEqual(p.weeks + 1);
      expect(sessions.filter((s) => s.module === 'assessment').length).toBe(p.assessmentWeeks.length);
    }
  });

  it('gives the same history for the same seed', () => {
    const now = new Date('2026-12-03T12:00:00Z');
    const p = profile('trainee07');
    expect(sessionsOf(p, now, seededRandom('x'))).toEqual(sessionsOf(p, now, seededRandom('x')));
    expect(answerItem(p, photoSwap, 'practice', 0.5, seededRandom('y'))).toEqual(
      answerItem(p, photoSwap, 'practice', 0.5, seededRandom('y')),
    );
  });

  it('keeps every profile to 6–8 weeks and the assessment to the two attempts it allows', () => {
    for (const p of DEMO_PROFILES) {
      expect(p.weeks).toBeGreaterThanOrEqual(6);
      expect(p.weeks).toBeLessThanOrEqual(8);
      expect(p.assessmentWeeks.length).toBeLessThanOrEqual(2);
    }
    expect(new Set(DEMO_PROFILES.map((p) => p.username)).size).toBe(18);
  });
});

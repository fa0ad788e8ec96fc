import type { ExerciseParts, ExerciseTruth, ItemAnswer } from '@firstline/contracts';
import { attemptResults, drawItems, scoreAnswer, sidesOf } from './scoring';

function seeded(seed: number): () => number {
  // mulberry32
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const square = (x0: number, y0: number, x1: number, y1: number): [number, number][] => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
];

const allParts: ExerciseParts = { locate: { maxPoints: 3 }, fraudType: true, features: true, mrz: true };
const answer = (a: Partial<ItemAnswer>): ItemAnswer => ({
  decision: null,
  points: [],
  fraudType: null,
  features: [],
  mrzFailedChecks: [],
  ...a,
});

const forgedBack: ExerciseTruth = {
  verdict: 'fraudulent',
  fraudType: 'forged:data-alteration',
  regions: [{ side: 'back', polygon: square(0.1, 0.7, 0.9, 0.95), features: ['mrz'], lights: ['visible'] }],
  explanation: 'The MRZ on the back was reprinted.',
  mrzFailedChecks: ['birthDateCheckDigit'],
};
const genuine: ExerciseTruth = {
  verdict: 'genuine',
  fraudType: 'genuine',
  regions: [],
  explanation: 'Nothing wrong.',
  mrzFailedChecks: [],
};

describe('drawItems', () => {
  const pool = Array.from({ length: 20 }, (_, i) => ({ id: `e${i}`, genuine: i < 6 }));

  it('draws the asked number, without repeats, with at least the minimum genuine share', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const drawn = drawItems(pool, 10, 0.4, seeded(seed));
      expect(drawn).toHaveLength(10);
      expect(new Set(drawn.map((d) => d.id)).size).toBe(10);
      expect(drawn.filter((d) => d.genuine).length).toBeGreaterThanOrEqual(4);
    }
  });

  it('varies the order and the choice between draws', () => {
    const a = drawItems(pool, 10, 0.4, seeded(1)).map((d) => d.id);
    const b = drawItems(pool, 10, 0.4, seeded(2)).map((d) => d.id);
    expect(a).not.toEqual(b);
  });

  it('refuses a draw the pool cannot satisfy', () => {
    expect(() => drawItems(pool, 21, 0, seeded(1))).toThrow(RangeError);
    expect(() => drawItems(pool, 10, 0.7, seeded(1))).toThrow(/genuine/);
  });

  it('draws no more genuine items than allowed, keeping unseen genuine ones for later attempts', () => {
    const counts = new Set<number>();
    for (let seed = 1; seed <= 50; seed++) {
      const drawn = drawItems(pool, 10, 0.2, seeded(seed), 3);
      expect(drawn).toHaveLength(10);
      const genuine = drawn.filter((d) => d.genuine).length;
      expect(genuine).toBeGreaterThanOrEqual(2);
      expect(genuine).toBeLessThanOrEqual(3);
      counts.add(genuine);
    }
    expect([...counts].sort()).toEqual([2, 3]); // still random within the bounds
    // The cap below the draw's own minimum, or too few others to fill the draw under it, cannot be drawn.
    expect(() => drawItems(pool, 10, 0.4, seeded(1), 3)).toThrow(/at most 3 may be drawn/);
    expect(() => drawItems(pool, 18, 0, seeded(1), 3)).toThrow(/at most 3 genuine/);
  });
});

describe('scoreAnswer', () => {
  const sides = sidesOf([{ side: 'front' }, { side: 'back' }]);

  it('orders sides canonically', () => {
    expect(sides).toEqual(['front', 'back']);
  });

  it('finds a region only on its own side', () => {
    const onBack = scoreAnswer(
      forgedBack,
      allParts,
      sides,
      answer({ decision: 'refer', points: [{ side: 'back', x: 0.5, y: 0.8 }] }),
    );
    const onFront = scoreAnswer(
      forgedBack,
      allParts,
      sides,
      answer({ decision: 'refer', points: [{ side: 'front', x: 0.5, y: 0.8 }] }),
    );
    expect(onBack.parts.find((p) => p.part === 'locate')!.score).toBe(1);
    expect(onFront.parts.find((p) => p.part === 'locate')!.score).toBe(0);
  });

  it('gives full marks for a fully right referral and weighs the parts 1 : ½ : ½ : ½ : ½', () => {
    const full = scoreAnswer(
      forgedBack,
      allParts,
      sides,
      answer({
        decision: 'refer',
        points: [{ side: 'back', x: 0.5, y: 0.8 }],
        fraudType: 'forged:data-alteration',
        features: ['mrz'],
        mrzFailedChecks: ['birthDateCheckDigit'],
      }),
    );
    expect(full.score).toBeCloseTo(1);
    // Decision right (1 × 1), everything else wrong (4 × ½ × 0): 1 / 3.
    const decisionOnly = scoreAnswer(forgedBack, allParts, sides, answer({ decision: 'refer' }));
    expect(decisionOnly.score).toBeCloseTo(1 / 3);
  });

  it('an accepted forgery scores 0; a genuine document is scored on the decision alone', () => {
    expect(
      scoreAnswer(forgedBack, allParts, sides, answer({ decision: 'accept', fraudType: 'forged:data-alteration' }))
        .score,
    ).toBe(0);
    expect(scoreAnswer(genuine, allParts, sides, answer({ decision: 'accept' })).score).toBe(1);
    expect(scoreAnswer(genuine, allParts, sides, answer({ decision: 'refer', fraudType: 'counterfeit' })).score).toBe(
      0,
    );
  });
});

describe('attemptResults', () => {
  it('counts missed forgeries and needless referrals, and breaks results down by category and fraud type', () => {
    const r = attemptResults(
      [
        { truth: forgedBack, answer: answer({ decision: 'refer' }), score: 1, late: false, responseTimeMs: 4000 },
        { truth: forgedBack, answer: answer({ decision: 'accept' }), score: 0, late: false, responseTimeMs: 6000 },
        { truth: genuine, answer: answer({ decision: 'refer' }), score: 0, late: true, responseTimeMs: 8000 },
        { truth: genuine, answer: null, score: 0, late: false, responseTimeMs: null },
      ],
      50,
    );
    expect(r.score).toBe(25);
    expect(r.passed).toBe(false);
    expect(r.outcomes).toEqual({ hits: 1, misses: 1, falseAlarms: 2, correctRejections: 0 });
    expect(r.missedForgeries).toBe(1);
    expect(r.needlessReferrals).toBe(2);
    expect(r.answered).toBe(3);
    expect(r.late).toBe(1);
    expect(r.meanResponseMs).toBe(6000);
    expect(r.byFraudType).toEqual([
      { key: 'forged:data-alteration', correct: 1, total: 2, score: 50 },
      { key: 'genuine', correct: 0, total: 2, score: 0 },
    ]);
    expect(r.byFeatureCategory).toEqual([{ key: 'machine-readable', correct: 1, total: 2, score: 50 }]);
  });

  it('rounds a score of exactly x.x5 up, whatever the division leaves in the last bits', () => {
    // (0.9 + 0.375) / 2 * 100 is 63.74999999999999 in doubles; the mean is 63.75.
    const item = (score: number) => ({
      truth: forgedBack,
      answer: answer({ decision: 'refer' }),
      score,
      late: false,
      responseTimeMs: 4000,
    });
    expect(attemptResults([item(0.9), item(0.375)], 50).score).toBe(63.8);
  });
});

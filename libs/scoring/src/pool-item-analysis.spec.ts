import fc from 'fast-check';
import { poolItemAnalysis } from './pool-item-analysis';

/** Plain textbook formulae, written independently of the implementation. */
const avg = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
const cov = (x: number[], y: number[]) => {
  const mx = avg(x);
  const my = avg(y);
  return x.reduce((sum, xi, i) => sum + (xi - mx) * (y[i]! - my), 0) / (x.length - 1);
};
const pearson = (x: number[], y: number[]) => cov(x, y) / Math.sqrt(cov(x, x) * cov(y, y));

describe('poolItemAnalysis — a pool of 4 items, 2 drawn per attempt, worked by hand', () => {
  // Items out of 1 mark; null: not drawn into that attempt.
  const marks = [
    [1, 0, null, null],
    [1, null, 1, null],
    [null, 1, null, 0],
    [0, null, null, 0],
    [null, null, 1, 1],
    [1, 1, null, null],
  ];
  const result = poolItemAnalysis(marks, [1, 1, 1, 1]);

  it('counts each item over the attempts that drew it', () => {
    expect(result.items.map((i) => i.responses)).toEqual([4, 3, 2, 3]);
    // item 1: marks 1, 1, 0, 1 → facility 75 %
    expect(result.items[0]!.facility).toBeCloseTo(75, 12);
    expect(result.items[0]!.sd).toBeCloseTo(100 * Math.sqrt(cov([1, 1, 0, 1], [1, 1, 0, 1])), 12);
    // every attempt is out of 2 marks, so every item weighs half of what it is drawn into
    expect(result.items.map((i) => i.intendedWeight)).toEqual([50, 50, 50, 50]);
  });

  it('discrimination index = correlation with the rest of the same attempt', () => {
    // item 1's attempts: rows 0, 1, 3, 5 with rests 0, 1, 0, 1
    expect(result.items[0]!.discriminationIndex).toBeCloseTo(100 * pearson([1, 1, 0, 1], [0, 1, 0, 1]), 12);
    // item 3 was drawn twice, both right: no spread, no discrimination
    expect(result.items[2]!.sd).toBe(0);
    expect(result.items[2]!.discriminationIndex).toBeNull();
  });

  it('test level over the totals as % of each attempt maximum; CIC over the 2 slots', () => {
    const totals = [1, 2, 1, 0, 2, 2];
    expect(result.attempts).toBe(6);
    expect(result.slots).toBe(2);
    expect(result.averageScore).toBeCloseTo((100 * avg(totals)) / 2, 12);
    expect(result.standardDeviation).toBeCloseTo((100 * Math.sqrt(cov(totals, totals))) / 2, 12);
    // slot 1 = first drawn item in pool order, slot 2 = second
    const slot1 = [1, 1, 1, 0, 1, 1];
    const slot2 = [0, 1, 0, 0, 1, 1];
    const alpha = 2 * (1 - (cov(slot1, slot1) + cov(slot2, slot2)) / cov(totals, totals));
    expect(result.cic).toBeCloseTo(100 * alpha, 10);
  });

  it('an item no attempt drew has no figures', () => {
    const none = poolItemAnalysis(
      [
        [1, null],
        [0, null],
      ],
      [1, 1],
    );
    expect(none.items[1]).toEqual({
      responses: 0,
      facility: null,
      sd: null,
      intendedWeight: null,
      effectiveWeight: null,
      discriminationIndex: null,
      discriminativeEfficiency: null,
      covarianceWithTotal: null,
    });
  });

  it('attempts of different maxima are compared in % of their own maximum; no CIC across different slot counts', () => {
    const mixed = poolItemAnalysis(
      [
        [1, 1, null],
        [1, null, null],
        [0, 0, 1],
      ],
      [1, 1, 1],
    );
    expect(mixed.slots).toBeNull();
    expect(mixed.cic).toBeNull();
    expect(mixed.averageScore).toBeCloseTo(avg([100, 100, 100 / 3]), 12);
  });

  it('rejects an attempt that drew nothing, ragged rows and non-finite marks', () => {
    expect(() => poolItemAnalysis([[null, null]], [1, 1])).toThrow(RangeError);
    expect(() => poolItemAnalysis([[1]], [1, 1])).toThrow(RangeError);
    expect(() => poolItemAnalysis([[NaN, 1]], [1, 1])).toThrow(RangeError);
  });
});

describe('poolItemAnalysis — properties', () => {
  // A pool of 3–7 items out of 1 mark, each attempt drawing `draw` of them, marks on a quarter grid.
  const dataset = fc
    .integer({ min: 3, max: 7 })
    .chain((pool) => fc.tuple(fc.constant(pool), fc.integer({ min: 2, max: pool })))
    .chain(([pool, draw]) =>
      fc
        .array(
          fc.tuple(
            fc.shuffledSubarray(
              Array.from({ length: pool }, (_, i) => i),
              { minLength: draw, maxLength: draw },
            ),
            fc.array(fc.integer({ min: 0, max: 4 }), { minLength: pool, maxLength: pool }),
          ),
          { minLength: 4, maxLength: 30 },
        )
        .map((attempts) => ({
          draw,
          marks: attempts.map(([drawn, quarters]) => quarters.map((q, i) => (drawn.includes(i) ? q / 4 : null))),
        })),
    );

  it('each item’s figures are the textbook ones over the attempts that drew it', () => {
    fc.assert(
      fc.property(dataset, ({ marks }) => {
        const result = poolItemAnalysis(marks, new Array(marks[0]!.length).fill(1));
        const totals = marks.map((row) => row.reduce<number>((s, v) => s + (v ?? 0), 0));
        result.items.forEach((item, i) => {
          const drew = marks.map((row, a) => [row[i], totals[a]!] as const).filter(([v]) => v !== null);
          expect(item.responses).toBe(drew.length);
          const x = drew.map(([v]) => v!);
          const rest = drew.map(([v, t]) => t - v!);
          if (x.length) expect(item.facility).toBeCloseTo(100 * avg(x), 9);
          const di = item.discriminationIndex;
          if (x.length > 1 && cov(x, x) > 1e-12 && cov(rest, rest) > 1e-12)
            expect(di).toBeCloseTo(100 * pearson(x, rest), 6);
          if (di !== null) expect(Math.abs(di)).toBeLessThanOrEqual(100 + 1e-9);
        });
      }),
    );
  });

  it('the test level is over % totals, the CIC over the slots, and figures stay in range', () => {
    fc.assert(
      fc.property(dataset, ({ draw, marks }) => {
        const result = poolItemAnalysis(marks, new Array(marks[0]!.length).fill(1));
        const totals = marks.map((row) => row.reduce<number>((s, v) => s + (v ?? 0), 0));
        expect(result.slots).toBe(draw);
        expect(result.averageScore).toBeCloseTo((100 * avg(totals)) / draw, 9);
        const slots = Array.from({ length: draw }, (_, k) => marks.map((row) => row.filter((v) => v !== null)[k]!));
        const vt = cov(totals, totals);
        if (vt > 1e-9) {
          const alpha = (draw / (draw - 1)) * (1 - slots.reduce((s, x) => s + cov(x, x), 0) / vt);
          expect(result.cic).toBeCloseTo(100 * alpha, 6);
          expect(result.cic!).toBeLessThanOrEqual(100 + 1e-9);
        }
        for (const item of result.items)
          if (item.covarianceWithTotal !== null && item.covarianceWithTotal < 0)
            expect(item.effectiveWeight).toBeNull();
        const weights = result.items.map((i) => i.effectiveWeight).filter((w): w is number => w !== null);
        if (weights.length) expect(weights.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 9);
      }),
    );
  });
});

import fc from 'fast-check';
import { itemAnalysis } from './item-analysis';
import { MOODLE_QSTATS_00 as qstats00, MOODLE_RESULTS_00 } from './moodle-reference';
import { poolItemAnalysis } from './pool-item-analysis';

describe("itemAnalysis — Moodle's own reference data set", () => {
  // Moodle core, mod/quiz/report/statistics/tests/: fixtures/results00.csv (25 attempts × 7 slots, every slot out of
  // 1 mark), expected question statistics in fixtures/qstats00.csv (both in ./moodle-reference.ts) and expected quiz
  // statistics in stats_from_steps_walkthrough_test.php (check_quiz_stats_for_quiz_00). The expected values were
  // computed independently in a spreadsheet (github.com/jamiepratt/moodle-quiz-tools, statsspreadsheet).
  const results00 = MOODLE_RESULTS_00.map((row) => [...row]);
  const result = itemAnalysis(results00, [1, 1, 1, 1, 1, 1, 1]);
  // Moodle's test tolerances: 1e-6 relative in general, 1e-5 for the covariance-based statistics.
  const closeTo = (actual: number | null, expected: number, relative: number) => {
    expect(actual).not.toBeNull();
    expect(Math.abs(actual! - expected)).toBeLessThanOrEqual(Math.abs(expected) * relative);
  };

  it.each(qstats00)(
    'slot %i matches qstats00.csv',
    (slot, facility, sd, effectiveWeight, discriminationIndex, discriminativeEfficiency) => {
      const item = result.items[slot! - 1]!;
      // Moodle stores facility and SD as fractions/marks and shows them ×100 (% of the max mark);
      // we return the shown value.
      closeTo(item.facility, 100 * facility!, 1e-6);
      closeTo(item.sd, 100 * sd!, 1e-6);
      closeTo(item.effectiveWeight, effectiveWeight!, 1e-5);
      closeTo(item.discriminationIndex, discriminationIndex!, 1e-5);
      closeTo(item.discriminativeEfficiency, discriminativeEfficiency!, 1e-5);
    },
  );

  it('matches the quiz statistics of check_quiz_stats_for_quiz_00 (tolerance 1.5e-5 relative, as there)', () => {
    const tolerance = 1.5e-5;
    expect(result.attempts).toBe(25);
    closeTo(result.marks.median, 4.5, tolerance);
    closeTo(result.marks.average, 4.617333332, tolerance);
    closeTo(result.marks.standardDeviation, 0.8117265554, tolerance);
    closeTo(result.skewness, -0.092502502, tolerance);
    closeTo(result.kurtosis, -0.7073968557, tolerance);
    closeTo(result.cic, -87.2230935542, tolerance);
    closeTo(result.errorRatio, 136.8294900795, tolerance);
    closeTo(result.marks.standardError, 1.1106813066, tolerance);
    // Shown as a % of the maximum total (7 marks), as quiz_report_scale_summarks_as_percentage does.
    closeTo(result.standardError, (100 * 1.1106813066) / 7, tolerance);
    closeTo(result.averageScore, (100 * 4.617333332) / 7, tolerance);
  });
  // A module drawing every item of its pool into every attempt is Moodle's fixed quiz: the pool-aware analysis must
  // give exactly the same figures (not merely close ones).
  it('poolItemAnalysis with every item drawn gives exactly these figures (and qstats00)', () => {
    const pool = poolItemAnalysis(results00, [1, 1, 1, 1, 1, 1, 1]);
    const { items, slots, ...test } = pool;
    const { items: expectedItems, ...expectedTest } = result;
    expect(test).toEqual(expectedTest);
    expect(slots).toBe(7);
    expect(items.map(({ responses, covarianceWithTotal: _, ...figures }) => ({ ...figures, responses }))).toEqual(
      expectedItems.map((item) => ({ ...item, responses: 25 })),
    );
    for (const [slot, facility, sd, effectiveWeight, discriminationIndex, discriminativeEfficiency] of qstats00) {
      const item = items[slot! - 1]!;
      closeTo(item.facility, 100 * facility!, 1e-6);
      closeTo(item.sd, 100 * sd!, 1e-6);
      closeTo(item.effectiveWeight, effectiveWeight!, 1e-5);
      closeTo(item.discriminationIndex, discriminationIndex!, 1e-5);
      closeTo(item.discriminativeEfficiency, discriminativeEfficiency!, 1e-5);
    }
  });
});

describe('itemAnalysis — small worked example, computed by hand', () => {
  // 4 attempts, 3 items out of 1, 1 and 2 marks.   totals T = [4, 2, 2, 0], mean 2, V(T) = (4+0+0+4)/3 = 8/3.
  const marks = [
    [1, 1, 2],
    [1, 0, 1],
    [0, 1, 1],
    [0, 0, 0],
  ];
  const result = itemAnalysis(marks, [1, 1, 2]);
  const [q1, q2, q3] = result.items;

  it('facility = 100·mean/max; SD (n − 1) as % of max; intended weight = share of the max marks', () => {
    // q1: x = [1,1,0,0], mean .5 → 50%; V = 4·.25/3 = 1/3 → SD = .57735 → 57.735% of 1.
    expect(q1!.facility).toBe(50);
    expect(q1!.sd).toBeCloseTo(100 * Math.sqrt(1 / 3), 12);
    // q3: x = [2,1,1,0], mean 1 → 50% of 2; V = (1+0+0+1)/3 = 2/3 → SD .8165 = 40.82% of 2.
    expect(q3!.facility).toBe(50);
    expect(q3!.sd).toBeCloseTo((100 * Math.sqrt(2 / 3)) / 2, 12);
    expect(result.items.map((i) => i.intendedWeight)).toEqual([25, 25, 50]);
  });

  it('discrimination index = 100·r(item, rest of test)', () => {
    // q1: rest = T − x = [3,1,2,0], mean 1.5, V = (2.25+.25+.25+2.25)/3 = 5/3.
    // Cov = (.5·1.5 + .5·(−.5) + (−.5)·.5 + (−.5)·(−1.5))/3 = 1/3 → DI = 100·(1/3)/√(1/3 · 5/3) = 100/√5 = 44.72%.
    expect(q1!.discriminationIndex).toBeCloseTo(100 / Math.sqrt(5), 10);
    // q2: x = [1,0,1,0], rest = [3,2,1,0]: Cov = (.75 − .25 − .25 + .75)/3 = 1/3 → also 100/√5.
    expect(q2!.discriminationIndex).toBeCloseTo(100 / Math.sqrt(5), 10);
    // q3: rest = [2,1,1,0] = x → r = 1 → 100%.
    expect(q3!.discriminationIndex).toBeCloseTo(100, 10);
  });

  it('discriminative efficiency = 100·Cov(x, rest)/Cov_max with both sorted ascending', () => {
    // q1: sorted x [0,0,1,1] and rest [0,1,2,3]: Cov_max = (.75+.25+.25+.75)/3 = 2/3 → DE = (1/3)/(2/3) = 50%.
    expect(q1!.discriminativeEfficiency).toBeCloseTo(50, 10);
    expect(q2!.discriminativeEfficiency).toBeCloseTo(50, 10);
    expect(q3!.discriminativeEfficiency).toBeCloseTo(100, 10);
  });

  it('effective weight = 100·√Cov(x, T)/Σ√Cov(x_j, T)', () => {
    // Cov(x1, T) = ([.5,.5,−.5,−.5]·[2,0,0,−2])/3 = 2/3; Cov(x2, T) = 2/3;
    // Cov(x3, T) = ([1,0,0,−1]·[2,0,0,−2])/3 = 4/3.
    // √: .8165, .8165, 1.1547 → q1 = q2 = 1/(2 + √2) = 29.29%, q3 = √2/(2 + √2) = 41.42%.
    expect(q1!.effectiveWeight).toBeCloseTo(100 / (2 + Math.SQRT2), 10);
    expect(q2!.effectiveWeight).toBeCloseTo(100 / (2 + Math.SQRT2), 10);
    expect(q3!.effectiveWeight).toBeCloseTo((100 * Math.SQRT2) / (2 + Math.SQRT2), 10);
  });

  it('CIC, error ratio and standard error', () => {
    // CIC = 100·p/(p−1)·(1 − ΣV(x)/V(T)) = 150·(1 − (1/3 + 1/3 + 2/3)/(8/3)) = 150·(1 − 1/2) = 75%.
    expect(result.cic).toBeCloseTo(75, 10);
    // Error ratio = 100·√(1 − .75) = 50%.
    expect(result.errorRatio).toBeCloseTo(50, 10);
    // SE = 50% · SD(T) = .5·√(8/3) = .8165 marks = 20.41% of the 4-mark maximum.
    expect(result.marks.standardError).toBeCloseTo(0.5 * Math.sqrt(8 / 3), 10);
    expect(result.standardError).toBeCloseTo((100 * 0.5 * Math.sqrt(8 / 3)) / 4, 10);
  });

  it('test-level distribution: mean, median, SD, skewness, kurtosis', () => {
    expect(result.averageScore).toBe(50); // 2 of 4
    expect(result.medianScore).toBe(50); // (2 + 2)/2 of 4
    expect(result.standardDeviation).toBeCloseTo((100 * Math.sqrt(8 / 3)) / 4, 10);
    expect(result.skewness).toBeCloseTo(0, 12); // deviations [2,0,0,−2] are symmetric
    // m2 = 8/4 = 2, m4 = 32/4 = 8; k4 = 16·(5·8 − 3·3·2²)/(3·2·1) = 32/3; k2 = 8/3 → kurtosis = (32/3)/(64/9) = 1.5.
    expect(result.kurtosis).toBeCloseTo(1.5, 12);
  });
});

describe('itemAnalysis — what Moodle leaves blank', () => {
  it('with no attempts everything is null', () => {
    const result = itemAnalysis([], [1, 1]);
    expect(result.attempts).toBe(0);
    expect(result.items[0]).toEqual({
      facility: null,
      sd: null,
      intendedWeight: 50,
      effectiveWeight: null,
      discriminationIndex: null,
      discriminativeEfficiency: null,
    });
    expect(result.cic).toBeNull();
    expect(result.averageScore).toBeNull();
  });

  it('with one attempt there is a facility but no spread', () => {
    const result = itemAnalysis([[1, 0]], [1, 1]);
    expect(result.items.map((i) => i.facility)).toEqual([100, 0]);
    expect(result.items[0]!.sd).toBeNull();
    expect(result.items[0]!.discriminationIndex).toBeNull();
    expect(result.standardDeviation).toBeNull();
  });

  it('an item everyone got right has SD 0 and no discrimination statistics', () => {
    const result = itemAnalysis(
      [
        [1, 1],
        [1, 0],
        [1, 1],
        [1, 0],
      ],
      [1, 1],
    );
    expect(result.items[0]!.sd).toBe(0);
    expect(result.items[0]!.discriminationIndex).toBeNull();
    expect(result.items[0]!.discriminativeEfficiency).toBeNull();
  });

  it('CIC needs at least 3 attempts and 2 items; skewness 3 attempts; kurtosis 4', () => {
    expect(
      itemAnalysis(
        [
          [1, 0],
          [0, 1],
        ],
        [1, 1],
      ).cic,
    ).toBeNull();
    expect(itemAnalysis([[1], [0], [1], [1]], [1]).cic).toBeNull();
    const three = itemAnalysis(
      [
        [1, 0],
        [0, 0],
        [1, 1],
      ],
      [1, 1],
    );
    expect(three.cic).not.toBeNull();
    expect(three.skewness).not.toBeNull();
    expect(three.kurtosis).toBeNull();
  });

  it('an item whose covariance with the total is negative gets no effective weight', () => {
    // Item 2 runs against the other two.
    const result = itemAnalysis(
      [
        [1, 0, 1],
        [1, 0, 1],
        [0, 1, 0],
        [0, 1, 1],
        [1, 0, 0],
      ],
      [1, 1, 1],
    );
    expect(result.items[1]!.effectiveWeight).toBeNull();
    expect(result.items[0]!.effectiveWeight! + result.items[2]!.effectiveWeight!).toBeCloseTo(100, 10);
  });

  it('rejects ragged or non-finite input', () => {
    expect(() => itemAnalysis([[1, 0], [1]], [1, 1])).toThrow(RangeError);
    expect(() => itemAnalysis([[1, NaN]], [1, 1])).toThrow(RangeError);
    expect(() => itemAnalysis([[1, 0]], [1, -1])).toThrow(RangeError);
  });
});

describe('itemAnalysis — properties', () => {
  // The per-item statistics reported as percentages.
  const PERCENT_KEYS = [
    'facility',
    'sd',
    'effectiveWeight',
    'discriminationIndex',
    'discriminativeEfficiency',
  ] as const;
  /** Equal to 9 decimals, or both null. */
  const same = (actual: number | null, expected: number | null) => {
    if (expected === null) expect(actual).toBeNull();
    else expect(actual).toBeCloseTo(expected, 9);
  };

  // Marks on a 1/4-mark grid, items out of 1–3 marks.
  const dataset = fc.integer({ min: 2, max: 6 }).chain((items) =>
    fc
      .tuple(
        fc.array(fc.array(fc.integer({ min: 0, max: 12 }), { minLength: items, maxLength: items }), {
          minLength: 3,
          maxLength: 25,
        }),
        fc.array(fc.integer({ min: 1, max: 3 }), { minLength: items, maxLength: items }),
      )
      .map(([quarters, maxMarks]) => ({
        maxMarks,
        marks: quarters.map((row) => row.map((q, i) => Math.min(maxMarks[i]!, q / 4))),
      })),
  );

  it('poolItemAnalysis with nothing left undrawn is exactly itemAnalysis', () => {
    fc.assert(
      fc.property(dataset, ({ marks, maxMarks }) => {
        const { items, slots, ...test } = poolItemAnalysis(marks, maxMarks);
        const { items: expectedItems, ...expectedTest } = itemAnalysis(marks, maxMarks);
        expect(test).toEqual(expectedTest);
        expect(slots).toBe(maxMarks.length);
        expect(items.map(({ responses, covarianceWithTotal: _, ...figures }) => ({ ...figures, responses }))).toEqual(
          expectedItems.map((item) => ({ ...item, responses: marks.length })),
        );
      }),
    );
  });

  // facility 0–100, |DI| ≤ 100, DE ≤ 100, CIC ≤ 100, effective weights sum to 100
  it('keeps every statistic in its range', () => {
    fc.assert(
      fc.property(dataset, ({ marks, maxMarks }) => {
        const result = itemAnalysis(marks, maxMarks);
        let effectiveTotal = 0;
        let allWeighted = true;
        for (const item of result.items) {
          expect(item.facility).toBeGreaterThanOrEqual(0);
          expect(item.facility).toBeLessThanOrEqual(100);
          if (item.discriminationIndex !== null)
            expect(Math.abs(item.discriminationIndex)).toBeLessThanOrEqual(100 + 1e-9);
          // Cov ≤ Cov_max by the rearrangement inequality.
          if (item.discriminativeEfficiency !== null)
            expect(item.discriminativeEfficiency).toBeLessThanOrEqual(100 + 1e-9);
          if (item.effectiveWeight === null) allWeighted = false;
          else effectiveTotal += item.effectiveWeight;
        }
        if (result.cic !== null) expect(result.cic).toBeLessThanOrEqual(100 + 1e-9);
        if (allWeighted && result.items.length > 0) expect(effectiveTotal).toBeCloseTo(100, 9);
      }),
    );
  });

  it('does not depend on the order of the attempts', () => {
    fc.assert(
      fc.property(dataset, ({ marks, maxMarks }) => {
        const forward = itemAnalysis(marks, maxMarks);
        const backward = itemAnalysis([...marks].reverse(), maxMarks);
        same(backward.cic, forward.cic);
        same(backward.standardError, forward.standardError);
        backward.items.forEach((item, i) => {
          for (const key of PERCENT_KEYS) {
            same(item[key], forward.items[i]![key]);
          }
        });
      }),
    );
  });

  it('does not depend on the unit of marks: scaling every mark and maximum leaves the percentages unchanged', () => {
    fc.assert(
      fc.property(dataset, fc.constantFrom(0.5, 2, 10), ({ marks, maxMarks }, k) => {
        const base = itemAnalysis(marks, maxMarks);
        const scaled = itemAnalysis(
          marks.map((row) => row.map((v) => v * k)),
          maxMarks.map((m) => m * k),
        );
        same(scaled.cic, base.cic);
        same(scaled.standardError, base.standardError);
        scaled.items.forEach((item, i) => {
          for (const key of PERCENT_KEYS) {
            same(item[key], base.items[i]![key]);
          }
        });
      }),
    );
  });
});

import {
  decisionFigures,
  exactFigures,
  heatmapCell,
  moduleStanding,
  NO_DECISIONS,
  reportedScore,
  trendPoint,
  weakSpots,
} from './report-figures';

const counts = (hits: number, misses: number, falseAlarms: number, correctRejections: number) => ({
  ...NO_DECISIONS,
  decisions: hits + misses + falseAlarms + correctRejections,
  hits,
  misses,
  falseAlarms,
  correctRejections,
});

describe('decisionFigures', () => {
  // Worked example of the statpsych R package (Bonett), signal(82, 46, 100, 100), which applies Hautus's (1995)
  // log-linear correction: d′ 1.002793, bias −0.4019603 (= c). libs/scoring's spec checks the same example.
  it('gives d′ and c with the log-linear correction (Hautus 1995; statpsych worked example)', () => {
    const f = exactFigures(counts(82, 18, 46, 54));
    expect(f.dPrime).toBeCloseTo(1.002793, 6);
    expect(f.criterion).toBeCloseTo(-0.4019603, 7);
  });

  it('gives reports the same figures to REPORT_PLACES decimals', () => {
    const c = {
      ...counts(25, 30, 6, 39),
      meanDecisionMs: 7833.13,
      medianDecisionMs: 7792.5,
      locateSum: 5.4,
      locateCount: 7,
    };
    const exact = exactFigures(c);
    expect(exact).toMatchObject({ hitRate: 25 / 55, falseAlarmRate: 6 / 45, locateAccuracy: 5.4 / 7 });
    expect(decisionFigures(c)).toEqual({
      ...exact,
      hitRate: 0.4545,
      falseAlarmRate: 0.1333,
      missedForgeryRate: 0.5455,
      needlessReferralRate: 0.1333,
      dPrime: Math.round(exact.dPrime! * 1000) / 1000,
      criterion: Math.round(exact.criterion! * 1000) / 1000,
      accuracy: 0.64,
      meanDecisionMs: 7833,
      medianDecisionMs: 7793,
      locateAccuracy: 0.7714,
    });
    expect(decisionFigures(counts(82, 18, 46, 54))).toMatchObject({ dPrime: 1.003, criterion: -0.402 });
    // A criterion that rounds to nothing is 0, not -0 (which would print as "-0" in a CSV).
    expect(Object.is(decisionFigures(counts(50, 50, 50, 50)).criterion, 0)).toBe(true);
    expect(reportedScore(75.74088053032756)).toBe(75.74);
    expect(reportedScore(undefined)).toBeNull();
  });

  it('gives hit and false-alarm rates as plain proportions, not corrected ones', () => {
    const f = decisionFigures(counts(82, 18, 46, 54));
    expect(f).toMatchObject({
      hitRate: 0.82,
      falseAlarmRate: 0.46,
      missedForgeryRate: 0.18,
      needlessReferralRate: 0.46,
    });
    expect(f.accuracy).toBe((82 + 54) / 200);
  });

  it('keeps d′ finite for a perfect officer (the correction is why)', () => {
    const f = decisionFigures(counts(10, 0, 0, 10));
    expect(f.hitRate).toBe(1);
    expect(Number.isFinite(f.dPrime)).toBe(true);
  });

  it('gives no d′ or c unless both fraudulent and genuine documents were decided', () => {
    expect(decisionFigures(counts(5, 3, 0, 0))).toMatchObject({ dPrime: null, criterion: null, falseAlarmRate: null });
    expect(decisionFigures(counts(0, 0, 2, 6))).toMatchObject({ dPrime: null, criterion: null, hitRate: null });
    expect(decisionFigures(NO_DECISIONS)).toMatchObject({ decisions: 0, accuracy: null, locateAccuracy: null });
  });

  it('averages the locate and fraud-type part scores over the items that asked for them', () => {
    const f = decisionFigures({
      ...counts(3, 1, 0, 4),
      locateSum: 1.5,
      locateCount: 3,
      fraudTypeSum: 0,
      fraudTypeCount: 0,
    });
    expect(f.locateAccuracy).toBe(0.5);
    expect(f.fraudTypeAccuracy).toBeNull();
  });
});

describe('trendPoint', () => {
  it('gives a week’s accuracy and d′ from its counts', () => {
    const p = trendPoint({ weekStart: '2026-11-30', ...counts(82, 18, 46, 54), meanDecisionMs: 4000 });
    expect(p).toMatchObject({ weekStart: '2026-11-30', decisions: 200, accuracy: 0.68, meanDecisionMs: 4000 });
    expect(p.dPrime).toBe(1.003);
  });
});

describe('weakSpots', () => {
  it('lists the weakest cells with at least five items, weakest first, and never a perfect one', () => {
    const spots = weakSpots([
      { by: 'fraudType', cells: [heatmapCell('counterfeit', 10, 4), heatmapCell('impostor', 4, 0)] },
      { by: 'light', cells: [heatmapCell('uv365', 6, 1), heatmapCell('visible', 8, 8)] },
    ]);
    expect(spots.map((s) => [s.by, s.cell.key])).toEqual([
      ['light', 'uv365'],
      ['fraudType', 'counterfeit'],
    ]);
  });
});

describe('moduleStanding', () => {
  const now = Date.parse('2026-12-03T12:00:00Z');
  const past = new Date('2026-12-01T00:00:00Z');
  const future = new Date('2026-12-10T00:00:00Z');
  const tally = (over: object) => ({
    attempts: 1,
    finished: 1,
    passed: false,
    inProgress: false,
    bestScore: 40,
    ...over,
  });

  it.each([
    ['passed, even while retaking', tally({ passed: true, inProgress: true, attempts: 2 }), past, 'passed'],
    ['in progress', tally({ finished: 0, inProgress: true }), future, 'in-progress'],
    ['failed: finished, none passed', tally({}), past, 'failed'],
    ['overdue: closed with no attempt', undefined, past, 'overdue'],
    ['not started: open', undefined, future, 'not-started'],
    ['not started: no closing date', undefined, null, 'not-started'],
  ] as const)('%s', (_, t, closesAt, standing) => {
    expect(moduleStanding(t, closesAt, now)).toBe(standing);
  });
});

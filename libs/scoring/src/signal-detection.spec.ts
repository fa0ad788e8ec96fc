import fc from 'fast-check';
import { inverseNormalCdf } from './normal';
import {
  aPrime,
  classifyDecision,
  countOutcomes,
  signalDetection,
  type OutcomeCounts,
  type RateCorrection,
} from './signal-detection';

describe('classifyDecision / countOutcomes', () => {
  it('puts referring a fraudulent document in the hit cell (signal = fraudulent, "yes" = refer)', () => {
    expect(classifyDecision('fraudulent', 'refer')).toBe('hit');
    expect(classifyDecision('fraudulent', 'accept')).toBe('miss');
    expect(classifyDecision('genuine', 'refer')).toBe('falseAlarm');
    expect(classifyDecision('genuine', 'accept')).toBe('correctRejection');
  });

  it('rejects values outside the vocabulary', () => {
    expect(() => classifyDecision('forged' as never, 'refer')).toThrow(RangeError);
    expect(() => classifyDecision('genuine', 'maybe' as never)).toThrow(RangeError);
    expect(() => countOutcomes(['hit', 'nope' as never])).toThrow(RangeError);
  });

  it('counts outcomes and verdict/decision pairs alike', () => {
    expect(
      countOutcomes([
        'hit',
        'hit',
        'miss',
        { verdict: 'genuine', decision: 'refer' },
        { verdict: 'genuine', decision: 'accept' },
        { verdict: 'fraudulent', decision: 'refer' },
      ]),
    ).toEqual({ hits: 3, misses: 1, falseAlarms: 1, correctRejections: 1 });
    expect(countOutcomes([])).toEqual({ hits: 0, misses: 0, falseAlarms: 0, correctRejections: 0 });
  });
});

/** Counts giving the rates h and f over 100 trials of each kind (for examples stated as rates). */
const fromRates = (h: number, f: number): OutcomeCounts => ({
  hits: Math.round(h * 100),
  misses: 100 - Math.round(h * 100),
  falseAlarms: Math.round(f * 100),
  correctRejections: 100 - Math.round(f * 100),
});

describe('signalDetection — published worked examples', () => {
  // Macmillan & Creelman, Detection Theory: A User's Guide (2005), the example quoted in the issue.
  it('Macmillan & Creelman (2005): H = .69, F = .31 gives d′ ≈ 0.99', () => {
    const result = signalDetection(fromRates(0.69, 0.31), { correction: 'none' });
    // z(.69) = 0.4959, z(.31) = −0.4959 → d′ = 0.9917; unbiased: c = 0, β = 1.
    expect(result.dPrime).toBeCloseTo(0.99, 2);
    expect(result.criterion).toBeCloseTo(0, 12);
    expect(result.beta).toBeCloseTo(1, 12);
  });

  // W. Schneider, "Short Notes on Theory of Signal Detection" (handout, d′ calculation table): d′ = z(H) − z(F),
  // β = ordinate(z(H)) / ordinate(z(F)).
  it.each([
    [0.7, 0.1, 1.806, 1.981],
    [0.5, 0.4, 0.253, 1.033],
    [0.85, 0.05, 2.681, 2.261],
  ])('Schneider handout: H = %p, F = %p → d′ = %p, β = %p', (h, f, dPrime, beta) => {
    const result = signalDetection(fromRates(h, f), { correction: 'none' });
    expect(result.dPrime).toBeCloseTo(dPrime, 3);
    expect(result.beta).toBeCloseTo(beta, 3);
  });

  // Worked example of the statpsych R package (Bonett): signal(82, 46, 100, 100).
  it('Hautus (1995) log-linear correction — statpsych worked example', () => {
    // statpsych adds .5 to the "yes" count and 1 to the trials of each kind, i.e. .5 to every cell (Hautus 1995);
    // its documented output: HR 0.8168317, FAR 0.460396, d′ 1.002793, threshold 0.09943603, bias −0.4019603 (= c).
    const result = signalDetection(
      { hits: 82, misses: 18, falseAlarms: 46, correctRejections: 54 },
      { correction: 'log-linear' },
    );
    expect(result.hitRate).toBeCloseTo(0.8168317, 7);
    expect(result.falseAlarmRate).toBeCloseTo(0.460396, 6);
    expect(result.dPrime).toBeCloseTo(1.002793, 6);
    expect(-inverseNormalCdf(result.falseAlarmRate)).toBeCloseTo(0.09943603, 7);
    expect(result.criterion).toBeCloseTo(-0.4019603, 7);
    expect(result.observedHitRate).toBe(0.82);
    expect(result.observedFalseAlarmRate).toBe(0.46);
  });

  // Example of CPAN Statistics::SDT: 50/50 hits, 17/25 false alarms.
  it('1/2N correction (Macmillan & Kaplan 1985) — CPAN Statistics::SDT example', () => {
    // Documented output: H .99, F .68, d′ 1.86, A′ 0.82, β 0.07, ln β −2.60, c −1.40.
    // Only the extreme rate moves: H = 1 − 1/(2·50) = .99; F = 17/25 = .68 stays.
    const result = signalDetection(
      { hits: 50, misses: 0, falseAlarms: 17, correctRejections: 8 },
      { correction: '1/2N' },
    );
    expect(result.hitRate).toBeCloseTo(0.99, 12);
    expect(result.falseAlarmRate).toBeCloseTo(0.68, 12);
    expect(result.dPrime).toBeCloseTo(1.86, 2);
    expect(result.aPrime).toBeCloseTo(0.82, 2);
    expect(result.beta).toBeCloseTo(0.07, 2);
    expect(result.logBeta).toBeCloseTo(-2.6, 2);
    expect(result.criterion).toBeCloseTo(-1.4, 2);
  });

  it('1/2N replaces a zero false-alarm rate by 1/(2N) (Macmillan & Kaplan 1985): 0/40 → 1/80 = .0125', () => {
    const result = signalDetection(
      { hits: 30, misses: 10, falseAlarms: 0, correctRejections: 40 },
      { correction: '1/2N' },
    );
    expect(result.falseAlarmRate).toBe(0.0125);
    expect(result.hitRate).toBe(0.75);
  });

  // A′ examples from the tests of Psycho.jl (neuropsychology/Psycho.jl test/tests/sdt.jl), uncorrected rates.
  // Psycho.jl: 6 hits, 8 misses, 7 false alarms, 9 correct rejections.
  it('A′ for F > H (Psycho.jl): d′ −0.023, A′ .491, β .996, c .169', () => {
    const result = signalDetection(
      { hits: 6, misses: 8, falseAlarms: 7, correctRejections: 9 },
      { correction: 'none' },
    );
    expect(result.dPrime).toBeCloseTo(-0.023, 3);
    expect(result.aPrime).toBeCloseTo(0.491, 3);
    expect(result.beta).toBeCloseTo(0.996, 3);
    expect(result.criterion).toBeCloseTo(0.169, 3);
  });

  it('A′ for H > F (Psycho.jl: 10 hits, 1 miss, 1 false alarm, 10 correct rejections): A′ .950', () => {
    expect(
      signalDetection({ hits: 10, misses: 1, falseAlarms: 1, correctRejections: 10 }, { correction: 'none' }).aPrime,
    ).toBeCloseTo(0.95, 3);
  });

  // 20 hits, 5 misses, 10 false alarms, 15 correct rejections.
  it('hand computation with the Stanislaw & Todorov (1999) formulas', () => {
    // H = 20/25 = .8, F = 10/25 = .4; z(.8) = 0.841621, z(.4) = −0.253347.
    // d′ = 0.841621 + 0.253347 = 1.094968; c = −(0.841621 − 0.253347)/2 = −0.294137;
    // ln β = d′·c = −0.322071 → β = 0.724647; A′ = .5 + (.4)(1.4)/(4·.8·.6) = .5 + .56/1.92 = 0.791667.
    const result = signalDetection(
      { hits: 20, misses: 5, falseAlarms: 10, correctRejections: 15 },
      { correction: 'none' },
    );
    expect(result.dPrime).toBeCloseTo(1.094968, 6);
    expect(result.criterion).toBeCloseTo(-0.294137, 6);
    expect(result.logBeta).toBeCloseTo(-0.322071, 6);
    expect(result.beta).toBeCloseTo(0.724647, 6);
    expect(result.aPrime).toBeCloseTo(0.791667, 6);
  });
});

describe('signalDetection — edge cases', () => {
  it('without a correction, a perfect hit rate gives infinite d′ (the reason the corrections exist)', () => {
    const result = signalDetection(
      { hits: 10, misses: 0, falseAlarms: 2, correctRejections: 8 },
      { correction: 'none' },
    );
    expect(result.dPrime).toBe(Infinity);
    expect(result.beta).toBe(0);
    expect(result.aPrime).toBeCloseTo(0.5 + (0.8 * 1.8) / (4 * 1 * 0.8), 12);
  });

  it('with either correction every measure is finite for any non-empty table', () => {
    for (const correction of ['log-linear', '1/2N'] as const) {
      const result = signalDetection({ hits: 10, misses: 0, falseAlarms: 0, correctRejections: 10 }, { correction });
      for (const value of Object.values(result)) expect(Number.isFinite(value)).toBe(true);
    }
  });

  it('with no fraudulent (or no genuine) documents the rates and measures are NaN, not invented', () => {
    const result = signalDetection(
      { hits: 0, misses: 0, falseAlarms: 3, correctRejections: 7 },
      { correction: 'log-linear' },
    );
    expect(result.hitRate).toBeNaN();
    expect(result.dPrime).toBeNaN();
    expect(result.aPrime).toBeNaN();
    expect(result.falseAlarmRate).toBeCloseTo(3.5 / 11, 12);
  });

  it('rejects negative or non-finite counts and unknown corrections', () => {
    expect(() =>
      signalDetection({ hits: -1, misses: 0, falseAlarms: 0, correctRejections: 0 }, { correction: 'none' }),
    ).toThrow(RangeError);
    expect(() =>
      signalDetection({ hits: NaN, misses: 0, falseAlarms: 0, correctRejections: 0 }, { correction: 'none' }),
    ).toThrow(RangeError);
    expect(() =>
      signalDetection({ hits: 1, misses: 1, falseAlarms: 1, correctRejections: 1 }, { correction: 'x' as never }),
    ).toThrow(RangeError);
  });

  it('defaults to the log-linear correction', () => {
    const counts = { hits: 9, misses: 1, falseAlarms: 0, correctRejections: 10 };
    expect(signalDetection(counts)).toEqual(signalDetection(counts, { correction: 'log-linear' }));
  });

  it('A′ is ½ when H = F, including H = F = 0', () => {
    expect(aPrime(0, 0)).toBe(0.5);
    expect(aPrime(0.3, 0.3)).toBe(0.5);
    expect(aPrime(1, 0)).toBe(1);
    expect(aPrime(0, 1)).toBe(0);
  });
});

describe('signalDetection — properties', () => {
  const count = fc.integer({ min: 0, max: 60 });
  const table = fc.record({ hits: count, misses: count, falseAlarms: count, correctRejections: count });
  const nonEmpty = table.filter((t) => t.hits + t.misses > 0 && t.falseAlarms + t.correctRejections > 0);
  const correction = fc.constantFrom<RateCorrection>('log-linear', '1/2N');

  it('rates and A′ lie in [0, 1]; d′ = z(H) − z(F) and ln β = d′·c hold exactly', () => {
    fc.assert(
      fc.property(nonEmpty, correction, (counts, corr) => {
        const r = signalDetection(counts, { correction: corr });
        for (const rate of [r.hitRate, r.falseAlarmRate, r.aPrime]) {
          expect(rate).toBeGreaterThanOrEqual(0);
          expect(rate).toBeLessThanOrEqual(1);
        }
        expect(r.dPrime).toBeCloseTo(inverseNormalCdf(r.hitRate) - inverseNormalCdf(r.falseAlarmRate), 12);
        expect(r.logBeta).toBeCloseTo(r.dPrime * r.criterion, 10);
      }),
    );
  });

  it('swapping the roles of fraudulent and genuine documents (H ↔ F) negates d′ and ln β, keeps c, mirrors A′', () => {
    fc.assert(
      fc.property(nonEmpty, correction, (counts, corr) => {
        const r = signalDetection(counts, { correction: corr });
        const swapped = signalDetection(
          {
            hits: counts.falseAlarms,
            misses: counts.correctRejections,
            falseAlarms: counts.hits,
            correctRejections: counts.misses,
          },
          { correction: corr },
        );
        expect(swapped.dPrime).toBeCloseTo(-r.dPrime, 10);
        expect(swapped.logBeta).toBeCloseTo(-r.logBeta, 10);
        expect(swapped.criterion).toBeCloseTo(r.criterion, 10);
        expect(swapped.aPrime).toBeCloseTo(1 - r.aPrime, 10);
      }),
    );
  });

  it('swapping refer ↔ accept (H → 1 − F, F → 1 − H) keeps d′ and A′ and negates c', () => {
    fc.assert(
      fc.property(nonEmpty, correction, (counts, corr) => {
        const r = signalDetection(counts, { correction: corr });
        const flipped = signalDetection(
          {
            hits: counts.correctRejections,
            misses: counts.falseAlarms,
            falseAlarms: counts.misses,
            correctRejections: counts.hits,
          },
          { correction: corr },
        );
        expect(flipped.dPrime).toBeCloseTo(r.dPrime, 10);
        expect(flipped.aPrime).toBeCloseTo(r.aPrime, 10);
        expect(flipped.criterion).toBeCloseTo(-r.criterion, 10);
      }),
    );
  });

  // Turning a miss into a hit never lowers d′ or A′; turning a correct rejection into a false alarm never raises them.
  it('is monotone in hits and false alarms', () => {
    fc.assert(
      fc.property(nonEmpty, fc.constantFrom<RateCorrection>('log-linear', '1/2N', 'none'), (counts, corr) => {
        const r = signalDetection(counts, { correction: corr });
        // Without a correction H = F = 0 (or 1) leaves d′ undefined (∞ − ∞): such pairs are not compared.
        const defined = (a: number, b: number) => !Number.isNaN(a) && !Number.isNaN(b);
        if (counts.misses > 0) {
          const better = signalDetection(
            { ...counts, hits: counts.hits + 1, misses: counts.misses - 1 },
            { correction: corr },
          );
          if (defined(r.dPrime, better.dPrime)) expect(better.dPrime).toBeGreaterThanOrEqual(r.dPrime - 1e-12);
          expect(better.aPrime).toBeGreaterThanOrEqual(r.aPrime - 1e-12);
        }
        if (counts.correctRejections > 0) {
          const worse = signalDetection(
            { ...counts, falseAlarms: counts.falseAlarms + 1, correctRejections: counts.correctRejections - 1 },
            { correction: corr },
          );
          if (defined(r.dPrime, worse.dPrime)) expect(worse.dPrime).toBeLessThanOrEqual(r.dPrime + 1e-12);
          expect(worse.aPrime).toBeLessThanOrEqual(r.aPrime + 1e-12);
        }
      }),
    );
  });
});

import fc from 'fast-check';
import { inverseNormalCdf, normalCdf, normalPdf } from './normal';

describe('inverseNormalCdf (Wichura 1988, Algorithm AS 241)', () => {
  // Reference quantiles as printed by R's qnorm and Python's statistics.NormalDist().inv_cdf (both AS 241 in double
  // precision); the first digits agree with printed tables (Abramowitz & Stegun 1964, Table 26.5: z.975 = 1.959964).
  it.each([
    [0.5, 0],
    [0.975, 1.959963984540054],
    [0.95, 1.644853626951472],
    [0.9, 1.281551565544601],
    [0.99, 2.326347874040841],
    [0.999, 3.090232306167813],
    [0.8413447460685429, 1], // Φ(1)
    [1e-10, -6.361340902404056], // far tail: the r > 5 branch of AS 241
    [1e-20, -9.262340089798405],
  ])('Φ⁻¹(%p) = %p', (p, z) => {
    expect(inverseNormalCdf(p)).toBeCloseTo(z, 12);
  });

  it('matches the brief: Φ⁻¹(0.975) = 1.959963985 and Φ⁻¹(0.5) = 0', () => {
    expect(inverseNormalCdf(0.975).toFixed(9)).toBe('1.959963985');
    expect(inverseNormalCdf(0.5)).toBe(0);
  });

  it('is ±∞ at 0 and 1 and NaN outside [0, 1]', () => {
    expect(inverseNormalCdf(0)).toBe(-Infinity);
    expect(inverseNormalCdf(1)).toBe(Infinity);
    expect(inverseNormalCdf(-0.1)).toBeNaN();
    expect(inverseNormalCdf(1.1)).toBeNaN();
    expect(inverseNormalCdf(NaN)).toBeNaN();
  });

  const probability = fc.double({ min: 1e-300, max: 1 - 1e-16, noNaN: true });

  it('is antisymmetric: Φ⁻¹(1 − p) = −Φ⁻¹(p)', () => {
    // p = k / 2^40, so 1 − p is exact in double precision and the test measures Φ⁻¹, not the subtraction.
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 39 }), (k) => {
        const p = k / 2 ** 40;
        expect(inverseNormalCdf(1 - p)).toBeCloseTo(-inverseNormalCdf(p), 12);
      }),
    );
  });

  it('is strictly increasing', () => {
    fc.assert(
      fc.property(probability, probability, (a, b) => {
        fc.pre(a !== b);
        const [lo, hi] = a < b ? [a, b] : [b, a];
        expect(inverseNormalCdf(lo)).toBeLessThanOrEqual(inverseNormalCdf(hi));
      }),
    );
  });

  it('inverts Φ: Φ(Φ⁻¹(p)) = p to 1e-12 relative (Φ is computed independently)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-100, max: 0.999999, noNaN: true }), (p) => {
        const roundTrip = normalCdf(inverseNormalCdf(p));
        expect(Math.abs(roundTrip - p) / p).toBeLessThan(1e-12);
      }),
    );
  });
});

describe('normalCdf', () => {
  // Reference values: 0.5·erfc(−x/√2) from the C library (Python math.erfc), cf. Abramowitz & Stegun Table 26.1.
  it.each([
    [0, 0.5],
    [1, 0.8413447460685429],
    [-1.96, 0.024997895148220435],
    [3, 0.9986501019683699],
    [-5, 2.866515718791946e-7],
    [-10, 7.619853024160593e-24],
    [-20, 2.7536241186063314e-89],
  ])('Φ(%p) = %p', (x, expected) => {
    expect(Math.abs(normalCdf(x) - expected) / expected).toBeLessThan(1e-13);
  });

  it('is Φ(−x) = 1 − Φ(x) and bounded by [0, 1]', () => {
    fc.assert(
      fc.property(fc.double({ min: -40, max: 40, noNaN: true }), (x) => {
        const value = normalCdf(x);
        expect(value).toBeGreaterThanOrEqual(0);
        expect(value).toBeLessThanOrEqual(1);
        expect(normalCdf(-x)).toBeCloseTo(1 - value, 14);
      }),
    );
  });

  it('has density φ(0) = 1/√(2π)', () => {
    expect(normalPdf(0)).toBeCloseTo(0.3989422804014327, 15);
    expect(normalCdf(Infinity)).toBe(1);
    expect(normalCdf(-Infinity)).toBe(0);
  });
});

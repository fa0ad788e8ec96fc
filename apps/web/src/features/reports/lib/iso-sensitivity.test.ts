import { normalCdf } from '@firstline/scoring/normal';
import { describe, expect, it } from 'vitest';
import { hitRateAt, isoSensitivityCurve, noBiasPoint } from './iso-sensitivity';

describe('iso-d′ curves', () => {
  // Worked values from the standard normal table (e.g. Macmillan & Creelman, "Detection Theory", table A5.1):
  // Φ(1) = 0.8413, Φ(2) = 0.9772, Φ(0.5) = 0.6915, Φ⁻¹(0.1587) = −1.000.
  it('d′ = 1 at F = 0.5 gives H = Φ(1) = 0.8413', () => {
    expect(hitRateAt(1, 0.5)).toBeCloseTo(0.8413, 4);
  });

  it('d′ = 2 at F = 0.1587 gives H = Φ(1) = 0.8413, and at F = 0.5 gives Φ(2) = 0.9772', () => {
    expect(hitRateAt(2, 0.1587)).toBeCloseTo(0.8413, 3);
    expect(hitRateAt(2, 0.5)).toBeCloseTo(0.9772, 4);
  });

  it('d′ = 0 is the diagonal: chance, H = F', () => {
    for (const f of [0.01, 0.2, 0.5, 0.77, 0.99]) expect(hitRateAt(0, f)).toBeCloseTo(f, 12);
  });

  it('d′ = 3 at F = 0.0668 (Φ(−1.5)) gives H = Φ(1.5) = 0.9332', () => {
    expect(hitRateAt(3, normalCdf(-1.5))).toBeCloseTo(0.9332, 4);
  });

  it('a curve runs from (0, 0) to (1, 1), rising, above the diagonal for d′ > 0', () => {
    const curve = isoSensitivityCurve(1, 40);
    expect(curve[0]).toEqual({ f: 0, h: 0 });
    expect(curve[curve.length - 1]).toEqual({ f: 1, h: 1 });
    for (let i = 1; i < curve.length; i++) {
      expect(curve[i].h).toBeGreaterThanOrEqual(curve[i - 1].h);
      if (curve[i].f > 0 && curve[i].f < 1) expect(curve[i].h).toBeGreaterThan(curve[i].f);
    }
  });

  it('the no-bias point of a curve lies on it and on H = 1 − F', () => {
    for (const d of [1, 2, 3]) {
      const p = noBiasPoint(d);
      expect(p.h).toBeCloseTo(1 - p.f, 12);
      expect(hitRateAt(d, p.f)).toBeCloseTo(p.h, 12);
    }
  });
});

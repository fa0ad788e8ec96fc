// The geometry of the decision-space chart: iso-d′ curves in (false-alarm rate, hit rate) space.
// Under the equal-variance signal-detection model, d′ = Φ⁻¹(H) − Φ⁻¹(F), so every officer with the same d′ lies on
// H = Φ(d′ + Φ⁻¹(F)); d′ = 0 is the diagonal (chance). Φ and Φ⁻¹ are libs/scoring's, the ones the API's d′ uses.
import { inverseNormalCdf, normalCdf } from '@firstline/scoring/normal';

export interface RatePoint {
  /** False-alarm rate (needless referrals / genuine documents). */
  f: number;
  /** Hit rate (fraudulent documents referred / fraudulent documents). */
  h: number;
}

/** The curves drawn behind the officers' dots. */
export const ISO_SENSITIVITY_LEVELS = [0, 1, 2, 3] as const;

/** The hit rate an officer of sensitivity `dPrime` has at false-alarm rate `f`: H = Φ(d′ + Φ⁻¹(F)). */
export function hitRateAt(dPrime: number, f: number): number {
  if (f <= 0) return 0;
  if (f >= 1) return 1;
  return normalCdf(dPrime + inverseNormalCdf(f));
}

/**
 * Points of the iso-d′ curve from (0, 0) to (1, 1). The curves rise steeply near F = 0, so the false-alarm rates
 * are spaced more densely there (quadratically) for a smooth line with few points.
 */
export function isoSensitivityCurve(dPrime: number, steps = 60): RatePoint[] {
  const points: RatePoint[] = [];
  for (let i = 0; i <= steps; i++) {
    const f = (i / steps) ** 2;
    points.push({ f, h: hitRateAt(dPrime, f) });
  }
  return points;
}

/** Where the iso-d′ curve crosses the line of no bias (H = 1 − F, c = 0): F = Φ(−d′/2), H = Φ(d′/2). */
export function noBiasPoint(dPrime: number): RatePoint {
  return { f: normalCdf(-dPrime / 2), h: normalCdf(dPrime / 2) };
}

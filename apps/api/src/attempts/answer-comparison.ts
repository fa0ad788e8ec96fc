// Whether two answers to an item are the same answer: a final answer resent (e.g. from an offline queue under a
// new Idempotency-Key) must not count as an attempt to change it. Pure.
import type { ItemAnswer } from '@firstline/contracts';

/** Same decision, points (in order), fraud type, and the same sets of features and failed MRZ checks. */
export function sameAnswer(a: ItemAnswer | null, b: ItemAnswer): boolean {
  if (!a) return false;
  return JSON.stringify(normalise(a)) === JSON.stringify(normalise(b));
}

function normalise(a: ItemAnswer) {
  return {
    decision: a.decision,
    points: a.points.map((p) => [p.side, p.x, p.y]),
    fraudType: a.fraudType,
    features: [...a.features].sort(),
    mrzFailedChecks: [...a.mrzFailedChecks].sort(),
  };
}

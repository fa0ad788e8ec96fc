// The question parts a pool's exercises ask most often. Pure. Which parts are asked must not hint at the answer, so
// an exercise asking other parts than most of its pool stands out (the editor warns about it).
import { partsKey, type ExerciseParts } from '@firstline/contracts';

/** The parts most of `others` ask, and how many ask exactly them (ties: the first met); null when there are none. */
export function commonParts(others: ExerciseParts[]): { parts: ExerciseParts | null; sharedBy: number } {
  const counts = new Map<string, { parts: ExerciseParts; n: number }>();
  for (const parts of others) {
    const key = partsKey(parts);
    const seen = counts.get(key);
    if (seen) seen.n++;
    else counts.set(key, { parts, n: 1 });
  }
  let best: { parts: ExerciseParts; n: number } | null = null;
  for (const entry of counts.values()) if (!best || entry.n > best.n) best = entry;
  return { parts: best?.parts ?? null, sharedBy: best?.n ?? 0 };
}

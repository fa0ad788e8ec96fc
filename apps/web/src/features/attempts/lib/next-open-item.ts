// Which item the player opens next: the answers the server has and those still waiting in the outbox are skipped.
import type { AttemptView } from '@firstline/contracts';

/** The first item from `from` on that is neither answered on the server nor given here; null when none is left. */
export function nextOpenItem(attempt: AttemptView, given: ReadonlySet<number>, from = 1): number | null {
  for (let n = Math.max(1, from); n <= attempt.itemCount; n++) {
    if (!attempt.answered[n - 1] && !given.has(n)) return n;
  }
  for (let n = 1; n < from && n <= attempt.itemCount; n++) {
    if (!attempt.answered[n - 1] && !given.has(n)) return n;
  }
  return null;
}

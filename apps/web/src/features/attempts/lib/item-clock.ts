// The per-item clock's arithmetic. It runs from when the server first served the item, in server time: the client's
// clock is corrected by the difference between serverNow and the moment the item arrived, so a reload or a wrong
// desk clock neither restarts nor shifts it.
import type { ItemPresentation } from '@firstline/contracts';

/** The item's deadline on this client's clock (ms since epoch). */
export function itemDeadline(
  item: Pick<ItemPresentation, 'firstServedAt' | 'timeAllowedSeconds' | 'serverNow'>,
  receivedAt: number,
): number {
  const serverAhead = Date.parse(item.serverNow) - receivedAt;
  return Date.parse(item.firstServedAt) + item.timeAllowedSeconds * 1000 - serverAhead;
}

/** Remaining time as m:ss, rounded up (0:01 until the very last millisecond). */
export function formatClock(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

// The per-item clock. It runs from when the server first served the item, in server time: the client's clock is
// corrected by the difference between serverNow and the moment the item arrived, so a reload or a wrong desk
// clock neither restarts nor shifts it.
import type { ItemPresentation } from '@firstline/contracts';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The item's deadline on this client's clock (ms since epoch). */
export function itemDeadline(
  item: Pick<ItemPresentation, 'firstServedAt' | 'timeAllowedSeconds' | 'serverNow'>,
  receivedAt: number,
): number {
  const serverAhead = Date.parse(item.serverNow) - receivedAt;
  return Date.parse(item.firstServedAt) + item.timeAllowedSeconds * 1000 - serverAhead;
}

export function useRemainingMs(deadline: number, onExpire?: () => void): number {
  const [now, setNow] = useState(() => Date.now());
  const expired = useRef(false);
  const onExpireRef = useRef(onExpire);
  onExpireRef.current = onExpire;
  useEffect(() => {
    expired.current = false;
    const tick = () => {
      const t = Date.now();
      setNow(t);
      if (t >= deadline && !expired.current) {
        expired.current = true;
        onExpireRef.current?.();
      }
    };
    tick();
    const id = setInterval(tick, 250);
    return () => clearInterval(id);
  }, [deadline]);
  return Math.max(0, deadline - now);
}

export function formatClock(ms: number): string {
  const s = Math.ceil(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

export function Countdown({
  deadline,
  totalSeconds,
  onExpire,
  stopped = false,
}: {
  deadline: number;
  totalSeconds: number;
  onExpire?: () => void;
  /** The answer is in: the clock stops showing urgency. */
  stopped?: boolean;
}) {
  const { t } = useTranslation();
  const remaining = useRemainingMs(deadline, onExpire);
  const expired = remaining <= 0;
  const urgent = !expired && remaining <= Math.min(10_000, totalSeconds * 250);
  const share = Math.max(0, Math.min(1, remaining / (totalSeconds * 1000)));
  const state = stopped ? 'stopped' : expired ? 'expired' : urgent ? 'urgent' : 'running';
  return (
    <div className={`fl-countdown fl-countdown--${state}`} data-testid="countdown" data-state={state}>
      <span className="fl-countdown__label">{t('player.timeLeft')}</span>
      <span className="fl-countdown__value" role="timer" aria-label={t('player.timeLeft')} dir="ltr">
        {formatClock(remaining)}
      </span>
      <span className="fl-countdown__bar" aria-hidden="true">
        <span style={{ inlineSize: `${share * 100}%` }} />
      </span>
      <span className="fl-visually-hidden" aria-live="assertive">
        {expired && !stopped ? t('player.timeUp') : ''}
      </span>
      {expired && !stopped && <span className="fl-countdown__late">{t('player.timeUpHint')}</span>}
    </div>
  );
}

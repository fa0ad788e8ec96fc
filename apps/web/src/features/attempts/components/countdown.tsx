// The per-item clock. It runs from when the server first served the item, in server time: the client's clock is
// corrected by the difference between serverNow and the moment the item arrived, so a reload or a wrong desk
// clock neither restarts nor shifts it.
import { useTranslation } from 'react-i18next';
import { useRemainingMs } from '../hooks/use-remaining-ms';
import { formatClock } from '../lib/item-clock';

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

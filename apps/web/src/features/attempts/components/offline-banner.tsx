// Tells the trainee that answers are safe on this device and waiting for the network.
import { useTranslation } from 'react-i18next';

export function OfflineBanner({ online, waiting }: { online: boolean; waiting: number }) {
  const { t } = useTranslation();
  if (online && waiting === 0) return null;
  return (
    <div className={`fl-offline ${online ? 'fl-offline--sending' : ''}`} role="status" data-testid="offline-banner">
      <span className="fl-offline__dot" aria-hidden="true" />
      {online ? t('player.sending', { count: waiting }) : t('player.offline', { count: waiting })}
    </div>
  );
}

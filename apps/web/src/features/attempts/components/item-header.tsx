// The bar above an item: module, progress, the document's state and type, the clock and the help button.
import type { AttemptView, ItemPresentation } from '@firstline/contracts';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@/lib/format';
import { currentLanguage } from '@/lib/i18n';
import { Countdown } from './countdown';

export function ItemHeader({
  attempt,
  item,
  deadline,
  stopped,
  onHelp,
}: {
  attempt: AttemptView;
  item: ItemPresentation;
  deadline: number;
  /** The answer is in: the clock stops. */
  stopped: boolean;
  onHelp: () => void;
}) {
  const { t } = useTranslation();
  return (
    <header className="fl-player__bar">
      <div className="fl-player__title">
        <p className="fl-player__module" dir="auto">
          {attempt.moduleTitle}
        </p>
        <p className="fl-player__progress" data-testid="item-progress" aria-live="polite">
          {t('player.itemOf', { n: item.n, count: item.itemCount })}
          {attempt.deadline && (
            <span className="fl-player__deadline">
              {' '}
              · {t('player.moduleEnds', { time: formatDateTime(attempt.deadline, currentLanguage()) })}
            </span>
          )}
        </p>
        <progress max={item.itemCount} value={item.n - 1} aria-hidden="true" />
      </div>
      <p className="fl-player__doc-meta" dir="ltr">
        {item.issuingState} · {item.documentType}
      </p>
      <Countdown deadline={deadline} totalSeconds={item.timeAllowedSeconds} stopped={stopped} />
      <button
        type="button"
        className="fl-icon-button fl-player__help"
        onClick={onHelp}
        aria-label={t('player.help')}
        aria-keyshortcuts="?"
      >
        ?
      </button>
    </header>
  );
}

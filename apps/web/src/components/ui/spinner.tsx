import { useTranslation } from 'react-i18next';

export function Spinner({ label, size = 'md' }: { label?: string; size?: 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation();
  return (
    <span className={`fl-spinner fl-spinner--${size}`} role="status">
      <span className="fl-spinner__ring" aria-hidden="true" />
      <span className="fl-visually-hidden">{label ?? t('common.loading')}</span>
    </span>
  );
}

/** A centred spinner with a visible caption, for a page or section that is loading. */
export function LoadingBlock({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <div className="fl-loading-block" role="status" aria-live="polite">
      <span className="fl-spinner fl-spinner--lg" aria-hidden="true">
        <span className="fl-spinner__ring" />
      </span>
      <span>{label ?? t('common.loading')}</span>
    </div>
  );
}

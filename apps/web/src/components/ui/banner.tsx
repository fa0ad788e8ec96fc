import type { ReactNode } from 'react';
import { AlertIcon, CheckCircleIcon, InfoIcon } from './icons';

type Tone = 'info' | 'success' | 'warning' | 'danger';

const ICONS: Record<Tone, typeof InfoIcon> = {
  info: InfoIcon,
  success: CheckCircleIcon,
  warning: AlertIcon,
  danger: AlertIcon,
};

/** A message block. Errors are announced at once (role=alert), others politely (role=status). */
export function Banner({
  tone = 'info',
  title,
  children,
  actions,
  className,
}: {
  tone?: Tone;
  title?: ReactNode;
  children?: ReactNode;
  actions?: ReactNode;
  className?: string;
}) {
  const Icon = ICONS[tone];
  return (
    <div
      className={['fl-banner', `fl-banner--${tone}`, className].filter(Boolean).join(' ')}
      role={tone === 'danger' ? 'alert' : 'status'}
    >
      <Icon className="fl-banner__icon" size={22} />
      <div className="fl-banner__body">
        {title && <p className="fl-banner__title">{title}</p>}
        {children && <div className="fl-banner__text">{children}</div>}
        {actions && <div className="fl-banner__actions">{actions}</div>}
      </div>
    </div>
  );
}

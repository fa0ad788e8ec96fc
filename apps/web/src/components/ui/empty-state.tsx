import type { ReactNode } from 'react';

export function EmptyState({
  icon,
  title,
  description,
  action,
}: {
  icon?: ReactNode;
  title: ReactNode;
  description?: ReactNode;
  action?: ReactNode;
}) {
  return (
    <div className="fl-empty">
      {icon && <div className="fl-empty__icon">{icon}</div>}
      <p className="fl-empty__title">{title}</p>
      {description && <p className="fl-empty__description">{description}</p>}
      {action && <div className="fl-empty__action">{action}</div>}
    </div>
  );
}

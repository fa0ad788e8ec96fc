import type { ReactNode } from 'react';

export function PageHeader({
  title,
  description,
  actions,
  eyebrow,
}: {
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  eyebrow?: ReactNode;
}) {
  return (
    <header className="fl-page-header">
      <div className="fl-page-header__text">
        {eyebrow && <p className="fl-page-header__eyebrow">{eyebrow}</p>}
        <h1 className="fl-page-header__title" dir="auto">
          {title}
        </h1>
        {description && <p className="fl-page-header__description">{description}</p>}
      </div>
      {actions && <div className="fl-page-header__actions">{actions}</div>}
    </header>
  );
}

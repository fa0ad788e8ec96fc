import type { HTMLAttributes, ReactNode } from 'react';

export function Card({
  title,
  description,
  actions,
  children,
  className,
  headingLevel = 2,
  ...rest
}: {
  title?: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  headingLevel?: 2 | 3;
} & Omit<HTMLAttributes<HTMLElement>, 'title'>) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section className={['fl-card', className].filter(Boolean).join(' ')} {...rest}>
      {(title || actions) && (
        <header className="fl-card__header">
          <div>
            {title && <Heading className="fl-card__title">{title}</Heading>}
            {description && <p className="fl-card__description">{description}</p>}
          </div>
          {actions && <div className="fl-card__actions">{actions}</div>}
        </header>
      )}
      <div className="fl-card__body">{children}</div>
    </section>
  );
}

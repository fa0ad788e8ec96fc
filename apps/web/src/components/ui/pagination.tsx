import { useTranslation } from 'react-i18next';
import { Button } from './button';

export function Pagination({
  total,
  limit,
  offset,
  onChange,
}: {
  total: number;
  limit: number;
  offset: number;
  onChange: (offset: number) => void;
}) {
  const { t } = useTranslation();
  if (total === 0) return null;
  const from = offset + 1;
  const to = Math.min(offset + limit, total);
  return (
    <nav className="fl-pagination" aria-label={t('pagination.label')}>
      <p className="fl-pagination__summary">{t('pagination.summary', { from, to, total })}</p>
      <div className="fl-pagination__buttons">
        <Button
          variant="secondary"
          size="sm"
          disabled={offset === 0}
          onClick={() => onChange(Math.max(0, offset - limit))}
        >
          {t('pagination.previous')}
        </Button>
        <Button variant="secondary" size="sm" disabled={to >= total} onClick={() => onChange(offset + limit)}>
          {t('pagination.next')}
        </Button>
      </div>
    </nav>
  );
}

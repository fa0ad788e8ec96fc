import { useTranslation } from 'react-i18next';
import { describeError } from '@/lib/errors';
import { Banner } from './banner';
import { Button } from './button';

/** The error state of a screen or section whose data failed to load, with a retry. */
export function QueryError({ error, onRetry, title }: { error: unknown; onRetry?: () => void; title?: string }) {
  const { t } = useTranslation();
  return (
    <Banner
      tone="danger"
      title={title ?? t('errors.loadFailed')}
      actions={
        onRetry && (
          <Button variant="secondary" size="sm" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        )
      }
    >
      {describeError(t, error)}
    </Banner>
  );
}

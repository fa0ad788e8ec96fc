// Moodle's "Calculated at … — N attempts since; recalculate": when the stored figures were worked out, how many
// finished attempts they leave out, and a button that recalculates in the background (the screen polls meanwhile).
import type { ItemAnalysis } from '@firstline/contracts';
import { useTranslation } from 'react-i18next';
import { Button, ErrorBanner } from '@/components/ui';
import { useFigureFormat } from '../../hooks/use-figure-format';

export function CalculationStatus({
  analysis,
  busy,
  onRecalculate,
  error,
}: {
  analysis: Pick<ItemAnalysis, 'calculatedAt' | 'attemptsSince' | 'recalculating'>;
  /** A recalculation is running or awaited. */
  busy: boolean;
  onRecalculate: () => void;
  error: unknown;
}) {
  const { t } = useTranslation();
  const f = useFigureFormat();
  return (
    <div className="fl-ia-status" data-testid="calculation-status">
      <p className="fl-ia-status__text">
        {t('itemAnalysis.status.calculatedAt', { date: f.dateTime(analysis.calculatedAt) })}
        {' — '}
        <span className={analysis.attemptsSince > 0 ? 'fl-ia-status__since' : undefined}>
          {t('itemAnalysis.status.since', { count: analysis.attemptsSince, n: f.num(analysis.attemptsSince) })}
        </span>
      </p>
      {busy && (
        <span className="fl-ia-status__busy" role="status">
          <span className="fl-spinner fl-spinner--sm" aria-hidden="true">
            <span className="fl-spinner__ring" />
          </span>
          {t('itemAnalysis.status.recalculating')}
        </span>
      )}
      <Button variant="secondary" size="sm" onClick={onRecalculate} disabled={busy}>
        {t('itemAnalysis.status.recalculate')}
      </Button>
      <ErrorBanner error={error} />
    </div>
  );
}

// The item analysis of a module version: which exercises of the pool work, which mislead, and where officers
// click. Test-level figures, the sortable items table (a row opens its detail), the Wright map, the fraud-type
// confusion across the pool, the CSV, and Moodle's "calculated at … — recalculate".
import type { ItemAnalysisRow } from '@firstline/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Card, ChartIcon, EmptyState, LoadingBlock, PageHeader, QueryError } from '@/components/ui';
import { isStatus } from '@/lib/errors';
import { useFraudConfusion } from '../../api/get-fraud-confusion';
import { useItemAnalysis } from '../../api/get-item-analysis';
import { useRecalculateItemAnalysis } from '../../api/recalculate-item-analysis';
import { useFigureFormat } from '../../hooks/use-figure-format';
import { exportPaths } from '../../lib/export-paths';
import { ExportButton } from '../export-button';
import { CalculationStatus } from './calculation-status';
import { FraudConfusionMatrix } from './fraud-confusion-matrix';
import { ItemDetailDialog, type RemoveFromPool } from './item-detail-dialog';
import { ItemsTable } from './items-table';
import { TestStatisticsCards } from './test-statistics-cards';
import { WrightMap } from './wright-map';
import '../reports.css';
import './item-analysis.css';

function Confusion({ moduleId, version }: { moduleId: string; version?: number }) {
  const { t } = useTranslation();
  const confusion = useFraudConfusion(moduleId, version);
  if (confusion.isPending) return <LoadingBlock />;
  if (confusion.isError) return <QueryError error={confusion.error} onRetry={() => confusion.refetch()} />;
  if (confusion.data.fraudTypes.length === 0) return <p className="fl-ia-muted">{t('itemAnalysis.confusion.empty')}</p>;
  return <FraudConfusionMatrix confusion={confusion.data} />;
}

export function ItemAnalysisDashboard({
  moduleId,
  version,
  onVersionChange,
  onRemove,
}: {
  moduleId: string;
  /** Undefined: the latest published version. */
  version?: number;
  onVersionChange: (version: number) => void;
  /** Absent for readers (supervisors). */
  onRemove?: RemoveFromPool;
}) {
  const { t } = useTranslation();
  const f = useFigureFormat();
  const query = useItemAnalysis(moduleId, version);
  const recalculate = useRecalculateItemAnalysis(moduleId, version);
  const [open, setOpen] = useState<ItemAnalysisRow | null>(null);

  if (query.isPending) return <LoadingBlock />;
  if (query.isError) {
    return [400, 403, 404].some((s) => isStatus(query.error, s)) ? (
      <Card>
        <EmptyState
          icon={<ChartIcon size={32} />}
          title={t('itemAnalysis.notFoundTitle')}
          description={t('itemAnalysis.notFoundText')}
        />
      </Card>
    ) : (
      <QueryError error={query.error} onRetry={() => query.refetch()} />
    );
  }
  const data = query.data;
  const shownVersion = version ?? data.version;
  return (
    <>
      <PageHeader
        eyebrow={t('itemAnalysis.eyebrow')}
        title={data.moduleTitle}
        description={t('itemAnalysis.lead')}
        actions={
          <div className="fl-ia-header-actions">
            <label className="fl-ia-picker">
              <span>{t('itemAnalysis.version')}</span>
              <select
                className="fl-input fl-select"
                value={shownVersion}
                onChange={(e) => onVersionChange(Number(e.target.value))}
                data-testid="version-picker"
              >
                {data.versions.map((v) => (
                  <option key={v.version} value={v.version}>
                    {t('itemAnalysis.versionOption', { version: v.version, date: f.date(v.publishedAt) })}
                  </option>
                ))}
              </select>
            </label>
            <ExportButton
              path={exportPaths.itemAnalysisCsv(moduleId)}
              params={{ version: shownVersion }}
              fallbackName="item-analysis.csv"
              label={t('itemAnalysis.csv')}
            />
          </div>
        }
      />
      <CalculationStatus
        analysis={data}
        busy={recalculate.isPending || data.recalculating}
        onRecalculate={() => recalculate.mutate()}
        error={recalculate.error}
      />
      {data.test.attempts === 0 ? (
        <Card>
          <EmptyState
            icon={<ChartIcon size={32} />}
            title={t('itemAnalysis.noAttemptsTitle')}
            description={t('itemAnalysis.noAttemptsText')}
          />
        </Card>
      ) : (
        <>
          <TestStatisticsCards test={data.test} />
          <Card
            title={t('itemAnalysis.items.title')}
            description={t('itemAnalysis.items.lead', { min: f.num(data.minResponses) })}
            headingLevel={2}
          >
            <ItemsTable items={data.items} minResponses={data.minResponses} onOpen={setOpen} />
          </Card>
          <div className="fl-ia-grid">
            <Card title={t('itemAnalysis.wright.title')} description={t('itemAnalysis.wright.lead')} headingLevel={2}>
              <WrightMap analysis={data} />
            </Card>
            <Card
              title={t('itemAnalysis.confusion.title')}
              description={t('itemAnalysis.confusion.lead')}
              headingLevel={2}
            >
              <Confusion moduleId={moduleId} version={version} />
            </Card>
          </div>
        </>
      )}
      <ItemDetailDialog
        moduleId={moduleId}
        version={version}
        row={open}
        onClose={() => setOpen(null)}
        onRemove={onRemove}
      />
    </>
  );
}

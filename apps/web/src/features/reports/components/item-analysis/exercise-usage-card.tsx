// One exercise across every module version that used it: how it worked in each (responses, facility,
// discrimination, Moodle's flags), each row opening that module version's item analysis.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Card, EmptyState, LoadingBlock, QueryError, Table, ChartIcon } from '@/components/ui';
import { paths } from '@/config/paths';
import { useExerciseUsage } from '../../api/get-exercise-usage';
import { useFigureFormat } from '../../hooks/use-figure-format';
import { ItemFlags } from './item-flags';
import './item-analysis.css';

export function ExerciseUsageCard({ exerciseId }: { exerciseId: string }) {
  const { t } = useTranslation();
  const f = useFigureFormat();
  const usage = useExerciseUsage(exerciseId);
  const title = t('itemAnalysis.exercise.title');
  if (usage.isPending)
    return (
      <Card title={title}>
        <LoadingBlock />
      </Card>
    );
  if (!usage.data)
    return (
      <Card title={title}>
        <QueryError error={usage.error} onRetry={() => usage.refetch()} />
      </Card>
    );
  const rows = usage.data.modules;
  return (
    <Card title={title} description={t('itemAnalysis.exercise.lead')} data-testid="exercise-usage">
      {rows.length === 0 ? (
        <EmptyState icon={<ChartIcon size={28} />} title={t('itemAnalysis.exercise.none')} />
      ) : (
        <Table
          className="fl-table-wrap--compact fl-ia-usage-table"
          caption={title}
          rows={rows}
          rowKey={(r) => `${r.moduleId}-${r.version}`}
          columns={[
            {
              key: 'module',
              header: t('itemAnalysis.exercise.module'),
              cell: (r) => (
                <Link
                  className="fl-table__primary-link"
                  dir="auto"
                  to={paths.app.itemAnalysis.getHref(r.moduleId, r.version)}
                >
                  {t('itemAnalysis.exercise.moduleVersion', { title: r.moduleTitle, version: r.version })}
                </Link>
              ),
            },
            {
              key: 'exerciseVersion',
              header: t('itemAnalysis.exercise.exerciseVersion'),
              align: 'end',
              cell: (r) => f.num(r.exerciseVersion),
            },
            {
              key: 'responses',
              header: t('itemAnalysis.column.responses'),
              align: 'end',
              cell: (r) => f.num(r.responses),
            },
            {
              key: 'facility',
              header: t('itemAnalysis.column.facility'),
              align: 'end',
              cell: (r) => f.score(r.facility),
            },
            {
              key: 'discriminationIndex',
              header: t('itemAnalysis.column.discriminationIndex'),
              align: 'end',
              cell: (r) => f.dec(r.discriminationIndex, 1),
            },
            {
              key: 'discriminativeEfficiency',
              header: t('itemAnalysis.column.discriminativeEfficiency'),
              align: 'end',
              cell: (r) => f.dec(r.discriminativeEfficiency, 1),
            },
            { key: 'flags', header: t('itemAnalysis.column.flags'), cell: (r) => <ItemFlags flags={r.flags} /> },
          ]}
        />
      )}
    </Card>
  );
}

// On the Reports landing: the published modules in the user's scope, each opening its item analysis.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { BookIcon, Card, EmptyState } from '@/components/ui';
import { paths } from '@/config/paths';
import { useFigureFormat } from '../../hooks/use-figure-format';
import './item-analysis.css';

export interface AnalysedModule {
  id: string;
  title: string;
  mode: 'practice' | 'assessment';
  version: number;
  publishedAt: string;
}

export function AnalysisModulesCard({ modules }: { modules: readonly AnalysedModule[] }) {
  const { t } = useTranslation();
  const f = useFigureFormat();
  return (
    <Card title={t('itemAnalysis.landing.title')} description={t('itemAnalysis.landing.lead')}>
      {modules.length === 0 ? (
        <EmptyState icon={<BookIcon size={28} />} title={t('itemAnalysis.landing.none')} />
      ) : (
        <ul className="fl-ia-modules" data-testid="analysis-modules">
          {modules.map((m) => (
            <li key={m.id} className="fl-ia-modules__item">
              <Link className="fl-table__primary-link" to={paths.app.itemAnalysis.getHref(m.id)}>
                {m.title}
              </Link>
              <span className="fl-ia-muted">
                {t(`itemAnalysis.landing.mode.${m.mode}`)} ·{' '}
                {t('itemAnalysis.landing.version', { version: m.version, date: f.date(m.publishedAt) })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

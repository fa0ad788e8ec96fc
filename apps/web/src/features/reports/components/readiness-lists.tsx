// Readiness per cohort against its latest assessment: who passed it, who failed, is still at it, has not started,
// or is overdue — names a supervisor can act on.
import type { ModuleStanding, UnitReport } from '@firstline/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Card } from '@/components/ui';
import { paths } from '@/config/paths';
import { useFigureFormat } from '../hooks/use-figure-format';
import { filterSearch, type ReportFilters } from '../lib/report-filters';

const ORDER: ModuleStanding[] = ['passed', 'failed', 'in-progress', 'not-started', 'overdue'];

export function ReadinessLists({ report, filters }: { report: UnitReport; filters: ReportFilters }) {
  const { t } = useTranslation();
  const f = useFigureFormat();
  const names = new Map(report.cohorts.map((c) => [c.id, c.name]));
  return (
    <div className="fl-readiness" data-testid="readiness">
      {report.readiness.map((r) => {
        const cohortName = names.get(r.cohortId) ?? '';
        return (
          <Card
            key={r.cohortId}
            headingLevel={3}
            title={cohortName}
            description={
              r.assessment
                ? t('reports.unit.latestAssessment', { title: r.assessment.title })
                : t('reports.unit.noAssessment')
            }
          >
            {r.assessment && (
              <div className="fl-readiness__groups">
                {ORDER.map((standing) => {
                  const officers = r.officers.filter((o) => o.standing === standing);
                  if (officers.length === 0 && standing !== 'passed') return null;
                  return (
                    <section key={standing} className={`fl-readiness__group fl-readiness__group--${standing}`}>
                      <h4 className="fl-readiness__title">
                        {t(`reports.standing.${standing}`)} <span className="fl-num">({f.num(officers.length)})</span>
                      </h4>
                      {officers.length === 0 ? (
                        <p className="fl-muted">{t('reports.unit.nobody')}</p>
                      ) : (
                        <ul>
                          {officers.map((o) => (
                            <li key={o.userId}>
                              <Link
                                to={`${paths.app.reportOfficer.getHref(o.userId)}${filterSearch({ ...filters, cohortId: r.cohortId })}`}
                              >
                                {o.name}
                              </Link>
                              {o.bestScore !== null && <span className="fl-muted"> · {f.score(o.bestScore)}</span>}
                            </li>
                          ))}
                        </ul>
                      )}
                    </section>
                  );
                })}
              </div>
            )}
          </Card>
        );
      })}
    </div>
  );
}

// The unit roll-up: the unit's cohorts side by side (pooled figures, officers, who passed the latest assessment, who
// has an assignment not started or overdue), and readiness — each officer against their cohort's latest assessment.
import type { AssignmentView, ScopedReportQuery, UnitReport } from '@firstline/contracts';
import { Injectable } from '@nestjs/common';
import { Actor } from '../common/decorators/actor';
import { standingIn, talliesByAssignment } from './competence.mapper';
import { CompetenceRepository } from './competence.repository';
import { decisionFigures, NO_DECISIONS, reportedScore } from './report-figures';
import { appliedFilters, dateRange } from './report-filters';
import { ReportScope } from './report-scope';

/** The assessment opened last among these assignments, or null. */
function latestAssessment(assignments: AssignmentView[]): AssignmentView | null {
  const assessments = assignments.filter((a) => a.module.mode === 'assessment');
  assessments.sort((a, b) => b.opensAt.localeCompare(a.opensAt) || b.id.localeCompare(a.id));
  return assessments[0] ?? null;
}

@Injectable()
export class UnitReportsService {
  constructor(
    private readonly scope: ReportScope,
    private readonly competence: CompetenceRepository,
  ) {}

  async unit(actor: Actor, unitId: string, query: ScopedReportQuery): Promise<UnitReport> {
    const range = dateRange(query);
    const { unit, cohortIds } = await this.scope.unit(actor, unitId, query.cohortId);
    const moduleId = query.moduleId ?? null;
    const [assignments, refs, members, counts, tallies] = await Promise.all([
      this.scope.assignments(cohortIds, moduleId),
      this.scope.cohortRefs(cohortIds),
      this.scope.members(cohortIds, unit.id),
      cohortIds.length ? this.competence.countsByCohort({ cohortIds, range, moduleId }) : Promise.resolve([]),
      cohortIds.length ? this.competence.tallies({ cohortIds, moduleId }) : Promise.resolve([]),
    ]);
    const countsOf = new Map(counts.map((c) => [c.cohortId, c]));
    const talliesOf = talliesByAssignment(tallies);
    const now = Date.now();
    const report: UnitReport = {
      unit,
      filters: appliedFilters(range, moduleId, query.cohortId ?? null),
      cohorts: [],
      readiness: [],
    };
    for (const cohort of refs) {
      const ofCohort = assignments.filter((a) => a.cohort.id === cohort.id);
      const assessment = latestAssessment(ofCohort);
      const onAssessment = assessment ? ofCohort.indexOf(assessment) : -1;
      const officers = members.get(cohort.id) ?? [];
      // One pass over the officers (a unit can have 10,000): each one's standings counted and, on the latest
      // assessment, shaped straight into their readiness entry.
      const row = { officers: officers.length, passedLatestAssessment: 0, notStarted: 0, overdue: 0 };
      const ready: UnitReport['readiness'][number]['officers'] = [];
      for (const user of officers) {
        const standings = ofCohort.map((a) => standingIn(a, talliesOf, user.id, now));
        if (standings.includes('not-started')) row.notStarted++;
        if (standings.includes('overdue')) row.overdue++;
        if (!assessment) continue;
        const standing = standings[onAssessment];
        if (standing === 'passed') row.passedLatestAssessment++;
        ready.push({
          userId: user.id,
          username: user.username,
          name: user.displayName,
          standing,
          bestScore: reportedScore(talliesOf.get(assessment.id)?.get(user.id)?.bestScore),
        });
      }
      report.cohorts.push({
        id: cohort.id,
        name: cohort.name,
        ...decisionFigures(countsOf.get(cohort.id) ?? NO_DECISIONS),
        ...row,
      });
      report.readiness.push({
        cohortId: cohort.id,
        assessment: assessment
          ? { assignmentId: assessment.id, moduleId: assessment.module.id, title: assessment.module.title }
          : null,
        officers: ready,
      });
    }
    return report;
  }
}

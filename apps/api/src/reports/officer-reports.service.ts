// One officer's report (their figures, standings, breakdown per dimension, weak spots, weeks and attempts, counted
// from the cohorts the reader may see) and a trainee's own competence on My progress.
import type { MyCompetence, OfficerAttempt, OfficerReport, ScopedReportQuery } from '@firstline/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { Actor } from '../common/decorators/actor';
import { AppConfig, APP_CONFIG } from '../config/config';
import { ModulesService } from '../modules';
import { breakdownOf } from './breakdown.mapper';
import { BreakdownRepository } from './breakdown.repository';
import { moduleProgress, officerCompetence, talliesByAssignment } from './competence.mapper';
import { CompetenceRepository, type AttemptRow } from './competence.repository';
import type { FactFilter } from './fact-query';
import { decisionFigures, NO_DECISIONS, reportedScore, trendPoint, weakSpots } from './report-figures';
import { appliedFilters, dateRange } from './report-filters';
import { ReportScope } from './report-scope';

@Injectable()
export class OfficerReportsService {
  constructor(
    private readonly scope: ReportScope,
    private readonly competence: CompetenceRepository,
    private readonly breakdown: BreakdownRepository,
    private readonly modules: ModulesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async officer(actor: Actor, userId: string, query: ScopedReportQuery): Promise<OfficerReport> {
    const range = dateRange(query);
    const { user, countedCohortIds, cohortIds } = await this.scope.officer(actor, userId, query.cohortId);
    const moduleId = query.moduleId ?? null;
    const assignments = await this.scope.assignments(cohortIds, moduleId);
    const filter: FactFilter = { cohortIds: countedCohortIds, userIds: [userId], range, moduleId };
    const [counts, attempts, tallies, cells, weeks, attemptRows] = await Promise.all([
      this.competence.countsByOfficer(filter, false),
      this.competence.attemptsByOfficer(filter),
      this.competence.tallies({ cohortIds: countedCohortIds, userIds: [userId], moduleId }),
      this.breakdown.cellsOfEveryDimension(filter),
      this.breakdown.weeks(filter),
      this.competence.attemptList(filter),
    ]);
    const minDecisions = this.config.REPORT_MIN_DECISIONS;
    const breakdown = breakdownOf(cells);
    return {
      officer: { userId: user.id, username: user.username, name: user.displayName },
      filters: appliedFilters(range, moduleId, query.cohortId ?? null),
      minDecisions,
      competence: officerCompetence(
        user,
        counts[0],
        attempts[0],
        moduleProgress(assignments, talliesByAssignment(tallies), userId, Date.now()),
        minDecisions,
      ),
      breakdown,
      weakSpots: weakSpots(breakdown),
      weeks: weeks.map(trendPoint),
      attempts: await this.attemptViews(attemptRows),
    };
  }

  /** A trainee's own decisions, in every cohort: figures and weak spots. */
  async mine(actor: Actor): Promise<MyCompetence> {
    const filter: FactFilter = {
      cohortIds: null,
      userIds: [actor.id],
      range: { from: null, to: null },
      moduleId: null,
    };
    const [counts, cells] = await Promise.all([
      this.competence.countsByOfficer(filter, false),
      this.breakdown.cellsOfEveryDimension(filter),
    ]);
    return {
      figures: decisionFigures(counts[0] ?? NO_DECISIONS),
      minDecisions: this.config.REPORT_MIN_DECISIONS,
      weakSpots: weakSpots(breakdownOf(cells)),
    };
  }

  private async attemptViews(rows: AttemptRow[]): Promise<OfficerAttempt[]> {
    const versions = await this.modules.versionsOfAssignments([...new Set(rows.map((r) => r.assignmentId))]);
    return rows.map((r) => ({
      attemptId: r.attemptId,
      moduleId: r.moduleId,
      moduleTitle: versions.get(r.assignmentId)?.title ?? '',
      mode: r.mode,
      status: r.finishedAt ? 'finished' : 'in-progress',
      startedAt: r.startedAt.toISOString(),
      finishedAt: r.finishedAt?.toISOString() ?? null,
      score: reportedScore(r.score),
      passed: r.passed,
    }));
  }
}

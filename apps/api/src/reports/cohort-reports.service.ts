// The cohort dashboard's reports: officers with their figures and module standings, the weak-spot heatmap and the
// items behind a cell, and weekly trends. Counts come grouped from SQL; figures from libs/scoring (report-figures).
import type {
  CohortOfficersReport,
  HeatmapItems,
  HeatmapItemsQuery,
  HeatmapQuery,
  HeatmapReport,
  ScopedReportQuery,
  TrendsQuery,
  TrendsReport,
} from '@firstline/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { Actor } from '../common/decorators/actor';
import { DomainError } from '../common/errors/domain-error';
import { AppConfig, APP_CONFIG } from '../config/config';
import { ExercisesService } from '../exercises';
import { cellsFor, orderedKeys } from './breakdown.mapper';
import { BreakdownRepository } from './breakdown.repository';
import { moduleProgress, officerCompetence, talliesByAssignment } from './competence.mapper';
import { CompetenceRepository } from './competence.repository';
import type { FactFilter } from './fact-query';
import { decisionFigures, NO_DECISIONS, trendPoint } from './report-figures';
import { appliedFilters, dateRange } from './report-filters';
import { ReportScope } from './report-scope';

@Injectable()
export class CohortReportsService {
  constructor(
    private readonly scope: ReportScope,
    private readonly competence: CompetenceRepository,
    private readonly breakdown: BreakdownRepository,
    private readonly exercises: ExercisesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * The cohort (in scope), its filters checked, and which facts the report covers. The cohort's assignments (which
   * also check a module filter: a module not assigned to it is a 404) are a promise that every caller must await: the
   * officers' report and the heatmap await it beside their own queries, so it takes no round trip of its own there.
   */
  private async prepare(actor: Actor, cohortId: string, query: ScopedReportQuery) {
    const range = dateRange(query);
    if (query.cohortId && query.cohortId !== cohortId)
      throw new DomainError(
        'invalid',
        `cohortId (${query.cohortId}) differs from the cohort of the report (${cohortId})`,
      );
    const cohort = await this.scope.cohort(actor, cohortId);
    const moduleId = query.moduleId ?? null;
    const assignments = this.scope.assignments([cohortId], moduleId);
    const filter: FactFilter = { cohortIds: [cohortId], range, moduleId };
    return { cohort, assignments, filter, filters: appliedFilters(range, moduleId, cohortId) };
  }

  async cohortOfficers(actor: Actor, cohortId: string, query: ScopedReportQuery): Promise<CohortOfficersReport> {
    const { cohort, filter, filters, assignments: assigned } = await this.prepare(actor, cohortId, query);
    const [assignments, members, counts, attempts, tallies] = await Promise.all([
      assigned,
      this.scope.members([cohortId]),
      this.competence.countsByOfficer(filter, true),
      this.competence.attemptsByOfficer(filter),
      this.competence.tallies({ cohortIds: [cohortId], moduleId: filter.moduleId }),
    ]);
    const countsOf = new Map(counts.map((c) => [c.userId, c]));
    const attemptsOf = new Map(attempts.map((a) => [a.userId, a]));
    const talliesOf = talliesByAssignment(tallies);
    const now = Date.now();
    const minDecisions = this.config.REPORT_MIN_DECISIONS;
    return {
      cohort,
      filters,
      minDecisions,
      cohortFigures: decisionFigures(countsOf.get(null) ?? NO_DECISIONS),
      officers: members
        .get(cohortId)!
        .map((user) =>
          officerCompetence(
            user,
            countsOf.get(user.id),
            attemptsOf.get(user.id),
            moduleProgress(assignments, talliesOf, user.id, now),
            minDecisions,
          ),
        ),
    };
  }

  async heatmap(actor: Actor, cohortId: string, query: HeatmapQuery): Promise<HeatmapReport> {
    const { cohort, filter, filters, assignments } = await this.prepare(actor, cohortId, query);
    const by = query.by ?? 'featureCategory';
    const [, members, cells] = await Promise.all([
      assignments,
      this.scope.members([cohortId]),
      this.breakdown.cells(filter, by),
    ]);
    const byOfficer = new Map<string | null, Map<string, { items: number; correct: number }>>();
    for (const c of cells) {
      if (!byOfficer.has(c.userId)) byOfficer.set(c.userId, new Map());
      byOfficer.get(c.userId)!.set(c.key, c);
    }
    const columns = orderedKeys(by, byOfficer.get(null)?.keys() ?? []);
    return {
      cohort,
      filters,
      by,
      columns,
      rows: members.get(cohortId)!.map((user) => ({
        userId: user.id,
        username: user.username,
        name: user.displayName,
        cells: cellsFor(columns, byOfficer.get(user.id)),
      })),
      totals: cellsFor(columns, byOfficer.get(null)),
    };
  }

  async heatmapItems(actor: Actor, cohortId: string, query: HeatmapItemsQuery): Promise<HeatmapItems> {
    const { filter, assignments } = await this.prepare(actor, cohortId, query);
    await assignments;
    if (query.userId) await this.scope.member(cohortId, query.userId);
    const rows = await this.breakdown.cellItems(
      { ...filter, userIds: query.userId ? [query.userId] : null },
      query.by,
      query.key,
    );
    const [titles, users] = await Promise.all([
      this.exercises.titlesOf(rows.map((r) => r.exerciseVersionId)),
      this.scope.usersByIds(rows.map((r) => r.userId)),
    ]);
    return {
      items: rows.map((r) => ({
        attemptId: r.attemptId,
        n: r.n,
        userId: r.userId,
        name: users.get(r.userId)?.displayName ?? '',
        exerciseId: r.exerciseId,
        title: titles.get(r.exerciseVersionId) ?? '',
        answeredAt: r.answeredAt.toISOString(),
        verdict: r.verdict,
        decision: r.decision,
        correct: r.correct,
        responseTimeMs: r.responseTimeMs,
      })),
    };
  }

  async trends(actor: Actor, cohortId: string, query: TrendsQuery): Promise<TrendsReport> {
    const { cohort, filter, filters, assignments } = await this.prepare(actor, cohortId, query);
    await assignments;
    const officer = query.userId ? await this.scope.member(cohortId, query.userId) : null;
    const [cohortWeeks, officerWeeks] = await Promise.all([
      this.breakdown.weeks(filter),
      officer ? this.breakdown.weeks({ ...filter, userIds: [officer.id] }) : Promise.resolve([]),
    ]);
    return {
      cohort,
      filters,
      cohortWeeks: cohortWeeks.map(trendPoint),
      officer: officer ? { userId: officer.id, name: officer.displayName, weeks: officerWeeks.map(trendPoint) } : null,
    };
  }
}

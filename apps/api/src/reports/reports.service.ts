// The reports feature's one front door (the controller and the PDF renderer call it): cohort, heatmap, trends,
// officer, unit and own-competence reports, each delegated to the service that builds it.
import type {
  CohortOfficersReport,
  HeatmapItems,
  HeatmapItemsQuery,
  HeatmapQuery,
  HeatmapReport,
  MyCompetence,
  OfficerReport,
  ScopedReportQuery,
  TrendsQuery,
  TrendsReport,
  UnitReport,
} from '@firstline/contracts';
import { Injectable } from '@nestjs/common';
import { Actor } from '../common/decorators/actor';
import { CohortReportsService } from './cohort-reports.service';
import { OfficerReportsService } from './officer-reports.service';
import { UnitReportsService } from './unit-reports.service';

@Injectable()
export class ReportsService {
  constructor(
    private readonly cohorts: CohortReportsService,
    private readonly officers: OfficerReportsService,
    private readonly units: UnitReportsService,
  ) {}

  /** Per officer of the cohort: decisions, SDT figures, times, part accuracies, attempts and module standings. */
  cohortOfficers(actor: Actor, cohortId: string, query: ScopedReportQuery): Promise<CohortOfficersReport> {
    return this.cohorts.cohortOfficers(actor, cohortId, query);
  }

  /** Proportion correct per officer × value of one dimension, with the cohort's totals. */
  heatmap(actor: Actor, cohortId: string, query: HeatmapQuery): Promise<HeatmapReport> {
    return this.cohorts.heatmap(actor, cohortId, query);
  }

  /** The decided items behind one heatmap cell (or column, without userId). */
  heatmapItems(actor: Actor, cohortId: string, query: HeatmapItemsQuery): Promise<HeatmapItems> {
    return this.cohorts.heatmapItems(actor, cohortId, query);
  }

  /** Weekly accuracy, d′ and decision time of the cohort, and of one officer with userId. */
  trends(actor: Actor, cohortId: string, query: TrendsQuery): Promise<TrendsReport> {
    return this.cohorts.trends(actor, cohortId, query);
  }

  /** One officer: figures, standings, breakdown, weak spots, weeks and attempts. */
  officer(actor: Actor, userId: string, query: ScopedReportQuery): Promise<OfficerReport> {
    return this.officers.officer(actor, userId, query);
  }

  /** The unit's cohorts side by side and their officers' readiness. */
  unit(actor: Actor, unitId: string, query: ScopedReportQuery): Promise<UnitReport> {
    return this.units.unit(actor, unitId, query);
  }

  /** The caller's own decisions (My progress). */
  myCompetence(actor: Actor): Promise<MyCompetence> {
    return this.officers.mine(actor);
  }
}

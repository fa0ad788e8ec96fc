// CSV exports of the reports' tables. Every export is written to the audit log (who, which report, which filters)
// before the file is handed back.
import type { HeatmapQuery, ScopedReportQuery, TrendsQuery } from '@firstline/contracts';
import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit';
import { Actor } from '../common/decorators/actor';
import { attemptsCsv, heatmapCsv, officersCsv, trendsCsv, unitCsv, type CsvFile } from './report-csv';
import { ReportsService } from './reports.service';

@Injectable()
export class ReportExportsService {
  constructor(
    private readonly reports: ReportsService,
    private readonly audit: AuditService,
  ) {}

  private async logged(
    actor: Actor,
    entity: { type: 'cohort' | 'unit' | 'user'; id: string },
    report: string,
    filters: object,
    file: CsvFile,
  ): Promise<CsvFile> {
    await this.audit.record({
      actorId: actor.id,
      action: 'report.export',
      entityType: entity.type,
      entityId: entity.id,
      after: { report, format: 'csv', filename: file.filename, filters },
    });
    return file;
  }

  async officers(actor: Actor, cohortId: string, query: ScopedReportQuery): Promise<CsvFile> {
    const report = await this.reports.cohortOfficers(actor, cohortId, query);
    return this.logged(actor, { type: 'cohort', id: cohortId }, 'cohort-officers', report.filters, officersCsv(report));
  }

  async heatmap(actor: Actor, cohortId: string, query: HeatmapQuery): Promise<CsvFile> {
    const report = await this.reports.heatmap(actor, cohortId, query);
    const filters = { ...report.filters, by: report.by };
    return this.logged(actor, { type: 'cohort', id: cohortId }, 'cohort-heatmap', filters, heatmapCsv(report));
  }

  async trends(actor: Actor, cohortId: string, query: TrendsQuery): Promise<CsvFile> {
    const report = await this.reports.trends(actor, cohortId, query);
    const filters = { ...report.filters, userId: report.officer?.userId ?? null };
    return this.logged(actor, { type: 'cohort', id: cohortId }, 'cohort-trends', filters, trendsCsv(report));
  }

  async unit(actor: Actor, unitId: string, query: ScopedReportQuery): Promise<CsvFile> {
    const report = await this.reports.unit(actor, unitId, query);
    return this.logged(actor, { type: 'unit', id: unitId }, 'unit', report.filters, unitCsv(report));
  }

  async attempts(actor: Actor, userId: string, query: ScopedReportQuery): Promise<CsvFile> {
    const report = await this.reports.officer(actor, userId, query);
    return this.logged(actor, { type: 'user', id: userId }, 'officer-attempts', report.filters, attemptsCsv(report));
  }
}

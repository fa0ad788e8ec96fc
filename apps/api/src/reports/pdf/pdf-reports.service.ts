// The PDF cohort report and officer transcript: the same reports the JSON routes answer (ReportsService decides
// scope: out of scope is 404 before any browser is asked), written as HTML in English or Urdu, printed by Chromium,
// and recorded in the audit log once the file exists.
import type { CohortReportPdfQuery, TranscriptPdfQuery } from '@firstline/contracts';
import { Injectable } from '@nestjs/common';
import { ReportsService } from '..';
import { AuditService } from '../../audit';
import { CohortRosterService } from '../../cohorts';
import { Actor } from '../../common/decorators/actor';
import { fileSlug } from '../report-csv';
import { cohortReportHtml } from './cohort-report.template';
import { officerTranscriptHtml } from './officer-transcript.template';
import { PdfRenderer } from './pdf-renderer';

export interface PdfFile {
  filename: string;
  body: Buffer;
}

const day = () => new Date().toISOString().slice(0, 10);

@Injectable()
export class PdfReportsService {
  constructor(
    private readonly reports: ReportsService,
    private readonly roster: CohortRosterService,
    private readonly renderer: PdfRenderer,
    private readonly audit: AuditService,
  ) {}

  async cohortReport(actor: Actor, cohortId: string, query: CohortReportPdfQuery): Promise<PdfFile> {
    const { lang, ...filters } = query;
    const report = await this.reports.cohortOfficers(actor, cohortId, filters);
    const heatmap = await this.reports.heatmap(actor, cohortId, { ...filters, by: 'featureCategory' });
    const body = await this.renderer.render(cohortReportHtml({ report, heatmap, lang, generatedAt: new Date() }));
    const filename = `cohort-report-${fileSlug(report.cohort.name, cohortId.slice(0, 8))}-${lang}-${day()}.pdf`;
    await this.logged(actor, { type: 'cohort', id: cohortId }, 'cohort-report', { ...report.filters, lang }, filename);
    return { filename, body };
  }

  async transcript(actor: Actor, userId: string, query: TranscriptPdfQuery): Promise<PdfFile> {
    const { lang, ...filters } = query;
    const report = await this.reports.officer(actor, userId, filters);
    const cohortId = report.filters.cohortId;
    const cohortName = cohortId ? ((await this.roster.namesOf([cohortId])).get(cohortId) ?? null) : null;
    const body = await this.renderer.render(
      officerTranscriptHtml({ report, cohortName, lang, generatedAt: new Date() }),
    );
    const slug = fileSlug(report.officer.name, report.officer.username);
    const filename = `transcript-${slug}-${lang}-${day()}.pdf`;
    await this.logged(actor, { type: 'user', id: userId }, 'officer-transcript', { ...report.filters, lang }, filename);
    return { filename, body };
  }

  private async logged(
    actor: Actor,
    entity: { type: 'cohort' | 'user'; id: string },
    report: string,
    filters: object,
    filename: string,
  ): Promise<void> {
    await this.audit.record({
      actorId: actor.id,
      action: 'report.export',
      entityType: entity.type,
      entityId: entity.id,
      after: { report, format: 'pdf', filename, filters },
    });
  }
}

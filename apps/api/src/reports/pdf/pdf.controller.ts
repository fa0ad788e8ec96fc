// The PDF routes: the cohort report and the officer transcript, for the roles that read the JSON reports (scope is
// the JSON reports' own). A download, never cached; 503 with how to install Chromium when there is none.
import { applyDecorators, Controller, Get, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from '../../common/decorators/actor';
import { Roles } from '../../common/decorators/roles.decorator';
import { CohortParamDto, UserParamDto } from '../reports.dto';
import { PdfReportsService, type PdfFile } from './pdf-reports.service';
import { CohortReportPdfQueryDto, TranscriptPdfQueryDto } from './pdf.dto';

/** The PDF as a download (a StreamableFile: Nest sends its bytes as they are; never cached, as no API answer is). */
function sendPdf(file: PdfFile): StreamableFile {
  return new StreamableFile(file.body, {
    type: 'application/pdf',
    disposition: `attachment; filename="${file.filename}"`,
    length: file.body.length,
  });
}

/** OpenAPI: the route answers a PDF download, or 503 when no Chromium can print it. */
function ProducesPdf(what: string) {
  return applyDecorators(
    ApiProduces('application/pdf'),
    ApiOkResponse({ description: `${what} as PDF (audited)`, schema: { type: 'string', format: 'binary' } }),
    ApiServiceUnavailableResponse({
      description: 'No Chromium to print with (the message says how to install one), or too many PDFs at once',
    }),
  );
}

@ApiTags('reports')
@Controller('reports')
export class PdfController {
  constructor(private readonly pdfs: PdfReportsService) {}

  @Roles('admin', 'supervisor', 'instructor')
  @Get('cohorts/:cohortId/report.pdf')
  @ApiOperation({ summary: 'Printable cohort report: figures, decision space, officers, weak spots (lang=en|ur)' })
  @ProducesPdf('The cohort report')
  async cohortReport(@CurrentActor() actor: Actor, @Param() p: CohortParamDto, @Query() q: CohortReportPdfQueryDto) {
    return sendPdf(await this.pdfs.cohortReport(actor, p.cohortId, q));
  }

  @Roles('admin', 'supervisor', 'instructor')
  @Get('officers/:userId/transcript.pdf')
  @ApiOperation({ summary: 'Printable officer transcript: figures, modules, weak spots, attempts (lang=en|ur)' })
  @ProducesPdf('The officer transcript')
  async transcript(@CurrentActor() actor: Actor, @Param() p: UserParamDto, @Query() q: TranscriptPdfQueryDto) {
    return sendPdf(await this.pdfs.transcript(actor, p.userId, q));
  }
}

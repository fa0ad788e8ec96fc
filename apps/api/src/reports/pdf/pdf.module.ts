// The PDF reports: a second Nest module of the reports feature, above ReportsModule (it prints what ReportsService
// answers), registered by the composition root. It owns the one Chromium process of this API process.
import { Module } from '@nestjs/common';
import { ReportsModule } from '..';
import { CohortsModule } from '../../cohorts';
import { PdfRenderer } from './pdf-renderer';
import { PdfReportsService } from './pdf-reports.service';
import { PdfController } from './pdf.controller';

@Module({
  imports: [ReportsModule, CohortsModule],
  controllers: [PdfController],
  providers: [PdfRenderer, PdfReportsService],
})
export class ReportsPdfModule {}

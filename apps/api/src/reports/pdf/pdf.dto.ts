// Request shapes of the PDF reports.
import * as c from '@firstline/contracts';
import { createZodDto } from 'nestjs-zod';

export class CohortReportPdfQueryDto extends createZodDto(c.CohortReportPdfQuery) {}
export class TranscriptPdfQueryDto extends createZodDto(c.TranscriptPdfQuery) {}

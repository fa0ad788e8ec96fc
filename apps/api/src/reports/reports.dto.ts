// Request and response shapes of the reports.
import * as c from '@firstline/contracts';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

export class ReportQueryDto extends createZodDto(c.ReportQuery) {}
export class ScopedReportQueryDto extends createZodDto(c.ScopedReportQuery) {}
export class HeatmapQueryDto extends createZodDto(c.HeatmapQuery) {}
export class HeatmapItemsQueryDto extends createZodDto(c.HeatmapItemsQuery) {}
export class TrendsQueryDto extends createZodDto(c.TrendsQuery) {}
export class CohortOfficersReportDto extends createZodDto(c.CohortOfficersReport) {}
export class HeatmapReportDto extends createZodDto(c.HeatmapReport) {}
export class HeatmapItemsDto extends createZodDto(c.HeatmapItems) {}
export class TrendsReportDto extends createZodDto(c.TrendsReport) {}
export class UnitReportDto extends createZodDto(c.UnitReport) {}
export class OfficerReportDto extends createZodDto(c.OfficerReport) {}
export class MyCompetenceDto extends createZodDto(c.MyCompetence) {}
export class CohortParamDto extends createZodDto(
  z.strictObject({ cohortId: z.uuid({ message: 'cohortId must be a UUID' }) }),
) {}
export class UnitParamDto extends createZodDto(
  z.strictObject({ unitId: z.uuid({ message: 'unitId must be a UUID' }) }),
) {}
export class UserParamDto extends createZodDto(
  z.strictObject({ userId: z.uuid({ message: 'userId must be a UUID' }) }),
) {}

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
export class ItemAnalysisQueryDto extends createZodDto(c.ItemAnalysisQuery) {}
export class ClicksQueryDto extends createZodDto(c.ClicksQuery) {}
export class ItemAnalysisDto extends createZodDto(c.ItemAnalysis) {}
export class RecalculationAcceptedDto extends createZodDto(c.RecalculationAccepted) {}
export class ItemResponsesDto extends createZodDto(c.ItemResponses) {}
export class FraudTypeConfusionDto extends createZodDto(c.FraudTypeConfusion) {}
export class ExerciseClicksDto extends createZodDto(c.ExerciseClicks) {}
export class ExerciseUsageDto extends createZodDto(c.ExerciseUsage) {}
export class ModuleParamDto extends createZodDto(
  z.strictObject({ moduleId: z.uuid({ message: 'moduleId must be a UUID' }) }),
) {}
export class ModuleItemParamDto extends createZodDto(
  z.strictObject({
    moduleId: z.uuid({ message: 'moduleId must be a UUID' }),
    exerciseVersionId: z.uuid({ message: 'exerciseVersionId must be a UUID' }),
  }),
) {}
export class ExerciseParamDto extends createZodDto(
  z.strictObject({ exerciseId: z.uuid({ message: 'exerciseId must be a UUID' }) }),
) {}

// The reports' routes: thin, one line each; every route declares its roles, summary and response (JSON or CSV).
import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ZodResponse } from 'nestjs-zod';
import { Actor, CurrentActor } from '../common/decorators/actor';
import { AggregateResponse } from '../common/decorators/aggregate-response';
import { AnyRole, Roles } from '../common/decorators/roles.decorator';
import { ProducesCsv, sendCsv } from './csv-response';
import { ReportExportsService } from './report-exports.service';
import {
  CohortOfficersReportDto,
  CohortParamDto,
  HeatmapItemsDto,
  HeatmapItemsQueryDto,
  HeatmapQueryDto,
  HeatmapReportDto,
  MyCompetenceDto,
  OfficerReportDto,
  ReportQueryDto,
  ScopedReportQueryDto,
  TrendsQueryDto,
  TrendsReportDto,
  UnitParamDto,
  UnitReportDto,
  UserParamDto,
} from './reports.dto';
import { ReportsService } from './reports.service';

@ApiTags('reports')
@Controller('reports')
export class ReportsController {
  constructor(
    private readonly reports: ReportsService,
    private readonly exports: ReportExportsService,
  ) {}

  @Roles('admin', 'supervisor', 'instructor')
  @Get('cohorts/:cohortId/officers')
  @ApiOperation({ summary: 'Cohort dashboard: per officer decisions, hit/false-alarm rates, d′, c, times, standings' })
  @AggregateResponse(CohortOfficersReportDto)
  officers(@CurrentActor() actor: Actor, @Param() p: CohortParamDto, @Query() q: ReportQueryDto) {
    return this.reports.cohortOfficers(actor, p.cohortId, q);
  }

  @Roles('admin', 'supervisor', 'instructor')
  @Get('cohorts/:cohortId/officers.csv')
  @ApiOperation({ summary: 'The cohort dashboard’s officers table as CSV (audited)' })
  @ProducesCsv('The officers table')
  async officersCsv(
    @CurrentActor() actor: Actor,
    @Param() p: CohortParamDto,
    @Query() q: ReportQueryDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    return sendCsv(res, await this.exports.officers(actor, p.cohortId, q));
  }

  @Roles('admin', 'supervisor', 'instructor')
  @Get('cohorts/:cohortId/heatmap')
  @ApiOperation({ summary: 'Weak-spot heatmap: proportion correct per officer × feature category, fraud type, …' })
  @AggregateResponse(HeatmapReportDto)
  heatmap(@CurrentActor() actor: Actor, @Param() p: CohortParamDto, @Query() q: HeatmapQueryDto) {
    return this.reports.heatmap(actor, p.cohortId, q);
  }

  @Roles('admin', 'supervisor', 'instructor')
  @Get('cohorts/:cohortId/heatmap.csv')
  @ApiOperation({ summary: 'The heatmap as CSV (audited)' })
  @ProducesCsv('The heatmap')
  async heatmapCsv(
    @CurrentActor() actor: Actor,
    @Param() p: CohortParamDto,
    @Query() q: HeatmapQueryDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    return sendCsv(res, await this.exports.heatmap(actor, p.cohortId, q));
  }

  @Roles('admin', 'supervisor', 'instructor')
  @Get('cohorts/:cohortId/heatmap/items')
  @ApiOperation({ summary: 'The decided items behind a heatmap cell (newest first, at most 200)' })
  @ZodResponse({ status: 200, type: HeatmapItemsDto })
  heatmapItems(@CurrentActor() actor: Actor, @Param() p: CohortParamDto, @Query() q: HeatmapItemsQueryDto) {
    return this.reports.heatmapItems(actor, p.cohortId, q);
  }

  @Roles('admin', 'supervisor', 'instructor')
  @Get('cohorts/:cohortId/trends')
  @ApiOperation({ summary: 'Weekly accuracy, d′ and decision time of the cohort (and of one officer with userId)' })
  @ZodResponse({ status: 200, type: TrendsReportDto })
  trends(@CurrentActor() actor: Actor, @Param() p: CohortParamDto, @Query() q: TrendsQueryDto) {
    return this.reports.trends(actor, p.cohortId, q);
  }

  @Roles('admin', 'supervisor', 'instructor')
  @Get('cohorts/:cohortId/trends.csv')
  @ApiOperation({ summary: 'The weekly trends as CSV (audited)' })
  @ProducesCsv('The weekly trends')
  async trendsCsv(
    @CurrentActor() actor: Actor,
    @Param() p: CohortParamDto,
    @Query() q: TrendsQueryDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    return sendCsv(res, await this.exports.trends(actor, p.cohortId, q));
  }

  // Declared before `units/:unitId` so that `<id>.csv` is not taken for a unit id.
  @Roles('admin', 'supervisor', 'instructor')
  @Get('units/:unitId.csv')
  @ApiOperation({ summary: 'The unit roll-up’s cohorts table as CSV (audited)' })
  @ProducesCsv('The unit’s cohorts')
  async unitCsv(
    @CurrentActor() actor: Actor,
    @Param() p: UnitParamDto,
    @Query() q: ScopedReportQueryDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    return sendCsv(res, await this.exports.unit(actor, p.unitId, q));
  }

  @Roles('admin', 'supervisor', 'instructor')
  @Get('units/:unitId')
  @ApiOperation({ summary: 'Unit roll-up: the unit’s cohorts side by side, and readiness on the latest assessment' })
  @AggregateResponse(UnitReportDto)
  unit(@CurrentActor() actor: Actor, @Param() p: UnitParamDto, @Query() q: ScopedReportQueryDto) {
    return this.reports.unit(actor, p.unitId, q);
  }

  @Roles('admin', 'supervisor', 'instructor')
  @Get('officers/:userId')
  @ApiOperation({ summary: 'Officer profile: figures, standings, breakdown, weak spots, weeks and attempts' })
  @ZodResponse({ status: 200, type: OfficerReportDto })
  officer(@CurrentActor() actor: Actor, @Param() p: UserParamDto, @Query() q: ScopedReportQueryDto) {
    return this.reports.officer(actor, p.userId, q);
  }

  @Roles('admin', 'supervisor', 'instructor')
  @Get('officers/:userId/attempts.csv')
  @ApiOperation({ summary: 'An officer’s attempts as CSV (audited)' })
  @ProducesCsv('The officer’s attempts')
  async attemptsCsv(
    @CurrentActor() actor: Actor,
    @Param() p: UserParamDto,
    @Query() q: ScopedReportQueryDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    return sendCsv(res, await this.exports.attempts(actor, p.userId, q));
  }
}

@ApiTags('reports')
@Controller('me')
export class MyCompetenceController {
  constructor(private readonly reports: ReportsService) {}

  @AnyRole()
  @Get('competence')
  @ApiOperation({ summary: 'My own decisions: hit and false-alarm rates, d′, c, missed forgeries, weak spots' })
  @ZodResponse({ status: 200, type: MyCompetenceDto })
  competence(@CurrentActor() actor: Actor) {
    return this.reports.myCompetence(actor);
  }
}

// Item analysis routes: thin, one line each; every route declares its roles, summary and response.
import { Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ZodResponse } from 'nestjs-zod';
import { Actor, CurrentActor } from '../common/decorators/actor';
import { Roles } from '../common/decorators/roles.decorator';
import { ProducesCsv, sendCsv } from './csv-response';
import { ItemAnalysisService } from './item-analysis.service';
import {
  ClicksQueryDto,
  ExerciseClicksDto,
  ExerciseParamDto,
  ExerciseUsageDto,
  FraudTypeConfusionDto,
  ItemAnalysisDto,
  ItemAnalysisQueryDto,
  ItemResponsesDto,
  ModuleItemParamDto,
  ModuleParamDto,
  RecalculationAcceptedDto,
} from './reports.dto';

@ApiTags('reports')
@Controller('reports')
export class ItemAnalysisController {
  constructor(private readonly analyses: ItemAnalysisService) {}

  @Roles('admin', 'supervisor', 'instructor')
  @Get('modules/:moduleId/item-analysis.csv')
  @ApiOperation({ summary: 'The item analysis’ items table as CSV (audited)' })
  @ProducesCsv('The item analysis')
  async csv(
    @CurrentActor() actor: Actor,
    @Param() p: ModuleParamDto,
    @Query() q: ItemAnalysisQueryDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    return sendCsv(res, await this.analyses.csv(actor, p.moduleId, q.version));
  }

  @Roles('admin', 'supervisor', 'instructor')
  @Get('modules/:moduleId/item-analysis')
  @ApiOperation({ summary: 'Item analysis of a module version: Moodle’s statistics, Rasch difficulty, flags' })
  @ZodResponse({ status: 200, type: ItemAnalysisDto })
  analysis(@CurrentActor() actor: Actor, @Param() p: ModuleParamDto, @Query() q: ItemAnalysisQueryDto) {
    return this.analyses.analysis(actor, p.moduleId, q.version);
  }

  @Roles('admin', 'supervisor', 'instructor')
  @Post('modules/:moduleId/item-analysis/recalculate')
  @HttpCode(202)
  @ApiOperation({ summary: 'Recalculate a module version’s item analysis in the background (audited)' })
  @ZodResponse({ status: 202, type: RecalculationAcceptedDto })
  recalculate(@CurrentActor() actor: Actor, @Param() p: ModuleParamDto, @Query() q: ItemAnalysisQueryDto) {
    return this.analyses.recalculate(actor, p.moduleId, q.version);
  }

  @Roles('admin', 'supervisor', 'instructor')
  @Get('modules/:moduleId/item-analysis/items/:exerciseVersionId/responses')
  @ApiOperation({ summary: 'What officers answered on one item of the pool: decisions, fraud types, features, MRZ' })
  @ZodResponse({ status: 200, type: ItemResponsesDto })
  responses(@CurrentActor() actor: Actor, @Param() p: ModuleItemParamDto, @Query() q: ItemAnalysisQueryDto) {
    return this.analyses.itemResponses(actor, p.moduleId, p.exerciseVersionId, q.version);
  }

  @Roles('admin', 'supervisor', 'instructor')
  @Get('modules/:moduleId/item-analysis/confusion')
  @ApiOperation({ summary: 'Fraud-type confusion across the pool: which fraud type was taken for which' })
  @ZodResponse({ status: 200, type: FraudTypeConfusionDto })
  confusion(@CurrentActor() actor: Actor, @Param() p: ModuleParamDto, @Query() q: ItemAnalysisQueryDto) {
    return this.analyses.confusion(actor, p.moduleId, q.version);
  }

  @Roles('admin', 'supervisor', 'instructor')
  @Get('exercises/:exerciseId/clicks')
  @ApiOperation({ summary: 'Where officers clicked on one side of an exercise, over its true regions and image' })
  @ZodResponse({ status: 200, type: ExerciseClicksDto })
  clicks(@CurrentActor() actor: Actor, @Param() p: ExerciseParamDto, @Query() q: ClicksQueryDto) {
    return this.analyses.clicks(actor, p.exerciseId, q);
  }

  @Roles('admin', 'supervisor', 'instructor')
  @Get('exercises/:exerciseId/item-analysis')
  @ApiOperation({ summary: 'One exercise across every module version that used it, with its figures there' })
  @ZodResponse({ status: 200, type: ExerciseUsageDto })
  usage(@CurrentActor() actor: Actor, @Param() p: ExerciseParamDto) {
    return this.analyses.exerciseUsage(actor, p.exerciseId);
  }
}

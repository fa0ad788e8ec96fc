import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import { Actor, CurrentActor } from '../../common/decorators/actor';
import { Roles } from '../../common/decorators/roles.decorator';
import { IdParamDto } from '../../common/dto/params.dto';
import {
  ExercisePreviewDto,
  ExercisePreviewQueryDto,
  ExercisePreviewScoreDto,
  ExercisePreviewScoreRequestDto,
} from './exercise-preview.dto';
import { ExercisePreviewService } from './exercise-preview.service';

@ApiTags('exercises')
@Controller('exercises')
export class ExercisePreviewController {
  constructor(private readonly preview: ExercisePreviewService) {}

  @Roles('admin', 'instructor')
  @Get(':id/preview')
  @ApiOperation({
    summary:
      'The exercise as the trainee’s player presents it (current version, or ?versionId=) — no truth, nothing stored',
  })
  @ZodResponse({ status: 200, type: ExercisePreviewDto })
  get(@CurrentActor() actor: Actor, @Param() p: IdParamDto, @Query() q: ExercisePreviewQueryDto) {
    return this.preview.present(actor, p.id, q.versionId);
  }

  @Roles('admin', 'instructor')
  @Post(':id/preview/score')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Try an answer: the score and feedback a practice item would give for it; nothing is stored',
  })
  @ZodResponse({ status: 200, type: ExercisePreviewScoreDto })
  score(
    @CurrentActor() actor: Actor,
    @Param() p: IdParamDto,
    @Query() q: ExercisePreviewQueryDto,
    @Body() body: ExercisePreviewScoreRequestDto,
  ) {
    return this.preview.score(actor, p.id, q.versionId, body.answer);
  }
}

import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import { Actor, CurrentActor } from '../common/decorators/actor';
import { Roles } from '../common/decorators/roles.decorator';
import { IdParamDto } from '../common/dto/params.dto';
import { ExerciseJobDto, ForgeExerciseRequestDto, ForgeFromSpecimenRequestDto, ForgePreviewDto } from './authoring.dto';
import { ExerciseJobsService } from './exercise-jobs.service';

@ApiTags('exercises')
@Controller()
export class ExerciseJobsController {
  constructor(private readonly jobs: ExerciseJobsService) {}

  @Roles('admin', 'instructor')
  @Post('exercises/forge')
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Forge a synthetic document as an exercise in the background (every desk light rendered, ingested, exact truth); 400 in words before any job starts',
  })
  @ZodResponse({ status: 202, type: ExerciseJobDto })
  forge(@CurrentActor() actor: Actor, @Body() body: ForgeExerciseRequestDto) {
    return this.jobs.forge(actor, body);
  }

  @Roles('admin', 'instructor')
  @Post('exercises/forge-from-specimen')
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Forge on a genuine specimen: a region drawn on one side, an operation applied under every light it was photographed in, the forged photographs written as new media and the region as the truth; 400 in words before any job starts',
  })
  @ZodResponse({ status: 202, type: ExerciseJobDto })
  forgeFromSpecimen(@CurrentActor() actor: Actor, @Body() body: ForgeFromSpecimenRequestDto) {
    return this.jobs.forgeFromSpecimen(actor, body);
  }

  @Roles('admin', 'instructor')
  @Post('exercises/forge/preview')
  @HttpCode(200)
  @ApiOperation({
    summary: 'What a forge request would make, drawn small under each desk light, with its truth; nothing is stored',
  })
  @ZodResponse({ status: 200, type: ForgePreviewDto })
  preview(@CurrentActor() actor: Actor, @Body() body: ForgeExerciseRequestDto) {
    return this.jobs.preview(actor, body);
  }

  @Roles('admin', 'instructor')
  @Get('exercise-jobs/:id')
  @ApiOperation({
    summary: 'An authoring job: status, progress, the step it is on, the exercise made or why it failed',
  })
  @ZodResponse({ status: 200, type: ExerciseJobDto })
  get(@CurrentActor() actor: Actor, @Param() p: IdParamDto) {
    return this.jobs.get(actor, p.id);
  }
}

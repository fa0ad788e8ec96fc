import { Body, Controller, Get, Headers, HttpCode, Param, Post, Put, Res } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ZodResponse } from 'nestjs-zod';
import { Actor, CurrentActor } from '../common/decorators/actor';
import { AnyRole, Roles } from '../common/decorators/roles.decorator';
import { IdParamDto } from '../common/dto/params.dto';
import {
  AttemptReviewDto,
  AttemptViewDto,
  ItemParamDto,
  ItemPresentationDto,
  ItemResponseRequestDto,
  ItemResponseResultDto,
  LessonViewDto,
  MyAssignmentViewDto,
  MyProgressDto,
  StartAttemptDto,
} from './attempts.dto';
import { AttemptsService } from './attempts.service';
import { MyTrainingService } from './my-training.service';
import { ResultsService } from './results.service';

@ApiTags('attempts')
@Controller('attempts')
export class AttemptsController {
  constructor(
    private readonly attempts: AttemptsService,
    private readonly results: ResultsService,
  ) {}

  @Roles('trainee')
  @Post()
  @ApiOperation({
    summary: 'Start an attempt at an assignment (201), or get the one in progress (200); the server draws the items',
  })
  @ZodResponse({ status: 201, type: AttemptViewDto })
  async start(@CurrentActor() actor: Actor, @Body() body: StartAttemptDto, @Res({ passthrough: true }) res: Response) {
    const { view, created } = await this.attempts.start(actor, body.assignmentId);
    if (!created) res.status(200);
    return view;
  }

  @AnyRole()
  @Get(':id')
  @ApiOperation({ summary: 'An attempt: status, progress, deadline (own attempts; staff for trainees in scope)' })
  @ZodResponse({ status: 200, type: AttemptViewDto })
  get(@CurrentActor() actor: Actor, @Param() p: IdParamDto) {
    return this.attempts.get(actor, p.id);
  }

  @AnyRole()
  @Get(':id/items/:n')
  @ApiOperation({
    summary: 'Item n of the attempt as presented: parts, signed image URLs, time allowed — never the truth',
  })
  @ZodResponse({ status: 200, type: ItemPresentationDto })
  item(@CurrentActor() actor: Actor, @Param() p: ItemParamDto) {
    return this.attempts.serveItem(actor, p.id, p.n);
  }

  @Roles('trainee')
  @Put(':id/items/:n/response')
  @ApiHeader({
    name: 'Idempotency-Key',
    required: true,
    description: 'Repeating a key returns the first result and stores nothing twice',
  })
  @ApiOperation({ summary: 'Autosave (final: false) or answer (final: true) an item; acknowledged after commit' })
  @ZodResponse({ status: 200, type: ItemResponseResultDto })
  respond(
    @CurrentActor() actor: Actor,
    @Param() p: ItemParamDto,
    @Headers('idempotency-key') key: string | undefined,
    @Body() body: ItemResponseRequestDto,
  ) {
    return this.attempts.respond(actor, p.id, p.n, key, body);
  }

  @Roles('trainee')
  @Post(':id/finish')
  @HttpCode(200)
  @ApiOperation({ summary: 'Finish the attempt (unanswered items score 0); repeating it is harmless' })
  @ZodResponse({ status: 200, type: AttemptViewDto })
  finish(@CurrentActor() actor: Actor, @Param() p: IdParamDto) {
    return this.attempts.finish(actor, p.id);
  }

  @AnyRole()
  @Get(':id/review')
  @ApiOperation({ summary: 'Truth, answer and explanation per item, once finished and as the module allows' })
  @ZodResponse({ status: 200, type: AttemptReviewDto })
  review(@CurrentActor() actor: Actor, @Param() p: IdParamDto) {
    return this.results.review(actor, p.id);
  }
}

@ApiTags('attempts')
@Controller()
export class MyTrainingController {
  constructor(
    private readonly myTraining: MyTrainingService,
    private readonly results: ResultsService,
  ) {}

  @Roles('trainee')
  @Get('me/assignments')
  @ApiOperation({ summary: 'What the trainee must do: assignments with status, attempts used and best score' })
  @ZodResponse({ status: 200, type: [MyAssignmentViewDto] })
  assignments(@CurrentActor() actor: Actor) {
    return this.myTraining.myAssignments(actor);
  }

  @Roles('trainee')
  @Get('me/progress')
  @ApiOperation({ summary: 'Finished attempts over time' })
  @ZodResponse({ status: 200, type: MyProgressDto })
  progress(@CurrentActor() actor: Actor) {
    return this.results.progress(actor);
  }

  @AnyRole()
  @Get('assignments/:id/lessons')
  @ApiOperation({ summary: 'Specimen study pages of an assignment’s module (images signed for the caller)' })
  @ZodResponse({ status: 200, type: [LessonViewDto] })
  lessons(@CurrentActor() actor: Actor, @Param() p: IdParamDto) {
    return this.myTraining.lessons(actor, p.id);
  }
}

import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import { Actor, CurrentActor } from '../common/decorators/actor';
import { Roles } from '../common/decorators/roles.decorator';
import { IdParamDto } from '../common/dto/params.dto';
import { ExerciseInputDto, ExerciseListQueryDto, ExercisePageDto, ExerciseViewDto } from './exercises.dto';
import { ExercisesService } from './exercises.service';

@ApiTags('exercises')
@Controller('exercises')
export class ExercisesController {
  constructor(private readonly exercises: ExercisesService) {}

  @Roles('admin', 'instructor', 'supervisor')
  @Get()
  @ApiOperation({ summary: 'Exercise bank of the caller’s unit (admin: every unit; current versions), with filters' })
  @ZodResponse({ status: 200, type: ExercisePageDto })
  list(@CurrentActor() actor: Actor, @Query() q: ExerciseListQueryDto) {
    return this.exercises.list(actor, q);
  }

  @Roles('admin', 'instructor')
  @Post()
  @ApiOperation({ summary: 'Create an exercise (version 1)' })
  @ZodResponse({ status: 201, type: ExerciseViewDto })
  create(@CurrentActor() actor: Actor, @Body() body: ExerciseInputDto) {
    return this.exercises.create(actor, body);
  }

  @Roles('admin', 'instructor', 'supervisor')
  @Get(':id')
  @ApiOperation({ summary: 'One exercise of the caller’s unit with its truth (current version)' })
  @ZodResponse({ status: 200, type: ExerciseViewDto })
  get(@CurrentActor() actor: Actor, @Param() p: IdParamDto) {
    return this.exercises.get(actor, p.id);
  }

  @Roles('admin', 'instructor')
  @Put(':id')
  @ApiOperation({ summary: 'Edit an exercise; once used in an attempt or a published module this makes a new version' })
  @ZodResponse({ status: 200, type: ExerciseViewDto })
  update(@CurrentActor() actor: Actor, @Param() p: IdParamDto, @Body() body: ExerciseInputDto) {
    return this.exercises.update(actor, p.id, body);
  }

  @Roles('admin', 'instructor')
  @Post(':id/duplicate')
  @ApiOperation({ summary: 'Copy the current version as a new exercise (version 1, same unit), titled "… (copy)"' })
  @ZodResponse({ status: 201, type: ExerciseViewDto })
  duplicate(@CurrentActor() actor: Actor, @Param() p: IdParamDto) {
    return this.exercises.duplicate(actor, p.id);
  }

  @Roles('admin', 'instructor')
  @Post(':id/retire')
  @HttpCode(200)
  @ApiOperation({ summary: 'Retire: hidden from pool pickers, history kept, not added to new module versions' })
  @ZodResponse({ status: 200, type: ExerciseViewDto })
  retire(@CurrentActor() actor: Actor, @Param() p: IdParamDto) {
    return this.exercises.setRetired(actor, p.id, true);
  }

  @Roles('admin', 'instructor')
  @Post(':id/restore')
  @HttpCode(200)
  @ApiOperation({ summary: 'Bring a retired exercise back into use' })
  @ZodResponse({ status: 200, type: ExerciseViewDto })
  restore(@CurrentActor() actor: Actor, @Param() p: IdParamDto) {
    return this.exercises.setRetired(actor, p.id, false);
  }
}

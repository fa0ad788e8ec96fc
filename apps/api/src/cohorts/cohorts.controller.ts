import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import { Actor, CurrentActor } from '../common/decorators/actor';
import { Roles } from '../common/decorators/roles.decorator';
import { IdParamDto } from '../common/dto/params.dto';
import { UserViewDto } from '../users';
import { CohortMembersDto, CohortViewDto, CreateCohortDto, MemberParamDto, UpdateCohortDto } from './cohorts.dto';
import { CohortsService } from './cohorts.service';

@ApiTags('cohorts')
@Controller('cohorts')
export class CohortsController {
  constructor(private readonly cohorts: CohortsService) {}

  @Roles('admin', 'supervisor', 'instructor')
  @Get()
  @ApiOperation({ summary: 'Cohorts in scope (instructor: those they run; supervisor: own unit; admin: all)' })
  @ZodResponse({ status: 200, type: [CohortViewDto] })
  list(@CurrentActor() actor: Actor) {
    return this.cohorts.list(actor);
  }

  @Roles('admin', 'instructor')
  @Post()
  @ApiOperation({ summary: 'Create a cohort (an instructor becomes one of its instructors)' })
  @ZodResponse({ status: 201, type: CohortViewDto })
  create(@CurrentActor() actor: Actor, @Body() body: CreateCohortDto) {
    return this.cohorts.create(actor, body);
  }

  @Roles('admin', 'supervisor', 'instructor')
  @Get(':id')
  @ApiOperation({ summary: 'One cohort' })
  @ZodResponse({ status: 200, type: CohortViewDto })
  get(@CurrentActor() actor: Actor, @Param() params: IdParamDto) {
    return this.cohorts.get(actor, params.id);
  }

  @Roles('admin', 'instructor')
  @Patch(':id')
  @ApiOperation({ summary: 'Rename, reschedule or change the instructors of a cohort' })
  @ZodResponse({ status: 200, type: CohortViewDto })
  update(@CurrentActor() actor: Actor, @Param() params: IdParamDto, @Body() body: UpdateCohortDto) {
    return this.cohorts.update(actor, params.id, body);
  }

  @Roles('admin', 'instructor')
  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a cohort (its trainees stay)' })
  async remove(@CurrentActor() actor: Actor, @Param() params: IdParamDto): Promise<void> {
    await this.cohorts.remove(actor, params.id);
  }

  @Roles('admin', 'supervisor', 'instructor')
  @Get(':id/members')
  @ApiOperation({ summary: 'Trainees in a cohort' })
  @ZodResponse({ status: 200, type: [UserViewDto] })
  members(@CurrentActor() actor: Actor, @Param() params: IdParamDto) {
    return this.cohorts.members(actor, params.id);
  }

  @Roles('admin', 'instructor')
  @Post(':id/members')
  @ApiOperation({ summary: 'Add trainees of the cohort’s unit' })
  @ZodResponse({ status: 201, type: CohortViewDto })
  addMembers(@CurrentActor() actor: Actor, @Param() params: IdParamDto, @Body() body: CohortMembersDto) {
    return this.cohorts.addMembers(actor, params.id, body.userIds);
  }

  @Roles('admin', 'instructor')
  @Delete(':id/members/:userId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a trainee from a cohort' })
  async removeMember(@CurrentActor() actor: Actor, @Param() params: MemberParamDto): Promise<void> {
    await this.cohorts.removeMember(actor, params.id, params.userId);
  }
}

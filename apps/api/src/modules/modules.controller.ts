import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import { Actor, CurrentActor } from '../common/decorators/actor';
import { Roles } from '../common/decorators/roles.decorator';
import { IdParamDto } from '../common/dto/params.dto';
import {
  AssignmentListQueryDto,
  AssignmentViewDto,
  CreateAssignmentDto,
  ModuleExposureDto,
  ModuleInputDto,
  ModuleViewDto,
} from './modules.dto';
import { ModulesService } from './modules.service';
import { PoolExposure } from './pool-exposure.service';

@ApiTags('modules')
@Controller('modules')
export class ModulesController {
  constructor(
    private readonly modules: ModulesService,
    private readonly exposure: PoolExposure,
  ) {}

  @Roles('admin', 'instructor', 'supervisor')
  @Get()
  @ApiOperation({ summary: 'Training modules of the caller’s unit (admin: every unit), drafts and latest versions' })
  @ZodResponse({ status: 200, type: [ModuleViewDto] })
  list(@CurrentActor() actor: Actor) {
    return this.modules.list(actor);
  }

  @Roles('admin', 'instructor')
  @Post()
  @ApiOperation({ summary: 'Create a module draft' })
  @ZodResponse({ status: 201, type: ModuleViewDto })
  create(@CurrentActor() actor: Actor, @Body() body: ModuleInputDto) {
    return this.modules.create(actor, body);
  }

  @Roles('admin', 'instructor', 'supervisor')
  @Get(':id')
  @ApiOperation({ summary: 'One module of the caller’s unit' })
  @ZodResponse({ status: 200, type: ModuleViewDto })
  get(@CurrentActor() actor: Actor, @Param() p: IdParamDto) {
    return this.modules.get(actor, p.id);
  }

  @Roles('admin', 'instructor', 'supervisor')
  @Get(':id/exposure')
  @ApiOperation({
    summary:
      'Exposure control: what an officer needs unseen in the pool, and per cohort assigned how much of it its officers have seen the truth of',
  })
  @ZodResponse({ status: 200, type: ModuleExposureDto })
  exposureOf(@CurrentActor() actor: Actor, @Param() p: IdParamDto) {
    return this.exposure.report(actor, p.id);
  }

  @Roles('admin', 'instructor')
  @Put(':id')
  @ApiOperation({ summary: 'Edit a module draft (published versions stay frozen)' })
  @ZodResponse({ status: 200, type: ModuleViewDto })
  update(@CurrentActor() actor: Actor, @Param() p: IdParamDto, @Body() body: ModuleInputDto) {
    return this.modules.update(actor, p.id, body);
  }

  @Roles('admin', 'instructor')
  @Post(':id/publish')
  @HttpCode(200)
  @ApiOperation({ summary: 'Publish the draft as a new frozen version (pool pinned to exercise versions)' })
  @ZodResponse({ status: 200, type: ModuleViewDto })
  publish(@CurrentActor() actor: Actor, @Param() p: IdParamDto) {
    return this.modules.publish(actor, p.id);
  }
}

@ApiTags('assignments')
@Controller('assignments')
export class AssignmentsController {
  constructor(private readonly modules: ModulesService) {}

  @Roles('admin', 'instructor', 'supervisor')
  @Get()
  @ApiOperation({ summary: 'Assignments of the cohorts in scope' })
  @ZodResponse({ status: 200, type: [AssignmentViewDto] })
  list(@CurrentActor() actor: Actor, @Query() q: AssignmentListQueryDto) {
    return this.modules.listAssignments(actor, q);
  }

  @Roles('admin', 'instructor')
  @Post()
  @ApiOperation({ summary: 'Assign a published module version to a cohort' })
  @ZodResponse({ status: 201, type: AssignmentViewDto })
  create(@CurrentActor() actor: Actor, @Body() body: CreateAssignmentDto) {
    return this.modules.assign(actor, body);
  }

  @Roles('admin', 'instructor')
  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Withdraw an assignment nobody has started' })
  async remove(@CurrentActor() actor: Actor, @Param() p: IdParamDto): Promise<void> {
    await this.modules.removeAssignment(actor, p.id);
  }
}

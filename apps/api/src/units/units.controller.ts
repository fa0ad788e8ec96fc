import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import { Actor, CurrentActor } from '../common/decorators/actor';
import { Roles } from '../common/decorators/roles.decorator';
import { IdParamDto } from '../common/dto/params.dto';
import { CreateUnitDto, UnitViewDto, UpdateUnitDto } from './units.dto';
import { UnitsService } from './units.service';

@ApiTags('units')
@Controller('units')
export class UnitsController {
  constructor(private readonly units: UnitsService) {}

  @Roles('admin', 'supervisor', 'instructor')
  @Get()
  @ApiOperation({ summary: 'Units (admin: all; others: their own)' })
  @ZodResponse({ status: 200, type: [UnitViewDto] })
  list(@CurrentActor() actor: Actor) {
    return this.units.list(actor);
  }

  @Roles('admin')
  @Post()
  @ApiOperation({ summary: 'Create a unit' })
  @ZodResponse({ status: 201, type: UnitViewDto })
  create(@CurrentActor() actor: Actor, @Body() body: CreateUnitDto) {
    return this.units.create(actor, body);
  }

  @Roles('admin')
  @Patch(':id')
  @ApiOperation({ summary: 'Rename a unit or change its code' })
  @ZodResponse({ status: 200, type: UnitViewDto })
  update(@CurrentActor() actor: Actor, @Param() params: IdParamDto, @Body() body: UpdateUnitDto) {
    return this.units.update(actor, params.id, body);
  }

  @Roles('admin')
  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete an empty unit' })
  async remove(@CurrentActor() actor: Actor, @Param() params: IdParamDto): Promise<void> {
    await this.units.remove(actor, params.id);
  }
}

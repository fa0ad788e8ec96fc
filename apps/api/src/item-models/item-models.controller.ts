import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import { Actor, CurrentActor } from '../common/decorators/actor';
import { Roles } from '../common/decorators/roles.decorator';
import { IdParamDto } from '../common/dto/params.dto';
import { ModuleItemModelsDto } from './item-models.dto';
import { ItemModelsService } from './item-models.service';

@ApiTags('modules')
@Controller('modules')
export class ItemModelsController {
  constructor(private readonly itemModels: ItemModelsService) {}

  @Roles('admin', 'instructor', 'supervisor')
  @Get(':id/item-models')
  @ApiOperation({
    summary:
      'The item models of the latest published version and their generated documents: waiting, being generated, drawn, failed (with the reason)',
  })
  @ZodResponse({ status: 200, type: ModuleItemModelsDto })
  status(@CurrentActor() actor: Actor, @Param() p: IdParamDto) {
    return this.itemModels.status(actor, p.id);
  }
}

// An exercise as its modules' pools see it: served under /exercises/:id, but answered by the modules feature, which
// owns pools (the exercises feature sits below modules and cannot ask it).
import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import { Actor, CurrentActor } from '../common/decorators/actor';
import { Roles } from '../common/decorators/roles.decorator';
import { IdParamDto } from '../common/dto/params.dto';
import { ExercisePoolPartsDto } from './modules.dto';
import { ModulesService } from './modules.service';

@ApiTags('exercises')
@Controller('exercises')
export class ExercisePoolsController {
  constructor(private readonly modules: ModulesService) {}

  @Roles('admin', 'instructor', 'supervisor')
  @Get(':id/pool-parts')
  @ApiOperation({
    summary: 'Per module pooling the exercise: the question parts most of the pool’s other exercises ask',
  })
  @ZodResponse({ status: 200, type: ExercisePoolPartsDto })
  poolParts(@CurrentActor() actor: Actor, @Param() p: IdParamDto) {
    return this.modules.poolPartsOf(actor, p.id);
  }
}

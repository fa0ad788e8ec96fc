import { Controller, Get, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ZodResponse } from 'nestjs-zod';
import { Public } from '../common/decorators/roles.decorator';
import { HealthDto } from './health.dto';
import { HealthService } from './health.service';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly liveness: HealthService) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'Liveness and database reachability (503 when the database is down)' })
  @ZodResponse({ status: 200, type: HealthDto })
  @ApiResponse({
    status: 503,
    description: 'The database is down (same body, status "degraded")',
    type: HealthDto.Output,
  })
  async health(@Res({ passthrough: true }) res: Response) {
    const health = await this.liveness.check();
    if (health.db === 'down') res.status(503);
    return health;
  }
}

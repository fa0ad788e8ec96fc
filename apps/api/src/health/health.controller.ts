import { Controller, Get, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Public } from '../common/roles.decorator';
import { DemoContentService } from '../seed';
import { version } from '../version';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly demo: DemoContentService,
  ) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'Liveness and database reachability (503 when the database is down)' })
  async health(@Res({ passthrough: true }) res: Response) {
    let db: 'up' | 'down' = 'up';
    try {
      await this.db.query('SELECT 1');
    } catch {
      db = 'down';
    }
    if (db === 'down') res.status(503);
    return { status: db === 'up' ? 'ok' : 'degraded', db, version, demoContent: this.demo.state };
  }
}

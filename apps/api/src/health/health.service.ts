// Liveness: is the database reachable, which version runs, how far the demo content is.
import type { HealthResponse } from '@firstline/contracts';
import { Injectable } from '@nestjs/common';
import { DemoContentService } from '../seed';
import { version } from '../version';
import { HealthRepository } from './health.repository';

@Injectable()
export class HealthService {
  constructor(
    private readonly database: HealthRepository,
    private readonly demo: DemoContentService,
  ) {}

  async check(): Promise<HealthResponse> {
    const db = (await this.database.databaseAnswers()) ? 'up' : 'down';
    return { status: db === 'up' ? 'ok' : 'degraded', db, version, demoContent: this.demo.state };
  }
}

import { Module } from '@nestjs/common';
import { DemoContentModule } from '../seed';
import { HealthController } from './health.controller';
import { HealthRepository } from './health.repository';
import { HealthService } from './health.service';

@Module({ imports: [DemoContentModule], controllers: [HealthController], providers: [HealthRepository, HealthService] })
export class HealthModule {}

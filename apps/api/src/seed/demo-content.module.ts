import { Module } from '@nestjs/common';
import { AttemptsModule } from '../attempts';
import { CohortsModule } from '../cohorts';
import { ExercisesModule } from '../exercises';
import { MediaModule } from '../media';
import { ModulesModule } from '../modules';
import { SpecimensModule } from '../specimens';
import { UsersModule } from '../users';
import { DemoContentController } from './demo-content.controller';
import { DemoContentRepository } from './demo-content.repository';
import { DemoContentService } from './demo-content.service';
import { DemoHistoryRepository } from './demo-history.repository';
import { DemoHistoryService } from './demo-history.service';

@Module({
  imports: [AttemptsModule, CohortsModule, MediaModule, ExercisesModule, ModulesModule, SpecimensModule, UsersModule],
  controllers: [DemoContentController],
  providers: [DemoContentRepository, DemoContentService, DemoHistoryRepository, DemoHistoryService],
  exports: [DemoContentService, DemoHistoryService],
})
export class DemoContentModule {}

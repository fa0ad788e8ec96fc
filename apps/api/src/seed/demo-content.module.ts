import { Module } from '@nestjs/common';
import { CohortsModule } from '../cohorts';
import { ExercisesModule } from '../exercises';
import { MediaModule } from '../media';
import { ModulesModule } from '../modules';
import { SpecimensModule } from '../specimens';
import { UsersModule } from '../users';
import { DemoContentRepository } from './demo-content.repository';
import { DemoContentService } from './demo-content.service';

@Module({
  imports: [CohortsModule, MediaModule, ExercisesModule, ModulesModule, SpecimensModule, UsersModule],
  providers: [DemoContentRepository, DemoContentService],
  exports: [DemoContentService],
})
export class DemoContentModule {}

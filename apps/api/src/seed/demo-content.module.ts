import { Module } from '@nestjs/common';
import { ExercisesModule } from '../exercises';
import { MediaModule } from '../media';
import { ModulesModule } from '../modules';
import { SpecimensModule } from '../specimens';
import { DemoContentRepository } from './demo-content.repository';
import { DemoContentService } from './demo-content.service';

@Module({
  imports: [MediaModule, ExercisesModule, ModulesModule, SpecimensModule],
  providers: [DemoContentRepository, DemoContentService],
  exports: [DemoContentService],
})
export class DemoContentModule {}

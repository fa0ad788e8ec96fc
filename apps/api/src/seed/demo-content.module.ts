import { Module } from '@nestjs/common';
import { ExercisesModule } from '../exercises/exercises.module';
import { MediaModule } from '../media/media.module';
import { TrainingModulesModule } from '../training-modules/training-modules.module';
import { DemoContentService } from './demo-content';

@Module({ imports: [MediaModule, ExercisesModule, TrainingModulesModule], providers: [DemoContentService], exports: [DemoContentService] })
export class DemoContentModule {}

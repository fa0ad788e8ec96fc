import { Module } from '@nestjs/common';
import { ExercisesModule } from '../exercises/exercises.module';
import { MediaModule } from '../media/media.module';
import { ModulesModule } from '../modules/modules.module';
import { DemoContentService } from './demo-content';

@Module({ imports: [MediaModule, ExercisesModule, ModulesModule], providers: [DemoContentService], exports: [DemoContentService] })
export class DemoContentModule {}

import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit';
import { CohortsModule } from '../cohorts';
import { MediaModule } from '../media';
import { SpecimensModule } from '../specimens';
import { UnitsModule } from '../units';
import { DrawnVersions } from './drawn-versions';
import { ExerciseFacilities } from './exercise-facilities';
import { ExerciseUsage } from './exercise-usage';
import { Exercise, ExerciseVersion } from './exercise.entity';
import { ExercisesController } from './exercises.controller';
import { ExercisesRepository } from './exercises.repository';
import { ExercisesService } from './exercises.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([Exercise, ExerciseVersion]),
    AuditModule,
    CohortsModule,
    MediaModule,
    SpecimensModule,
    UnitsModule,
  ],
  controllers: [ExercisesController],
  providers: [ExercisesRepository, ExercisesService, ExerciseUsage, DrawnVersions, ExerciseFacilities],
  exports: [ExercisesService, ExerciseUsage, ExerciseFacilities],
})
export class ExercisesModule {}

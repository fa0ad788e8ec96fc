import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CohortsModule } from '../cohorts';
import { ExercisesModule } from '../exercises';
import { SpecimensModule } from '../specimens';
import { AssignmentOpenings } from './assignment-openings';
import { AssignmentUsage } from './assignment-usage';
import { AttemptedAssignments } from './attempted-assignments';
import { ExercisePoolsController } from './exercise-pools.controller';
import { AssignmentsController, ModulesController } from './modules.controller';
import { ModulesRepository } from './modules.repository';
import { ModulesService } from './modules.service';
import { PoolExposure } from './pool-exposure.service';
import { PooledExerciseUsage } from './pooled-exercise-usage';
import { Assignment, ModuleVersion, TrainingModule } from './training-module.entity';

@Module({
  imports: [
    TypeOrmModule.forFeature([TrainingModule, ModuleVersion, Assignment]),
    CohortsModule,
    ExercisesModule,
    SpecimensModule,
  ],
  controllers: [ModulesController, AssignmentsController, ExercisePoolsController],
  providers: [
    ModulesRepository,
    ModulesService,
    AssignmentUsage,
    AssignmentOpenings,
    AttemptedAssignments,
    PooledExerciseUsage,
    PoolExposure,
  ],
  exports: [ModulesService, AssignmentUsage, AssignmentOpenings],
})
export class ModulesModule {}

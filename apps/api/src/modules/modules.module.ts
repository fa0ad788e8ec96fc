import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CohortsModule } from '../cohorts';
import { ExercisesModule } from '../exercises';
import { SpecimensModule } from '../specimens';
import { AssignmentsController, ModulesController } from './modules.controller';
import { ModulesRepository } from './modules.repository';
import { ModulesService } from './modules.service';
import { Assignment, ModuleVersion, TrainingModule } from './training-module.entity';

@Module({
  imports: [
    TypeOrmModule.forFeature([TrainingModule, ModuleVersion, Assignment]),
    CohortsModule,
    ExercisesModule,
    SpecimensModule,
  ],
  controllers: [ModulesController, AssignmentsController],
  providers: [ModulesRepository, ModulesService],
  exports: [ModulesService],
})
export class ModulesModule {}

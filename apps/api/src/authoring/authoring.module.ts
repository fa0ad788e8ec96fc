import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ExercisesModule } from '../exercises';
import { MediaModule } from '../media';
import { SpecimensModule } from '../specimens';
import { ExerciseJob } from './exercise-job.entity';
import { ExerciseJobsController } from './exercise-jobs.controller';
import { ExerciseJobsRepository } from './exercise-jobs.repository';
import { ExerciseJobsService } from './exercise-jobs.service';

@Module({
  imports: [TypeOrmModule.forFeature([ExerciseJob]), ExercisesModule, MediaModule, SpecimensModule],
  controllers: [ExerciseJobsController],
  providers: [ExerciseJobsRepository, ExerciseJobsService],
  exports: [ExerciseJobsService],
})
export class AuthoringModule {}

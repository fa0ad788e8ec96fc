import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CohortsModule } from '../cohorts';
import { ExercisesModule } from '../exercises';
import { MediaModule } from '../media';
import { ModulesModule } from '../modules';
import { SpecimensModule } from '../specimens';
import { AttemptEvents } from './attempt-events';
import { AttemptFinisher } from './attempt-finisher';
import { AttemptLoader } from './attempt-loader';
import { Attempt, AttemptItem, ResponseReceipt } from './attempt.entity';
import { AttemptsController, MyTrainingController } from './attempts.controller';
import { AttemptsRepository } from './attempts.repository';
import { AttemptsService } from './attempts.service';
import { DeadlineSweeper } from './deadline-sweeper';
import { ItemPresenter } from './item-presenter';
import { MyTrainingService } from './my-training.service';
import { ResultsService } from './results.service';
import { AttemptUsageSources } from './usage-sources';

@Module({
  imports: [
    TypeOrmModule.forFeature([Attempt, AttemptItem, ResponseReceipt]),
    MediaModule,
    CohortsModule,
    ExercisesModule,
    ModulesModule,
    SpecimensModule,
  ],
  controllers: [AttemptsController, MyTrainingController],
  providers: [
    AttemptsRepository,
    AttemptEvents,
    AttemptLoader,
    AttemptFinisher,
    DeadlineSweeper,
    ItemPresenter,
    AttemptsService,
    ResultsService,
    MyTrainingService,
    AttemptUsageSources,
  ],
  exports: [AttemptsService, AttemptEvents],
})
export class AttemptsModule {}

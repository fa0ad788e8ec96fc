import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CohortsModule } from '../cohorts';
import { ExercisesModule } from '../exercises';
import { ItemModelsModule } from '../item-models';
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
import { ExposuresRepository } from './exposures.repository';
import { HistoryRecorder } from './history-recorder';
import { ItemPresenter } from './item-presenter';
import { ItemPreview } from './item-preview';
import { MyTrainingService } from './my-training.service';
import { ResultsService } from './results.service';
import { TruthExposure } from './truth-exposure.entity';
import { AttemptUsageSources } from './usage-sources';

@Module({
  imports: [
    TypeOrmModule.forFeature([Attempt, AttemptItem, ResponseReceipt, TruthExposure]),
    MediaModule,
    CohortsModule,
    ExercisesModule,
    ModulesModule,
    ItemModelsModule,
    SpecimensModule,
  ],
  controllers: [AttemptsController, MyTrainingController],
  providers: [
    AttemptsRepository,
    ExposuresRepository,
    AttemptEvents,
    AttemptLoader,
    AttemptFinisher,
    DeadlineSweeper,
    ItemPresenter,
    ItemPreview,
    AttemptsService,
    ResultsService,
    MyTrainingService,
    AttemptUsageSources,
    HistoryRecorder,
  ],
  exports: [AttemptsService, AttemptEvents, HistoryRecorder, ItemPreview],
})
export class AttemptsModule {}

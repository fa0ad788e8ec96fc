import { Module } from '@nestjs/common';
import { CohortsModule } from '../cohorts/cohorts.module';
import { MediaModule } from '../media/media.module';
import { AttemptsController, MyTrainingController } from './attempts.controller';
import { AttemptsService } from './attempts.service';

@Module({ imports: [MediaModule, CohortsModule], controllers: [AttemptsController, MyTrainingController], providers: [AttemptsService], exports: [AttemptsService] })
export class AttemptsModule {}

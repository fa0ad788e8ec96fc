import { Module } from '@nestjs/common';
import { MediaModule } from '../media/media.module';
import { AttemptsController, MyTrainingController } from './attempts.controller';
import { AttemptsService } from './attempts.service';

@Module({ imports: [MediaModule], controllers: [AttemptsController, MyTrainingController], providers: [AttemptsService], exports: [AttemptsService] })
export class AttemptsModule {}

// The preview of an exercise as the trainee sees it: a second Nest module of the exercises feature, above
// AttemptsModule (whose presenter and scoring it uses, and which sits above exercises), so the composition root
// registers it and the exercises barrel does not export it.
import { Module } from '@nestjs/common';
import { ExercisesModule } from '..';
import { AttemptsModule } from '../../attempts';
import { ExercisePreviewController } from './exercise-preview.controller';
import { ExercisePreviewService } from './exercise-preview.service';

@Module({
  imports: [ExercisesModule, AttemptsModule],
  controllers: [ExercisePreviewController],
  providers: [ExercisePreviewService],
})
export class ExercisePreviewModule {}

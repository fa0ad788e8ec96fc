// Request and response shapes of an exercise's preview.
import * as c from '@firstline/contracts';
import { createZodDto } from 'nestjs-zod';

export class ExercisePreviewDto extends createZodDto(c.ExercisePreview) {}
export class ExercisePreviewQueryDto extends createZodDto(c.ExercisePreviewQuery) {}
export class ExercisePreviewScoreRequestDto extends createZodDto(c.ExercisePreviewScoreRequest) {}
export class ExercisePreviewScoreDto extends createZodDto(c.ExercisePreviewScore) {}

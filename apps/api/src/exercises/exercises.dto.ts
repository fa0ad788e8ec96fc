// Request and response shapes of exercises.
import * as c from '@firstline/contracts';
import { createZodDto } from 'nestjs-zod';

export class ExerciseInputDto extends createZodDto(c.ExerciseInput) {}
export class ExerciseViewDto extends createZodDto(c.ExerciseView) {}
export class ExercisePageDto extends createZodDto(c.Page(c.ExerciseSummary)) {}
export class ExerciseListQueryDto extends createZodDto(c.ExerciseListQuery) {}

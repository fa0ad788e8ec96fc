// Request and response shapes of the authoring jobs.
import * as c from '@firstline/contracts';
import { createZodDto } from 'nestjs-zod';

export class ForgeExerciseRequestDto extends createZodDto(c.ForgeExerciseRequest) {}
export class ExerciseJobDto extends createZodDto(c.ExerciseJob) {}
export class ForgePreviewDto extends createZodDto(c.ForgePreview) {}
export class ForgeFromSpecimenRequestDto extends createZodDto(c.ForgeFromSpecimenRequest) {}

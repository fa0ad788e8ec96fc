// DTO classes for the exam engine (exercises, modules, assignments, attempts, MRZ check), from the shared schemas.
import * as c from '@firstline/contracts';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

export class ExerciseInputDto extends createZodDto(c.ExerciseInput) {}
export class ExerciseViewDto extends createZodDto(c.ExerciseView) {}
export class ExercisePageDto extends createZodDto(c.Page(c.ExerciseSummary)) {}
export class ExerciseListQueryDto extends createZodDto(c.ExerciseListQuery) {}

export class ModuleInputDto extends createZodDto(c.ModuleInput) {}
export class ModuleViewDto extends createZodDto(c.ModuleView) {}
export class CreateAssignmentDto extends createZodDto(c.CreateAssignmentRequest) {}
export class AssignmentViewDto extends createZodDto(c.AssignmentView) {}
export class MyAssignmentViewDto extends createZodDto(c.MyAssignmentView) {}
export class LessonViewDto extends createZodDto(c.LessonView) {}

export class StartAttemptDto extends createZodDto(c.StartAttemptRequest) {}
export class AttemptViewDto extends createZodDto(c.AttemptView) {}
export class ItemPresentationDto extends createZodDto(c.ItemPresentation) {}
export class ItemResponseRequestDto extends createZodDto(c.ItemResponseRequest) {}
export class ItemResponseResultDto extends createZodDto(c.ItemResponseResult) {}
export class AttemptReviewDto extends createZodDto(c.AttemptReview) {}
export class MyProgressDto extends createZodDto(c.MyProgress) {}

export class MrzCheckRequestDto extends createZodDto(c.MrzCheckRequest) {}
export class MrzCheckResultDto extends createZodDto(c.MrzCheckResult) {}

export class ItemParamDto extends createZodDto(
  z.strictObject({ id: z.uuid({ message: 'id must be a UUID' }), n: z.coerce.number().int().min(1, 'n is 1-based').max(1000) }),
) {}
export class AssignmentListQueryDto extends createZodDto(
  z.strictObject({ cohortId: z.uuid().optional(), moduleId: z.uuid().optional() }),
) {}

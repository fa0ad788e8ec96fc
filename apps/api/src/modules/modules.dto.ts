// Request and response shapes of modules and assignments.
import * as c from '@firstline/contracts';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

export class ModuleInputDto extends createZodDto(c.ModuleInput) {}
export class ModuleViewDto extends createZodDto(c.ModuleView) {}
export class ModuleExposureDto extends createZodDto(c.ModuleExposure) {}
export class CreateAssignmentDto extends createZodDto(c.CreateAssignmentRequest) {}
export class AssignmentViewDto extends createZodDto(c.AssignmentView) {}
export class AssignmentListQueryDto extends createZodDto(
  z.strictObject({ cohortId: z.uuid().optional(), moduleId: z.uuid().optional() }),
) {}
export class ExercisePoolPartsDto extends createZodDto(c.ExercisePoolParts) {}

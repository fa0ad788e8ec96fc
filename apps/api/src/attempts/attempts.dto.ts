// Request and response shapes of the exam engine a trainee talks to: my training, lessons, attempts, items, review,
// progress.
import * as c from '@firstline/contracts';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

export class MyAssignmentViewDto extends createZodDto(c.MyAssignmentView) {}
export class LessonViewDto extends createZodDto(c.LessonView) {}
export class StartAttemptDto extends createZodDto(c.StartAttemptRequest) {}
export class AttemptViewDto extends createZodDto(c.AttemptView) {}
export class ItemPresentationDto extends createZodDto(c.ItemPresentation) {}
export class ItemResponseRequestDto extends createZodDto(c.ItemResponseRequest) {}
export class ItemResponseResultDto extends createZodDto(c.ItemResponseResult) {}
export class AttemptReviewDto extends createZodDto(c.AttemptReview) {}
export class MyProgressDto extends createZodDto(c.MyProgress) {}
export class ItemParamDto extends createZodDto(
  z.strictObject({
    id: z.uuid({ message: 'id must be a UUID' }),
    n: z.coerce.number().int().min(1, 'n is 1-based').max(1000),
  }),
) {}

// Request and response shapes of cohorts and their members.
import * as c from '@firstline/contracts';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

export class CohortViewDto extends createZodDto(c.CohortView) {}
export class CreateCohortDto extends createZodDto(c.CreateCohortRequest) {}
export class UpdateCohortDto extends createZodDto(c.UpdateCohortRequest) {}
export class CohortMembersDto extends createZodDto(c.CohortMembersRequest) {}
export class MemberParamDto extends createZodDto(
  z.strictObject({
    id: z.uuid({ message: 'id must be a UUID' }),
    userId: z.uuid({ message: 'userId must be a UUID' }),
  }),
) {}

// Request and response shapes of the specimen library.
import * as c from '@firstline/contracts';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

export class SpecimenViewDto extends createZodDto(c.SpecimenView) {}
export class SpecimenPageDto extends createZodDto(c.Page(c.SpecimenSummary)) {}
export class CreateSpecimenDto extends createZodDto(c.CreateSpecimenRequest) {}
export class UpdateSpecimenDto extends createZodDto(c.UpdateSpecimenRequest) {}
export class SpecimenListQueryDto extends createZodDto(c.SpecimenListQuery) {}
export class ReplaceFeaturesDto extends createZodDto(c.ReplaceFeaturesRequest) {}
export class SpecimenImageViewDto extends createZodDto(c.SpecimenImageView) {}
export class SpecimenImageParamDto extends createZodDto(
  z.strictObject({
    id: z.uuid({ message: 'id must be a UUID' }),
    imageId: z.uuid({ message: 'imageId must be a UUID' }),
  }),
) {}

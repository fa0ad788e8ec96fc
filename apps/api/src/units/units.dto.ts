// Request and response shapes of units.
import * as c from '@firstline/contracts';
import { createZodDto } from 'nestjs-zod';

export class UnitViewDto extends createZodDto(c.UnitView) {}
export class CreateUnitDto extends createZodDto(c.CreateUnitRequest) {}
export class UpdateUnitDto extends createZodDto(c.UpdateUnitRequest) {}

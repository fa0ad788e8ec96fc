// Response shapes of the item models feature.
import * as c from '@firstline/contracts';
import { createZodDto } from 'nestjs-zod';

export class ModuleItemModelsDto extends createZodDto(c.ModuleItemModels) {}

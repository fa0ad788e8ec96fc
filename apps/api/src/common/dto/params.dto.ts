// Route parameters shared by every feature.
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

export class IdParamDto extends createZodDto(z.strictObject({ id: z.uuid({ message: 'id must be a UUID' }) })) {}

// Response shape of the health check.
import * as c from '@firstline/contracts';
import { createZodDto } from 'nestjs-zod';

export class HealthDto extends createZodDto(c.HealthResponse) {}

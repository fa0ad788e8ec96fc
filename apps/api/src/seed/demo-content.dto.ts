// Response shape of the demo-content status.
import * as c from '@firstline/contracts';
import { createZodDto } from 'nestjs-zod';

export class DemoContentStatusDto extends createZodDto(c.DemoContentStatus) {}

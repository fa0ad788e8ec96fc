// Request and response shapes of the audit log.
import * as c from '@firstline/contracts';
import { createZodDto } from 'nestjs-zod';

export class AuditPageDto extends createZodDto(c.Page(c.AuditEntryView)) {}
export class AuditQueryDto extends createZodDto(c.AuditQuery) {}

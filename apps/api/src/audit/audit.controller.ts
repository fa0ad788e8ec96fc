import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import { Roles } from '../common/decorators/roles.decorator';
import { AuditPageDto, AuditQueryDto } from './audit.dto';
import { AuditService } from './audit.service';

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Roles('admin')
  @Get()
  @ApiOperation({ summary: 'Audit log, newest first' })
  @ZodResponse({ status: 200, type: AuditPageDto })
  list(@Query() query: AuditQueryDto) {
    return this.audit.list(query);
  }
}

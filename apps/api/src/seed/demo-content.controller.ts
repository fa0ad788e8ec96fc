// How far the demo content is: My training shows it while the first start prepares the demo modules.
import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import { AnyRole } from '../common/decorators/roles.decorator';
import { DemoContentStatusDto } from './demo-content.dto';
import { DemoContentService } from './demo-content.service';

@ApiTags('demo content')
@Controller('demo-content')
export class DemoContentController {
  constructor(private readonly demo: DemoContentService) {}

  @AnyRole()
  @Get('status')
  @ApiOperation({
    summary: 'Whether the demo modules are being prepared (practice first, then the assessment) and how far it is',
  })
  @ZodResponse({ status: 200, type: DemoContentStatusDto })
  status() {
    return this.demo.status();
  }
}

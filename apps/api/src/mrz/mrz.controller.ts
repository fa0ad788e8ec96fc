import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import { AnyRole } from '../common/decorators/roles.decorator';
import { MrzCheckRequestDto, MrzCheckResultDto } from './mrz.dto';
import { MrzService } from './mrz.service';

@ApiTags('mrz')
@Controller('mrz')
export class MrzController {
  constructor(private readonly mrz: MrzService) {}

  @AnyRole()
  @Post('check')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Parse MRZ lines (TD1/TD2/TD3) and verify every check digit; training states count as known',
  })
  @ZodResponse({ status: 200, type: MrzCheckResultDto })
  check(@Body() body: MrzCheckRequestDto) {
    return this.mrz.check(body.lines);
  }
}

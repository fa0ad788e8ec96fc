// MRZ check for authoring and the MRZ question part: the `mrz` package (through forge) plus FirstLine's training states.
import { Body, Controller, HttpCode, Module, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { isTrainingState, TRAINING_STATES, type MrzCheckResult } from '@firstline/contracts';
import { checkMrz, isKnownStateCode, MrzFormatError } from '@firstline/forge/dist/mrz';
import { ZodResponse } from 'nestjs-zod';
import { DomainError } from '../common/domain-error';
import { AnyRole } from '../common/roles.decorator';
import { MrzCheckRequestDto, MrzCheckResultDto } from './mrz.dto';

export function mrzCheck(lines: string[]): MrzCheckResult {
  let r;
  try {
    r = checkMrz(lines);
  } catch (e) {
    if (e instanceof MrzFormatError) throw new DomainError('invalid', `Not a machine-readable zone: ${e.message}`, { reason: e.reason });
    throw e;
  }
  // The issuing state sits at positions 3–5 of the first line in TD1, TD2 and TD3 alike.
  const code = lines[0].trim().slice(2, 5).replace(/</g, '');
  const training = isTrainingState(code);
  return {
    valid: r.valid,
    format: r.format,
    fields: r.fields,
    checks: r.checks.map((c) => ({ field: c.field, valid: c.valid })),
    state: { code, known: isKnownStateCode(code), training, name: TRAINING_STATES.find((s) => s.code === code)?.name ?? null },
  };
}

@ApiTags('mrz')
@Controller('mrz')
export class MrzController {
  @AnyRole()
  @Post('check')
  @HttpCode(200)
  @ApiOperation({ summary: 'Parse MRZ lines (TD1/TD2/TD3) and verify every check digit; training states count as known' })
  @ZodResponse({ type: MrzCheckResultDto })
  check(@Body() body: MrzCheckRequestDto) {
    return mrzCheck(body.lines);
  }
}

@Module({ controllers: [MrzController] })
export class MrzModule {}

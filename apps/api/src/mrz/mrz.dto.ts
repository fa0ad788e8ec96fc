// Request and response shapes of the MRZ check.
import * as c from '@firstline/contracts';
import { createZodDto } from 'nestjs-zod';

export class MrzCheckRequestDto extends createZodDto(c.MrzCheckRequest) {}
export class MrzCheckResultDto extends createZodDto(c.MrzCheckResult) {}

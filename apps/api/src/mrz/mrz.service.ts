// MRZ check for authoring and the MRZ question part: the `mrz` package (through forge) plus FirstLine's training
// states.
import { isTrainingState, TRAINING_STATES, type MrzCheckResult } from '@firstline/contracts';
import { checkMrz, isKnownStateCode, MrzFormatError } from '@firstline/forge';
import { Injectable } from '@nestjs/common';
import { DomainError } from '../common/errors/domain-error';

@Injectable()
export class MrzService {
  /** Parses MRZ lines (TD1, TD2 or TD3) and verifies every check digit; training states count as known. */
  check(lines: string[]): MrzCheckResult {
    let parsed: ReturnType<typeof checkMrz>;
    try {
      parsed = checkMrz(lines);
    } catch (err) {
      if (err instanceof MrzFormatError)
        throw new DomainError('invalid', `Not a machine-readable zone: ${err.message}`, { reason: err.reason });
      throw err;
    }
    // The issuing state sits at positions 3–5 of the first line in TD1, TD2 and TD3 alike.
    const code = lines[0].trim().slice(2, 5).replace(/</g, '');
    const training = isTrainingState(code);
    return {
      valid: parsed.valid,
      format: parsed.format,
      fields: parsed.fields,
      checks: parsed.checks.map((check) => ({ field: check.field, valid: check.valid })),
      state: {
        code,
        known: isKnownStateCode(code),
        training,
        name: TRAINING_STATES.find((state) => state.code === code)?.name ?? null,
      },
    };
  }
}

import { LoginRequest } from '@firstline/contracts';
import { describe, expect, it } from 'vitest';
import { checkCredentials } from './check-credentials';

describe('checkCredentials', () => {
  const cases: Array<[string, string]> = [
    ['trainee01', 'firstline-demo'],
    ['  trainee01 \n', 'secret'],
    ['', 'secret'],
    ['   ', 'secret'],
    ['trainee01', ''],
    ['', ''],
    ['a'.repeat(64), 'p'],
    ['a'.repeat(65), 'p'],
    [` ${'a'.repeat(64)} `, 'p'],
    ['u', 'p'.repeat(256)],
    ['u', 'p'.repeat(257)],
    ['u', '   '],
    ['ü'.repeat(64), '🔑'.repeat(128)],
    ['ü'.repeat(65), '🔑'.repeat(129)],
    ['🔑'.repeat(40), '🔑'.repeat(200)],
    ['🔑'.repeat(65), '\ud83d'.repeat(256)],
    ['\udd11'.repeat(65), '\ud83d'.repeat(257)],
  ];

  it.each(cases)('agrees with the LoginRequest schema for %j / %j', (username, password) => {
    const parsed = LoginRequest.safeParse({ username, password });
    const checked = checkCredentials({ username, password });
    if (parsed.success) {
      expect(checked).toEqual({ data: parsed.data, invalid: null });
    } else {
      const fields = [...new Set(parsed.error.issues.map((issue) => issue.path[0]))];
      expect(checked.data).toBeNull();
      expect(checked.invalid).toEqual(fields);
    }
  });
});

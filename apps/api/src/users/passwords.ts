// Password hashing with argon2id (OWASP's recommended parameters: m=19 MiB, t=2, p=1), and initial passwords.
import { randomBytes } from 'node:crypto';
import { Algorithm, hash, verify } from '@node-rs/argon2';

const OPTIONS = { algorithm: Algorithm.Argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

// Verified against when the username does not exist, so a miss costs the same time as a wrong password.
let dummyHash: Promise<string> | undefined;

export async function verifyPassword(stored: string | undefined, password: string): Promise<boolean> {
  if (!stored) {
    dummyHash ??= hashPassword('no-such-user-placeholder');
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/**
 * A new initial password: 72 random bits as 12 base64url characters, starting with a letter or digit. A leading
 * `-` or `_` is drawn again: a spreadsheet would take a leading `-` for a formula, and the CSV writers neutralise
 * such a cell with an apostrophe, which would turn the password handed out into a wrong one.
 */
export function initialPassword(): string {
  for (;;) {
    const password = randomBytes(9).toString('base64url');
    if (/^[A-Za-z0-9]/.test(password)) return password;
  }
}

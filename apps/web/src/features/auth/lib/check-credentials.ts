// The sign-in form's own check of the contracts' LoginRequest (username trimmed, 1–64 characters; password
// 1–256; characters counted as zod counts them, in code points). Written out by hand because the schema would
// bring zod onto the sign-in page, which every user loads; check-credentials.test.ts holds it to the schema.
import type { LoginRequest } from '@firstline/contracts';

export type CredentialField = keyof LoginRequest;

const lengthIn = (text: string, min: number, max: number) => {
  const length = [...text].length;
  return length >= min && length <= max;
};

export function checkCredentials(values: {
  username: string;
  password: string;
}): { data: LoginRequest; invalid: null } | { data: null; invalid: CredentialField[] } {
  const username = values.username.trim();
  const { password } = values;
  const invalid: CredentialField[] = [];
  if (!lengthIn(username, 1, 64)) invalid.push('username');
  if (!lengthIn(password, 1, 256)) invalid.push('password');
  return invalid.length ? { data: null, invalid } : { data: { username, password }, invalid: null };
}

// What counts as invalid text in a request, wherever it comes from (JSON body, query string, route parameter, CSV
// cell, multipart field): a NUL character, which PostgreSQL cannot store in text (it used to surface as a 500), and
// an unpaired UTF-16 surrogate, which is not a character at all (the driver would silently turn it into U+FFFD).
// The guard, the upload reader and the CSV import call these before anything reaches the database.

import { DomainError } from '../errors/domain-error';

const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const hex = (code: number) => `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;

/** Why this string is not valid text, in words, or null when it is fine. */
export function textProblem(value: string): string | null {
  if (value.includes('\u0000')) return 'contains a NUL character (U+0000)';
  const surrogate = UNPAIRED_SURROGATE.exec(value);
  if (surrogate) return `contains an unpaired surrogate (${hex(surrogate[0].charCodeAt(0))}), which is not valid text`;
  return null;
}

export interface TextIssue {
  /** Dotted path to the value inside its container (`displayName`, `items.2.note`); keys are checked too. */
  path: string;
  problem: string;
}

/**
 * The first invalid string (or object key) in a parsed value, walking arrays and plain objects depth-first in order.
 * Iterative, so a deeply nested body cannot exhaust the stack.
 */
export function findInvalidText(value: unknown, path = ''): TextIssue | null {
  const stack: Array<{ value: unknown; path: string }> = [{ value, path }];
  while (stack.length) {
    const next = stack.pop()!;
    if (typeof next.value === 'string') {
      const problem = textProblem(next.value);
      if (problem) return { path: next.path, problem };
      continue;
    }
    if (next.value === null || typeof next.value !== 'object') continue;
    const isArray = Array.isArray(next.value);
    const entries: Array<[string, unknown]> = isArray
      ? (next.value as unknown[]).map((item, index) => [String(index), item])
      : Object.entries(next.value);
    const children: Array<{ value: unknown; path: string }> = [];
    for (const [key, item] of entries) {
      const itemPath = next.path ? `${next.path}.${key}` : key;
      const keyProblem = isArray ? null : textProblem(key);
      if (keyProblem) return { path: itemPath, problem: `has a key that ${keyProblem}` };
      children.push({ value: item, path: itemPath });
    }
    stack.push(...children.reverse());
  }
  return null;
}

/** Decodes one percent-encoded URL component strictly: null when its bytes are not UTF-8 (or a `%` is malformed). */
export function decodeUrlComponent(raw: string, plusIsSpace: boolean): string | null {
  try {
    return decodeURIComponent(plusIsSpace ? raw.replace(/\+/g, ' ') : raw);
  } catch {
    return null;
  }
}

/** The first invalid parameter of a raw query string (`a=1&q=%00`): its name and what is wrong with it. */
export function findInvalidQueryText(rawQuery: string): TextIssue | null {
  for (const pair of rawQuery.split('&')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    const rawKey = eq < 0 ? pair : pair.slice(0, eq);
    const key = decodeUrlComponent(rawKey, true);
    if (key === null) return { path: rawKey, problem: 'has a name that is not valid percent-encoded UTF-8' };
    const keyProblem = textProblem(key);
    if (keyProblem) return { path: key, problem: `has a name that ${keyProblem}` };
    const value = decodeUrlComponent(eq < 0 ? '' : pair.slice(eq + 1), true);
    if (value === null) return { path: key, problem: 'is not valid percent-encoded UTF-8' };
    const problem = textProblem(value);
    if (problem) return { path: key, problem };
  }
  return null;
}

/** The 400 for invalid text: the message names where it was; details list it like validation issues. */
export function invalidTextError(where: string, issue: TextIssue): DomainError {
  return new DomainError('invalid', `Invalid text in ${where}: ${issue.problem}`, {
    issues: [{ path: issue.path, message: issue.problem, code: 'invalid_text' }],
  });
}

// Machine-readable zone per ICAO Doc 9303 part 3–5: building TD1/TD3 lines with their check digits, and checking
// lines with the `mrz` package plus FirstLine's registry of fictional training states.
import { isTrainingState } from '@firstline/contracts';
import type { ParseResult } from 'mrz';

type MrzModule = typeof import('mrz');

/**
 * The `mrz` package is ESM-only. The build ships a CommonJS copy of it in dist/vendor/mrz (scripts/vendor-mrz.cjs)
 * so that CommonJS consumers, Jest included, can load forge; from the sources (forge's own tests) the package is
 * required directly.
 */
function loadMrz(): MrzModule {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require('./vendor/mrz/index.js') as MrzModule;
  } catch {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require('mrz') as MrzModule;
  }
}

const { parse, states: icaoStates } = loadMrz();

export type MrzFormat = 'TD1' | 'TD2' | 'TD3';

const LINE_SHAPES: Record<string, MrzFormat> = { '2x44': 'TD3', '2x36': 'TD2', '3x30': 'TD1' };

/** Character value for check digits: digits 0–9, A–Z 10–35, filler 0. */
export function mrzCharValue(ch: string): number {
  if (ch === '<') return 0;
  const c = ch.charCodeAt(0);
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 90) return c - 55;
  throw new MrzFormatError('charset', `invalid MRZ character ${JSON.stringify(ch)}`);
}

/** Check digit per Doc 9303 part 3 §4.9: weights 7, 3, 1 repeating, sum modulo 10. */
export function checkDigit(field: string): string {
  const weights = [7, 3, 1];
  let sum = 0;
  for (let i = 0; i < field.length; i++) sum += mrzCharValue(field[i]) * weights[i % 3];
  return String(sum % 10);
}

/** Upper-case, transliterate the few Latin-1 letters forge uses, and turn separators into fillers. */
export function mrzText(text: string): string {
  const map: Record<string, string> = {
    Ä: 'AE',
    Ö: 'OE',
    Ü: 'UE',
    ß: 'SS',
    Å: 'AA',
    Æ: 'AE',
    Ø: 'OE',
    É: 'E',
    È: 'E',
    Ê: 'E',
    Á: 'A',
    Í: 'I',
    Ó: 'O',
    Ú: 'U',
    Ý: 'Y',
    Ç: 'C',
    Ñ: 'N',
  };
  return text
    .toUpperCase()
    .split('')
    .map((c) => map[c] ?? c)
    .join('')
    .replace(/[\s\-',.]+/g, '<')
    .replace(/[^A-Z0-9<]/g, '');
}

export function pad(text: string, length: number): string {
  return (text + '<'.repeat(length)).slice(0, length);
}

/** Primary and secondary identifiers: SURNAME<<GIVEN<NAMES, truncated to the field width. */
export function mrzName(surname: string, givenNames: string, length: number): string {
  const s = mrzText(surname);
  const g = mrzText(givenNames);
  return pad(g ? `${s}<<${g}` : s, length);
}

/** YYYY-MM-DD → YYMMDD. */
export function mrzDate(iso: string): string {
  return iso.slice(2, 4) + iso.slice(5, 7) + iso.slice(8, 10);
}

export interface MrzData {
  documentCode: string; // 'P<' for passports, 'I<' / 'ID' for cards
  issuingState: string;
  surname: string;
  givenNames: string;
  documentNumber: string;
  nationality: string;
  dateOfBirth: string; // YYYY-MM-DD
  sex: 'F' | 'M' | 'X';
  dateOfExpiry: string; // YYYY-MM-DD
  /** TD3 personal number (14) or TD1 optional data (15 + 11). */
  optional?: string;
  optional2?: string;
}

export function td3Lines(d: MrzData): [string, string] {
  const line1 = pad(d.documentCode, 2) + pad(d.issuingState, 3) + mrzName(d.surname, d.givenNames, 39);
  const num = pad(mrzText(d.documentNumber), 9);
  const dob = mrzDate(d.dateOfBirth);
  const exp = mrzDate(d.dateOfExpiry);
  const personal = pad(mrzText(d.optional ?? ''), 14);
  const personalCd = /^<+$/.test(personal) ? '<' : checkDigit(personal);
  const sex = d.sex === 'X' ? '<' : d.sex;
  const upper =
    num +
    checkDigit(num) +
    pad(d.nationality, 3) +
    dob +
    checkDigit(dob) +
    sex +
    exp +
    checkDigit(exp) +
    personal +
    personalCd;
  const composite = checkDigit(upper.slice(0, 10) + upper.slice(13, 20) + upper.slice(21, 43));
  return [line1, upper + composite];
}

export function td1Lines(d: MrzData): [string, string, string] {
  const num = pad(mrzText(d.documentNumber), 9);
  const line1 =
    pad(d.documentCode, 2) + pad(d.issuingState, 3) + num + checkDigit(num) + pad(mrzText(d.optional ?? ''), 15);
  const dob = mrzDate(d.dateOfBirth);
  const exp = mrzDate(d.dateOfExpiry);
  const sex = d.sex === 'X' ? '<' : d.sex;
  const l2 =
    dob + checkDigit(dob) + sex + exp + checkDigit(exp) + pad(d.nationality, 3) + pad(mrzText(d.optional2 ?? ''), 11);
  const composite = checkDigit(line1.slice(5, 30) + l2.slice(0, 7) + l2.slice(8, 15) + l2.slice(18, 29));
  return [line1, l2 + composite, mrzName(d.surname, d.givenNames, 30)];
}

/** Malformed MRZ input (not a failed check: those are reported in the result). */
export class MrzFormatError extends Error {
  constructor(
    readonly reason: 'empty' | 'line-count' | 'line-length' | 'charset' | 'unparseable',
    message: string,
  ) {
    super(message);
    this.name = 'MrzFormatError';
  }
}

export interface MrzFieldCheck {
  field: string;
  label: string;
  valid: boolean;
  /** True for check digits (document number, birth date, expiry, personal number, composite). */
  checkDigit: boolean;
  value: string | null;
  error?: string;
}

export interface MrzCheckResult {
  valid: boolean;
  format: MrzFormat;
  fields: Record<string, string | null>;
  checks: MrzFieldCheck[];
  /** Names of the fields whose check digit fails. */
  failedChecks: string[];
  /** A state code in neither the ICAO list nor FirstLine's training states: a pseudo-document tell. */
  unknownState?: boolean;
  unknownStateCodes?: string[];
}

const STATE_FIELDS = new Set(['issuingState', 'nationality']);

export function isKnownStateCode(code: string): boolean {
  return isTrainingState(code) || Object.prototype.hasOwnProperty.call(icaoStates, code);
}

/**
 * Check MRZ lines (array or newline-separated string). Throws MrzFormatError for input that is not an MRZ at all;
 * returns per-field and check-digit results otherwise. Training-state codes (UTO, ARC, BRG) are accepted.
 */
export function checkMrz(input: string | readonly string[]): MrzCheckResult {
  const lines = (typeof input === 'string' ? input.split(/\r?\n/) : [...input])
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  if (lines.length === 0) throw new MrzFormatError('empty', 'no MRZ lines given');
  if (lines.length !== 2 && lines.length !== 3) {
    throw new MrzFormatError('line-count', `an MRZ has 2 (TD2, TD3) or 3 (TD1) lines, got ${lines.length}`);
  }
  for (const [i, l] of lines.entries()) {
    if (!/^[A-Z0-9<]+$/.test(l))
      throw new MrzFormatError('charset', `line ${i + 1} has characters outside A–Z, 0–9 and <`);
  }
  const shape = `${lines.length}x${lines[0].length}`;
  const format = LINE_SHAPES[shape];
  if (!format || lines.some((l) => l.length !== lines[0].length)) {
    throw new MrzFormatError(
      'line-length',
      `lines of ${lines.map((l) => l.length).join('/')} characters: expected 2×44 (TD3), 2×36 (TD2) or 3×30 (TD1)`,
    );
  }
  let parsed: ParseResult;
  try {
    parsed = parse(lines);
  } catch (e) {
    throw new MrzFormatError('unparseable', `MRZ could not be parsed: ${(e as Error).message}`);
  }
  const fields: Record<string, string | null> = { ...parsed.fields };
  const unknown = new Set<string>();
  const checks: MrzFieldCheck[] = parsed.details.map((d) => {
    let valid = d.valid;
    let value = d.value;
    let error = d.error;
    if (d.field && STATE_FIELDS.has(d.field)) {
      const raw = (d.ranges[0] as { raw?: string } | undefined)?.raw ?? '';
      const code = raw;
      if (!valid && isTrainingState(code)) {
        valid = true;
        value = code;
        error = undefined;
        fields[d.field] = code;
      } else if (!isKnownStateCode(code)) unknown.add(code);
    }
    const check: MrzFieldCheck = {
      field: d.field ?? d.label,
      label: d.label,
      valid,
      checkDigit: /CheckDigit$/.test(d.field ?? ''),
      value,
    };
    if (error) check.error = error;
    return check;
  });
  const result: MrzCheckResult = {
    valid: checks.every((c) => c.valid),
    format,
    fields,
    checks,
    failedChecks: checks.filter((c) => c.checkDigit && !c.valid).map((c) => c.field),
  };
  if (unknown.size) {
    result.unknownState = true;
    result.unknownStateCodes = [...unknown];
  }
  return result;
}

// Holders and document data: names, dates, numbers and places drawn from a seed, in the style of each state.
import { Rng } from './prng';
import type { StateDesign } from './states';

export type DocumentFormat = 'TD1' | 'TD3';

/** Every exercise is set on this day: documents are checked against it (expiry, alerts). */
export const REFERENCE_DATE = '2025-06-02';

export interface Holder {
  surname: string;
  givenNames: string;
  sex: 'F' | 'M';
  dateOfBirth: string;
  placeOfBirth: string;
  nationality: string;
  /** TD1 back / TD3 optional personal number ('' when the state has none). */
  personalNumber: string;
  heightCm: number;
  eyes: string;
  address: string;
}

export interface DocumentData {
  documentCode: string;
  documentNumber: string;
  issuingState: string;
  dateOfIssue: string;
  dateOfExpiry: string;
  authority: string;
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const MONTHS_LOCAL = ['JAN', 'FEB', 'MRT', 'APR', 'MEI', 'JUN', 'JUL', 'AUG', 'SEP', 'OKT', 'NOV', 'DEC'];

function isoDate(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function addYears(iso: string, years: number, days = 0): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function randomDate(rng: Rng, fromYear: number, toYear: number): string {
  const y = rng.int(fromYear, toYear);
  const m = rng.int(1, 12);
  return isoDate(y, m, rng.int(1, daysInMonth(y, m)));
}

/** VIZ date in the state's style. */
export function vizDate(iso: string, style: StateDesign['dateStyle']): string {
  const [y, m, d] = iso.split('-').map(Number);
  switch (style) {
    case 'dd.mm.yyyy':
      return `${String(d).padStart(2, '0')}.${String(m).padStart(2, '0')}.${y}`;
    case 'dd-mon-yy-bilingual':
      return `${String(d).padStart(2, '0')} ${MONTHS[m - 1]}/${MONTHS_LOCAL[m - 1]} ${String(y).slice(2)}`;
    default:
      return `${String(d).padStart(2, '0')} ${MONTHS[m - 1]} ${y}`;
  }
}

function fromPattern(rng: Rng, pattern: string): string {
  let out = '';
  for (const ch of pattern) {
    if (ch === '9') out += String(rng.int(0, 9));
    else if (ch === 'L') out += String.fromCharCode(65 + rng.int(0, 25));
    else out += ch;
  }
  return out;
}

export function documentNumber(rng: Rng, design: StateDesign, format: DocumentFormat): string {
  return fromPattern(rng, design.numberPattern[format]);
}

export function makeHolder(rng: Rng, design: StateDesign, sexHint?: 'F' | 'M'): Holder {
  const sex = sexHint ?? (rng.bool() ? 'F' : 'M');
  const surname = rng.pick(design.surnames.prefix) + rng.pick(design.surnames.suffix);
  const given = rng.bool(0.35)
    ? `${rng.pick(design.given[sex])} ${rng.pick(design.given[sex])}`
    : rng.pick(design.given[sex]);
  const givenNames = given
    .split(' ')
    .filter((g, i, a) => a.indexOf(g) === i)
    .join(' ');
  const dob = randomDate(rng, 1948, 2006);
  const personal = design.personalNumber ? `${dob.replace(/-/g, '').slice(2)}${fromPattern(rng, '99999')}` : '';
  return {
    surname,
    givenNames,
    sex,
    dateOfBirth: dob,
    placeOfBirth: rng.pick(design.places),
    nationality: design.code,
    personalNumber: personal,
    heightCm: sex === 'F' ? rng.int(152, 182) : rng.int(162, 196),
    eyes: rng.pick(['BROWN', 'BLUE', 'GREEN', 'GREY', 'HAZEL']),
    address:
      `${rng.int(1, 180)} ${rng.pick(['HARBOUR', 'MILL', 'ORCHARD', 'CHAPEL', 'LINDEN', 'CASTLE', 'RIVER'])} ` +
      `${rng.pick(['STREET', 'ROAD', 'LANE', 'SQUARE'])}, ${rng.pick(design.places)}`,
  };
}

export function makeDocumentData(rng: Rng, design: StateDesign, format: DocumentFormat, holder: Holder): DocumentData {
  // Issued within the validity period before the reference date, so every genuine document is valid "today".
  const validity = format === 'TD3' ? 10 : 10;
  const ref = new Date(`${REFERENCE_DATE}T00:00:00Z`).getTime();
  const dayMs = 86400000;
  const minAge = new Date(`${addYears(holder.dateOfBirth, 16)}T00:00:00Z`).getTime();
  const earliest = Math.max(ref - (validity * 365 - 40) * dayMs, minAge);
  const latest = ref - 20 * dayMs;
  const issued = new Date(earliest + Math.floor(rng.next() * Math.max(1, (latest - earliest) / dayMs)) * dayMs);
  const dateOfIssue = issued.toISOString().slice(0, 10);
  return {
    documentCode: format === 'TD3' ? 'P<' : 'I<',
    documentNumber: documentNumber(rng, design, format),
    issuingState: design.code,
    dateOfIssue,
    dateOfExpiry: addYears(dateOfIssue, validity, -1),
    authority: design.authority,
  };
}

// Writing CSV that spreadsheet programs open safely: UTF-8 with a byte-order mark (so Excel reads Urdu names as
// UTF-8), RFC 4180 quoting, CRLF line ends, and formula neutralising — a cell that starts with `=`, `+`, `-`, `@`, a
// tab or a carriage return is prefixed with an apostrophe, so `=HYPERLINK(…)` stays text (OWASP "CSV injection").
// Numbers are written as numbers: a negative d′ is data, not a formula.

export type CsvValue = string | number | boolean | null | undefined | Date;

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell as text: strings that could start a formula are neutralised; quoted where RFC 4180 requires it. */
export function csvCell(value: CsvValue): string {
  let text: string;
  if (value === null || value === undefined) text = '';
  else if (value instanceof Date) text = value.toISOString();
  else if (typeof value === 'number') text = Number.isFinite(value) ? String(value) : '';
  else if (typeof value === 'boolean') text = value ? 'true' : 'false';
  else text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole CSV document: BOM, a header row, then one row per record. */
export function toCsv(header: readonly string[], rows: Iterable<readonly CsvValue[]>): string {
  const lines = [header.map(csvCell).join(',')];
  for (const row of rows) lines.push(row.map(csvCell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

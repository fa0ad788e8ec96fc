// CSV the web app writes for download (the trainees' initial passwords, the import template): the same rules as the
// API's writer (apps/api/src/common/csv/csv.ts) — UTF-8 with a byte-order mark so Excel reads Urdu names, RFC 4180
// quoting, CRLF line ends, and formula neutralising: a cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage
// return is prefixed with an apostrophe, so a name like `=HYPERLINK(…)` stays text (OWASP "CSV injection").

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell as text: neutralised if it could start a formula; quoted where RFC 4180 requires it. */
export function csvCell(value: string): string {
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole CSV document: BOM, a header row, then one row per record. */
export function toCsv(header: readonly string[], rows: Iterable<readonly string[]>): string {
  const lines = [header.map(csvCell).join(',')];
  for (const row of rows) lines.push(row.map(csvCell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** Offers a CSV document to the browser as a file download. */
export function downloadCsv(filename: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

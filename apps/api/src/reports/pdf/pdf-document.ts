// The page every PDF report shares: language and direction, the embedded fonts, the print style sheet and the
// header (title, subject, filters, date). A Content-Security-Policy forbids scripts and any fetch but data: fonts.
import type { AppliedFilters, Language } from '@firstline/contracts';
import { html, trusted, type SafeHtml } from './html';
import { fontFaceCss, LATIN_FAMILY, URDU_FAMILY } from './pdf-fonts';
import type { PdfFormat } from './pdf-format';
import type { PdfDictionary } from './pdf-labels';

export type PageOrientation = 'portrait' | 'landscape';

const STYLE = `
@page { size: A4 var(--orientation); margin: 14mm 12mm 16mm; }
* { box-sizing: border-box; }
html { font-family: '${LATIN_FAMILY}', '${URDU_FAMILY}', sans-serif; font-size: 8.6pt; color: #1a2230; }
/* Nastaliq's swashes reach past the line's ends: a little room keeps them off the page's clip. */
body { margin: 0; padding: 0 4pt; line-height: 1.45; }
html[lang="ur"] { font-size: 8.4pt; }
html[lang="ur"] body { line-height: 1.9; }
h1 { font-size: 17pt; margin: 0 0 2pt; font-weight: 700; }
h2 { break-after: avoid; font-size: 11.5pt; margin: 14pt 0 5pt; font-weight: 650; border-bottom: 1.2pt solid #1f4e79; padding-bottom: 2pt; }
p { margin: 3pt 0; }
.brand { font-weight: 700; letter-spacing: 0.08em; color: #1f4e79; font-size: 8pt; text-transform: uppercase; }
.subject { font-size: 11pt; margin: 0 0 6pt; }
.meta { display: flex; flex-wrap: wrap; gap: 2pt 16pt; margin: 0; padding: 5pt 8pt; background: #eef3f8; border-radius: 3pt; }
.meta div { display: flex; gap: 4pt; }
.meta dt { color: #4a5668; }
.meta dd { margin: 0; font-weight: 600; }
.note { color: #4a5668; font-size: 7.6pt; }
.figures { display: grid; grid-template-columns: repeat(6, 1fr); gap: 5pt; margin: 6pt 0; }
.figure { border: 0.7pt solid #c9d3df; border-radius: 3pt; padding: 4pt 6pt; break-inside: avoid; }
.figure .label { color: #4a5668; font-size: 7.4pt; display: block; }
.figure .value { font-size: 12.5pt; font-weight: 650; font-variant-numeric: tabular-nums; }
table { border-collapse: collapse; width: 100%; margin: 4pt 0; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { padding: 2.5pt 4pt; border-bottom: 0.5pt solid #d5dde7; text-align: start; vertical-align: middle; }
th { background: #1f4e79; color: #fff; font-weight: 600; font-size: 7.4pt; }
td.num, th.num { text-align: end; font-variant-numeric: tabular-nums; }
td.num { white-space: nowrap; }
td.name { font-weight: 600; }
table.officers { table-layout: fixed; }
table.officers th { vertical-align: bottom; overflow-wrap: anywhere; }
table.officers th:nth-child(1) { width: 2.4%; }
table.officers th:nth-child(2) { width: 13%; }
table.officers td.num { white-space: normal; }
td.name .user { display: block; font-weight: 400; color: #4a5668; font-size: 7pt; }
tr.too-few td { color: #6b7685; }
.flag { display: inline-block; font-size: 6.8pt; font-weight: 500; color: #8a4b00; }
.warn { color: #a02020; font-weight: 650; }
.cell { text-align: center; font-variant-numeric: tabular-nums; }
.cell .n { display: block; font-size: 6.4pt; opacity: 0.8; }
.cell.empty { background: #f6f7f9; color: #9aa3ad; }
.keep, .side-by-side { break-inside: avoid; }
.side-by-side { display: flex; gap: 14pt; align-items: flex-start; }
.side-by-side > .text { flex: 1; }
svg.decision-space { flex: none; }
svg .grid { stroke: #e1e7ee; stroke-width: 0.6; }
svg .chance { stroke: #9aa3ad; stroke-width: 0.8; stroke-dasharray: 3 2; }
svg .iso { fill: none; stroke: #7fa6c9; stroke-width: 0.8; }
svg .iso-label { font-size: 6px; fill: #5c7d9c; }
svg .tick { font-size: 6.5px; fill: #4a5668; }
svg .axis { font-size: 7.5px; fill: #1a2230; }
svg .dot { fill: #1f4e79; stroke: #fff; stroke-width: 0.6; }
svg .dot.faint { fill: #fff; stroke: #7b8794; stroke-width: 0.9; }
svg .dot-label { font-size: 6px; fill: #1a2230; }
.ltr { direction: ltr; unicode-bidi: isolate; }
.nowrap { white-space: nowrap; }
`;

export interface DocumentHead {
  title: string;
  subject: SafeHtml | string;
  meta: Array<[string, string]>;
}

/** The full HTML document of a report. */
export function pdfDocument(lang: Language, orientation: PageOrientation, head: DocumentHead, body: SafeHtml): string {
  return html`<!doctype html>
    <html lang="${lang}" dir="${lang === 'ur' ? 'rtl' : 'ltr'}">
      <head>
        <meta charset="utf-8" />
        <meta
          http-equiv="Content-Security-Policy"
          content="default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:"
        />
        <title>${head.title}</title>
        <style>
          ${trusted(fontFaceCss())}${trusted(STYLE.replace('var(--orientation)', orientation))}
        </style>
      </head>
      <body>
        <header>
          <div class="brand">FirstLine</div>
          <h1>${head.title}</h1>
          <p class="subject">${head.subject}</p>
          <dl class="meta">
            ${head.meta.map(
              ([label, value]) =>
                html`<div>
                  <dt>${label}</dt>
                  <dd>${value}</dd>
                </div>`,
            )}
          </dl>
        </header>
        ${body}
      </body>
    </html>`.markup;
}

/** The header's filter lines: period, module (by title, when one is chosen) and when the report was made. */
export function filterMeta(
  filters: AppliedFilters,
  moduleTitle: string | null,
  generatedAt: Date,
  t: PdfDictionary,
  f: PdfFormat,
): Array<[string, string]> {
  let period = t.allDates;
  if (filters.from && filters.to) period = `${f.date(filters.from)} – ${f.date(filters.to)}`;
  else if (filters.from) period = t.since.replace('{date}', f.date(filters.from));
  else if (filters.to) period = t.until.replace('{date}', f.date(filters.to));
  return [
    [t.period, period],
    [t.module, filters.moduleId ? (moduleTitle ?? filters.moduleId) : t.allModules],
    [t.generated, f.dateTime(generatedAt.toISOString())],
  ];
}

// Pieces both PDF reports use: the figure tiles of a set of decisions and a heatmap cell.
import type { DecisionFigures, HeatmapCell } from '@firstline/contracts';
import { html, type SafeHtml } from './html';
import type { PdfFormat } from './pdf-format';
import type { PdfDictionary } from './pdf-labels';

const tile = (label: string, value: string, warn = false) =>
  html`<div class="figure">
    <span class="label">${label}</span><span class="value${warn ? ' warn' : ''}">${value}</span>
  </div>`;

/** Count and rate, e.g. "3 · 25%". */
const countAndRate = (f: PdfFormat, count: number, rate: number | null) =>
  rate === null ? f.count(count) : `${f.count(count)} · ${f.rate(rate)}`;

/** The tiles of a set of decisions: SDT figures, errors, accuracy and times. */
export function figureTiles(
  figures: DecisionFigures,
  t: PdfDictionary,
  f: PdfFormat,
  lead: Array<[string, string]> = [],
): SafeHtml {
  return html`<div class="figures">
    ${lead.map(([label, value]) => tile(label, value))} ${tile(t.decisions, f.count(figures.decisions))}
    ${tile(t.hitRate, f.rate(figures.hitRate))} ${tile(t.falseAlarmRate, f.rate(figures.falseAlarmRate))}
    ${tile(t.dPrime, f.measure(figures.dPrime))} ${tile(t.criterion, f.measure(figures.criterion))}
    ${tile(t.missedForgeries, countAndRate(f, figures.misses, figures.missedForgeryRate), figures.misses > 0)}
    ${tile(t.needlessReferrals, countAndRate(f, figures.falseAlarms, figures.needlessReferralRate))}
    ${tile(t.accuracy, f.rate(figures.accuracy))} ${tile(t.meanTime, f.seconds(figures.meanDecisionMs))}
    ${tile(t.medianTime, f.seconds(figures.medianDecisionMs))} ${tile(t.locateAccuracy, f.rate(figures.locateAccuracy))}
    ${tile(t.fraudTypeAccuracy, f.rate(figures.fraudTypeAccuracy))}
  </div>`;
}

/** Background of a cell by its proportion correct: red (0) through amber to green (1), pale enough to print on. */
export function cellColour(proportion: number): string {
  const hue = Math.round(Math.max(0, Math.min(1, proportion)) * 120);
  return `hsl(${hue} 70% 86%)`;
}

export function heatmapCell(cell: HeatmapCell | undefined, t: PdfDictionary, f: PdfFormat): SafeHtml {
  if (!cell || cell.items === 0 || cell.proportion === null) return html`<td class="cell empty"></td>`;
  return html`<td class="cell" style="background:${cellColour(cell.proportion)}">
    ${f.rate(cell.proportion)}<span class="n">${f.count(cell.items)} ${t.items}</span>
  </td>`;
}

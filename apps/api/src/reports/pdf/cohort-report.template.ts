// The cohort report as HTML: cohort figures, the decision-space chart, the officers table and the weak-spot heatmap
// by feature category. Landscape A4; every name and title is escaped by `html`.
import type { CohortOfficersReport, HeatmapReport, Language } from '@firstline/contracts';
import { decisionSpaceChart } from './decision-space-chart';
import { html, type SafeHtml } from './html';
import { filterMeta, pdfDocument } from './pdf-document';
import { pdfFormat, type PdfFormat } from './pdf-format';
import { pdfDictionary, type PdfDictionary } from './pdf-labels';
import { figureTiles, heatmapCell } from './report-sections';

export interface CohortReportData {
  report: CohortOfficersReport;
  heatmap: HeatmapReport;
  lang: Language;
  generatedAt: Date;
}

function officersTable(report: CohortOfficersReport, t: PdfDictionary, f: PdfFormat): SafeHtml {
  if (!report.officers.length) return html`<p>${t.noOfficers}</p>`;
  const rows = report.officers.map(
    (o, i) =>
      html`<tr class="${o.tooFewDecisions ? 'too-few' : ''}">
        <td class="num">${i + 1}</td>
        <td class="name">
          <bdi>${o.name}</bdi
          ><span class="user">${o.username}</span
          >${o.tooFewDecisions ? html`<span class="flag">${t.tooFew}</span>` : ''}
        </td>
        <td class="num">${f.count(o.decisions)}</td>
        <td class="num">${f.rate(o.hitRate)}</td>
        <td class="num">${f.rate(o.falseAlarmRate)}</td>
        <td class="num">${f.count(o.misses)} <span class="note">${f.rate(o.missedForgeryRate)}</span></td>
        <td class="num">${f.count(o.falseAlarms)} <span class="note">${f.rate(o.needlessReferralRate)}</span></td>
        <td class="num">${f.measure(o.dPrime)}</td>
        <td class="num">${f.measure(o.criterion)}</td>
        <td class="num">${f.seconds(o.meanDecisionMs)}</td>
        <td class="num">${f.rate(o.locateAccuracy)}</td>
        <td class="num">${f.rate(o.fraudTypeAccuracy)}</td>
        <td class="num">${f.count(o.attempts)}</td>
        <td class="num">${f.score(o.bestScore)}</td>
        <td class="num">${f.score(o.latestScore)}</td>
        <td class="num">${f.date(o.lastActivityAt)}</td>
        <td class="num">
          ${f.count(o.notStarted)} / <span class="${o.overdue ? 'warn' : ''}">${f.count(o.overdue)}</span>
        </td>
      </tr>`,
  );
  return html`<table class="officers">
    <thead>
      <tr>
        <th class="num">#</th>
        <th>${t.officer}</th>
        <th class="num">${t.decisions}</th>
        <th class="num">${t.hitRate}</th>
        <th class="num">${t.falseAlarmRate}</th>
        <th class="num">${t.missedForgeries}</th>
        <th class="num">${t.needlessReferrals}</th>
        <th class="num">${t.dPrime}</th>
        <th class="num">${t.criterion}</th>
        <th class="num">${t.meanTime}</th>
        <th class="num">${t.locateAccuracy}</th>
        <th class="num">${t.fraudTypeAccuracy}</th>
        <th class="num">${t.attempts}</th>
        <th class="num">${t.best}</th>
        <th class="num">${t.latest}</th>
        <th class="num">${t.lastActivity}</th>
        <th class="num">${t.notStarted} / ${t.overdue}</th>
      </tr>
    </thead>
    <tbody>
      ${rows}
    </tbody>
  </table>`;
}

function heatmapTable(heatmap: HeatmapReport, t: PdfDictionary, f: PdfFormat): SafeHtml {
  if (!heatmap.rows.length || !heatmap.columns.length) return html`<p>${t.noData}</p>`;
  const head = heatmap.columns.map((key) => html`<th class="cell">${t.keyName(heatmap.by, key)}</th>`);
  const rows = heatmap.rows.map(
    (row) =>
      html`<tr>
        <td class="name"><bdi>${row.name}</bdi></td>
        ${row.cells.map((c) => heatmapCell(c, t, f))}
      </tr>`,
  );
  const totals = html`<tr>
    <td class="name">${t.cohortTotal}</td>
    ${heatmap.totals.map((c) => heatmapCell(c, t, f))}
  </tr>`;
  return html`<table class="heatmap">
    <thead>
      <tr>
        <th>${t.officer}</th>
        ${head}
      </tr>
    </thead>
    <tbody>
      ${rows}${totals}
    </tbody>
  </table>`;
}

export function cohortReportHtml({ report, heatmap, lang, generatedAt }: CohortReportData): string {
  const t = pdfDictionary(lang);
  const f = pdfFormat(lang);
  const moduleTitle = report.officers.flatMap((o) => o.modules).find((m) => m.moduleId === report.filters.moduleId);
  const points = report.officers.flatMap((o, i) =>
    o.hitRate === null || o.falseAlarmRate === null
      ? []
      : [{ label: String(i + 1), hitRate: o.hitRate, falseAlarmRate: o.falseAlarmRate, faint: o.tooFewDecisions }],
  );
  const body = html` <section>
      <h2>${t.cohortFigures}</h2>
      ${figureTiles(report.cohortFigures, t, f)}
      <p class="note">${t.measuresNote}</p>
    </section>
    <section class="keep">
      <h2>${t.decisionSpace}</h2>
      <div class="side-by-side">
        ${decisionSpaceChart(points, { falseAlarmRate: t.falseAlarmRate, hitRate: t.hitRate })}
        <div class="text">
          <p>${t.decisionSpaceNote}</p>
          <p class="note">${t.tooFewNote.replace('{n}', f.count(report.minDecisions))}</p>
        </div>
      </div>
    </section>
    <section>
      <h2>${t.officers}</h2>
      ${officersTable(report, t, f)}
    </section>
    <section>
      <h2>${t.heatmap}</h2>
      <p class="note">${t.heatmapNote}</p>
      ${heatmapTable(heatmap, t, f)}
    </section>`;
  return pdfDocument(
    lang,
    'landscape',
    {
      title: t.cohortReport,
      subject: html`${t.cohort}: <strong><bdi>${report.cohort.name}</bdi></strong> · ${t.unit}:
        <bdi>${report.cohort.unitName}</bdi> · ${t.officers}: ${f.count(report.officers.length)}`,
      meta: filterMeta(report.filters, moduleTitle?.title ?? null, generatedAt, t, f),
    },
    body,
  );
}

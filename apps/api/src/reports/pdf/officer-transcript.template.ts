// One officer's transcript as HTML: figures, assigned modules, weak spots, the breakdown by every heatmap dimension,
// and the attempts. Portrait A4; every name and title is escaped by `html`.
import type { Language, OfficerReport } from '@firstline/contracts';
import { html, type SafeHtml } from './html';
import { filterMeta, pdfDocument } from './pdf-document';
import { pdfFormat, type PdfFormat } from './pdf-format';
import { pdfDictionary, type PdfDictionary } from './pdf-labels';
import { figureTiles, heatmapCell } from './report-sections';

export interface TranscriptData {
  report: OfficerReport;
  /** The cohort the report is narrowed to, when it is. */
  cohortName: string | null;
  lang: Language;
  generatedAt: Date;
}

function modulesTable(report: OfficerReport, t: PdfDictionary, f: PdfFormat): SafeHtml {
  const modules = report.competence.modules;
  if (!modules.length) return html``;
  return html`<h2>${t.modules}</h2>
    <table>
      <thead>
        <tr>
          <th>${t.module}</th>
          <th>${t.mode}</th>
          <th>${t.standing}</th>
          <th class="num">${t.attempts}</th>
          <th class="num">${t.best}</th>
        </tr>
      </thead>
      <tbody>
        ${modules.map(
          (m) =>
            html`<tr>
              <td><bdi>${m.title}</bdi></td>
              <td>${t.modeName(m.mode)}</td>
              <td class="${m.standing === 'overdue' || m.standing === 'failed' ? 'warn' : ''}">
                ${t.standingName(m.standing)}
              </td>
              <td class="num">${f.count(m.attempts)}</td>
              <td class="num">${f.score(m.bestScore)}</td>
            </tr>`,
        )}
      </tbody>
    </table>`;
}

function weakSpots(report: OfficerReport, t: PdfDictionary, f: PdfFormat): SafeHtml {
  if (!report.weakSpots.length)
    return html`<h2>${t.weakSpots}</h2>
      <p>${t.noWeakSpots}</p>`;
  return html`<h2>${t.weakSpots}</h2>
    <table>
      <thead>
        <tr>
          <th>${t.breakdown}</th>
          <th></th>
          <th class="num">${t.accuracy}</th>
          <th class="num">${t.items}</th>
        </tr>
      </thead>
      <tbody>
        ${report.weakSpots.map(
          (w) =>
            html`<tr>
              <td>${t.dimensionName(w.by)}</td>
              <td class="name">${t.keyName(w.by, w.cell.key)}</td>
              <td class="num warn">${f.rate(w.cell.proportion)}</td>
              <td class="num">${f.count(w.cell.items)}</td>
            </tr>`,
        )}
      </tbody>
    </table>`;
}

function breakdown(report: OfficerReport, t: PdfDictionary, f: PdfFormat): SafeHtml {
  const groups = report.breakdown.filter((b) => b.cells.some((c) => c.items > 0));
  if (!groups.length) return html``;
  return html`<h2>${t.breakdown}</h2>
    ${groups.map(
      (b) =>
        html`<table class="breakdown">
          <thead>
            <tr>
              <th>${t.dimensionName(b.by)}</th>
              ${b.cells.map((c) => html`<th class="cell">${t.keyName(b.by, c.key)}</th>`)}
            </tr>
          </thead>
          <tbody>
            <tr>
              <td>${t.accuracy}</td>
              ${b.cells.map((c) => heatmapCell(c, t, f))}
            </tr>
          </tbody>
        </table>`,
    )}
    <p class="note">${t.heatmapNote}</p>`;
}

function attemptsTable(report: OfficerReport, t: PdfDictionary, f: PdfFormat): SafeHtml {
  if (!report.attempts.length)
    return html`<h2>${t.attempts}</h2>
      <p>${t.noAttempts}</p>`;
  return html`<h2>${t.attempts}</h2>
    <table>
      <thead>
        <tr>
          <th>${t.module}</th>
          <th>${t.mode}</th>
          <th class="num">${t.started}</th>
          <th class="num">${t.finished}</th>
          <th class="num">${t.score}</th>
          <th>${t.result}</th>
        </tr>
      </thead>
      <tbody>
        ${report.attempts.map((a) => {
          const result =
            a.status === 'in-progress' ? t.inProgress : a.passed === null ? '' : a.passed ? t.passed : t.failed;
          return html`<tr>
            <td><bdi>${a.moduleTitle}</bdi></td>
            <td>${t.modeName(a.mode)}</td>
            <td class="num">${f.dateTime(a.startedAt)}</td>
            <td class="num">${f.dateTime(a.finishedAt)}</td>
            <td class="num">${f.score(a.score)}</td>
            <td class="nowrap ${a.passed === false ? 'warn' : ''}">${result}</td>
          </tr>`;
        })}
      </tbody>
    </table>`;
}

export function officerTranscriptHtml({ report, cohortName, lang, generatedAt }: TranscriptData): string {
  const t = pdfDictionary(lang);
  const f = pdfFormat(lang);
  const c = report.competence;
  const moduleTitle =
    c.modules.find((m) => m.moduleId === report.filters.moduleId)?.title ??
    report.attempts.find((a) => a.moduleId === report.filters.moduleId)?.moduleTitle ??
    null;
  const meta = filterMeta(report.filters, moduleTitle, generatedAt, t, f);
  meta.splice(2, 0, [t.cohort, cohortName ?? t.allCohorts]);
  const judged = c.tooFewDecisions
    ? html`<p class="flag">${t.tooFew} — ${t.tooFewNote.replace('{n}', f.count(report.minDecisions))}</p>`
    : html``;
  const body = html` <section>
      <h2>${t.figures}</h2>
      ${judged}
      ${figureTiles(c, t, f, [
        [t.attempts, f.count(c.attempts)],
        [t.best, f.score(c.bestScore)],
        [t.latest, f.score(c.latestScore)],
        [t.lastActivity, f.date(c.lastActivityAt)],
        [t.notStarted, f.count(c.notStarted)],
        [t.overdue, f.count(c.overdue)],
      ])}
      <p class="note">${t.measuresNote}</p>
    </section>
    <section>${modulesTable(report, t, f)}</section>
    <section>${weakSpots(report, t, f)}</section>
    <section>${breakdown(report, t, f)}</section>
    <section>${attemptsTable(report, t, f)}</section>`;
  return pdfDocument(
    lang,
    'portrait',
    {
      title: t.officerTranscript,
      subject: html`<strong><bdi>${report.officer.name}</bdi></strong> · ${t.username}:
        <span class="ltr">${report.officer.username}</span>`,
      meta,
    },
    body,
  );
}

// The reports' tables as CSV documents (through common/csv: BOM, quoting, formula neutralising) and their file
// names (plain ASCII, safe in a Content-Disposition header). Pure.
import type {
  CohortOfficersReport,
  DecisionFigures,
  HeatmapReport,
  ItemAnalysis,
  OfficerReport,
  TrendPoint,
  TrendsReport,
  UnitReport,
} from '@firstline/contracts';
import { toCsv, type CsvValue } from '../common/csv/csv';

/** A CSV file as a report export answers it. */
export interface CsvFile {
  filename: string;
  body: string;
}

const FIGURE_COLUMNS = [
  'decisions',
  'hits',
  'misses',
  'falseAlarms',
  'correctRejections',
  'hitRate',
  'falseAlarmRate',
  'missedForgeryRate',
  'needlessReferralRate',
  'dPrime',
  'criterion',
  'accuracy',
  'meanDecisionMs',
  'medianDecisionMs',
  'locateAccuracy',
  'fraudTypeAccuracy',
] as const satisfies ReadonlyArray<keyof DecisionFigures>;

const figures = (f: DecisionFigures): CsvValue[] => FIGURE_COLUMNS.map((k) => f[k]);

/** `name` as a file-name part: ASCII letters, digits and hyphens (a name in Urdu script leaves `fallback`). */
export function fileSlug(name: string, fallback: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[^\x20-\x7e]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return slug || fallback;
}

const day = () => new Date().toISOString().slice(0, 10);

export function officersCsv(report: CohortOfficersReport): CsvFile {
  const header = [
    'username',
    'name',
    ...FIGURE_COLUMNS,
    'attempts',
    'bestScore',
    'latestScore',
    'lastActivityAt',
    'tooFewDecisions',
    'notStarted',
    'overdue',
  ];
  const rows = report.officers.map((o) => [
    o.username,
    o.name,
    ...figures(o),
    o.attempts,
    o.bestScore,
    o.latestScore,
    o.lastActivityAt,
    o.tooFewDecisions,
    o.notStarted,
    o.overdue,
  ]);
  const slug = fileSlug(report.cohort.name, report.cohort.id.slice(0, 8));
  return { filename: `officers-${slug}-${day()}.csv`, body: toCsv(header, rows) };
}

/** One row per officer (and the cohort's totals last): per column the proportion correct and the items behind it. */
export function heatmapCsv(report: HeatmapReport): CsvFile {
  const header = ['username', 'name', ...report.columns.flatMap((c) => [c, `${c} items`])];
  const cells = (list: HeatmapReport['totals']) => list.flatMap((c) => [c.proportion, c.items]);
  const rows = [
    ...report.rows.map((r) => [r.username, r.name, ...cells(r.cells)]),
    ['', `${report.cohort.name} (all officers)`, ...cells(report.totals)],
  ];
  const slug = fileSlug(report.cohort.name, report.cohort.id.slice(0, 8));
  const by = report.by.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  return { filename: `heatmap-${by}-${slug}-${day()}.csv`, body: toCsv(header, rows) };
}

export function trendsCsv(report: TrendsReport): CsvFile {
  const header = ['series', 'weekStart', 'decisions', 'accuracy', 'dPrime', 'meanDecisionMs'];
  const line = (series: string, w: TrendPoint) => [
    series,
    w.weekStart,
    w.decisions,
    w.accuracy,
    w.dPrime,
    w.meanDecisionMs,
  ];
  const rows = [
    ...report.cohortWeeks.map((w) => line(report.cohort.name, w)),
    ...(report.officer?.weeks.map((w) => line(report.officer!.name, w)) ?? []),
  ];
  const slug = fileSlug(report.cohort.name, report.cohort.id.slice(0, 8));
  return { filename: `trends-${slug}-${day()}.csv`, body: toCsv(header, rows) };
}

export function unitCsv(report: UnitReport): CsvFile {
  const header = ['cohort', 'officers', ...FIGURE_COLUMNS, 'passedLatestAssessment', 'notStarted', 'overdue'];
  const rows = report.cohorts.map((c) => [
    c.name,
    c.officers,
    ...figures(c),
    c.passedLatestAssessment,
    c.notStarted,
    c.overdue,
  ]);
  const slug = fileSlug(report.unit.name, report.unit.id.slice(0, 8));
  return { filename: `unit-${slug}-${day()}.csv`, body: toCsv(header, rows) };
}

export function attemptsCsv(report: OfficerReport): CsvFile {
  const header = ['username', 'name', 'module', 'mode', 'status', 'startedAt', 'finishedAt', 'score', 'passed'];
  const { username, name } = report.officer;
  const rows = report.attempts.map((a) => [
    username,
    name,
    a.moduleTitle,
    a.mode,
    a.status,
    a.startedAt,
    a.finishedAt,
    a.score,
    a.passed,
  ]);
  const slug = fileSlug(username, report.officer.userId.slice(0, 8));
  return { filename: `attempts-${slug}-${day()}.csv`, body: toCsv(header, rows) };
}

/** The item analysis' items table, one row per pool item in pool order; flags space-separated. */
export function itemAnalysisCsv(analysis: ItemAnalysis): CsvFile {
  const header = [
    'position',
    'title',
    'exerciseVersion',
    'current',
    'issuingState',
    'verdict',
    'fraudType',
    'responses',
    'facility',
    'sd',
    'randomGuessScore',
    'intendedWeight',
    'effectiveWeight',
    'discriminationIndex',
    'discriminativeEfficiency',
    'raschDifficulty',
    'meanDecisionMs',
    'flags',
  ];
  const rows = analysis.items.map((i) => [
    i.position,
    i.title,
    i.exerciseVersion,
    i.current,
    i.issuingState,
    i.verdict,
    i.fraudType,
    i.responses,
    i.facility,
    i.sd,
    i.randomGuessScore,
    i.intendedWeight,
    i.effectiveWeight,
    i.discriminationIndex,
    i.discriminativeEfficiency,
    i.raschDifficulty ?? (i.raschExtreme === 'all-right' ? '-inf' : i.raschExtreme === 'all-wrong' ? '+inf' : null),
    i.meanDecisionMs,
    i.flags.join(' '),
  ]);
  const slug = fileSlug(analysis.moduleTitle, analysis.moduleId.slice(0, 8));
  return { filename: `item-analysis-${slug}-v${analysis.version}-${day()}.csv`, body: toCsv(header, rows) };
}

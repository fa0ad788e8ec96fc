// Sample report data for the template and renderer specs: a small cohort with an Urdu name, a name that is markup,
// an officer with too few decisions, and one with no decisions at all.
import type {
  CohortOfficersReport,
  DecisionFigures,
  HeatmapReport,
  OfficerCompetence,
  OfficerReport,
} from '@firstline/contracts';

const ids = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function figures(hits: number, misses: number, falseAlarms: number, correctRejections: number): DecisionFigures {
  const fraud = hits + misses;
  const genuine = falseAlarms + correctRejections;
  const decisions = fraud + genuine;
  return {
    decisions,
    hits,
    misses,
    falseAlarms,
    correctRejections,
    hitRate: fraud ? hits / fraud : null,
    falseAlarmRate: genuine ? falseAlarms / genuine : null,
    missedForgeryRate: fraud ? misses / fraud : null,
    needlessReferralRate: genuine ? falseAlarms / genuine : null,
    dPrime: fraud && genuine ? 1.23 : null,
    criterion: fraud && genuine ? -0.41 : null,
    accuracy: decisions ? (hits + correctRejections) / decisions : null,
    meanDecisionMs: decisions ? 8400 : null,
    medianDecisionMs: decisions ? 7900 : null,
    locateAccuracy: decisions ? 0.62 : null,
    fraudTypeAccuracy: decisions ? 0.48 : null,
  };
}

function officer(n: number, name: string, f: DecisionFigures): OfficerCompetence {
  return {
    ...f,
    userId: ids(n),
    username: `trainee${String(n).padStart(2, '0')}`,
    name,
    attempts: f.decisions ? 3 : 0,
    bestScore: f.decisions ? 81.5 : null,
    latestScore: f.decisions ? 74 : null,
    lastActivityAt: f.decisions ? '2026-11-20T10:00:00.000Z' : null,
    tooFewDecisions: f.decisions < 20,
    modules: [
      {
        assignmentId: ids(900),
        moduleId: ids(901),
        title: 'First-line assessment — timed',
        mode: 'assessment',
        closesAt: '2026-12-30T00:00:00.000Z',
        standing: f.decisions ? 'passed' : 'overdue',
        attempts: f.decisions ? 1 : 0,
        bestScore: f.decisions ? 81.5 : null,
      },
    ],
    notStarted: f.decisions ? 0 : 2,
    overdue: f.decisions ? 0 : 1,
  };
}

export const SAMPLE_NAMES = { urdu: 'حمزہ قریشی', markup: '<script>alert("x")</script> Khan', plain: 'Sana Butt' };

const cohort = {
  id: ids(100),
  name: 'Islamabad Intake 2026-A',
  unitId: ids(101),
  unitName: 'Islamabad International Airport — Immigration',
};
const filters = { from: '2026-10-01T00:00:00.000Z', to: '2026-11-30T23:59:59.999Z', moduleId: null, cohortId: null };

export const sampleCohortReport: CohortOfficersReport = {
  cohort,
  filters,
  minDecisions: 20,
  cohortFigures: figures(80, 20, 15, 85),
  officers: [
    officer(4, SAMPLE_NAMES.urdu, figures(30, 5, 4, 31)),
    officer(5, SAMPLE_NAMES.plain, figures(25, 10, 20, 15)),
    officer(6, SAMPLE_NAMES.markup, figures(6, 2, 1, 5)),
    officer(7, 'Zainab Shah', figures(0, 0, 0, 0)),
  ],
};

export const sampleHeatmap: HeatmapReport = {
  cohort,
  filters,
  by: 'featureCategory',
  columns: ['personalisation', 'printed-security-design', 'security-inks', 'substrate'],
  rows: sampleCohortReport.officers.map((o, i) => ({
    userId: o.userId,
    username: o.username,
    name: o.name,
    cells: ['personalisation', 'printed-security-design', 'security-inks', 'substrate'].map((key, j) => {
      const items = i === 3 ? 0 : 4 + j;
      const correct = Math.max(0, items - i - j);
      return { key, items, correct, proportion: items ? correct / items : null };
    }),
  })),
  totals: ['personalisation', 'printed-security-design', 'security-inks', 'substrate'].map((key) => ({
    key,
    items: 20,
    correct: 14,
    proportion: 0.7,
  })),
};

const hamza = sampleCohortReport.officers[0];
export const sampleOfficerReport: OfficerReport = {
  officer: { userId: hamza.userId, username: hamza.username, name: hamza.name },
  filters,
  minDecisions: 20,
  competence: hamza,
  breakdown: [
    { by: 'featureCategory', cells: sampleHeatmap.rows[0].cells },
    {
      by: 'fraudType',
      cells: [
        { key: 'genuine', items: 35, correct: 31, proportion: 31 / 35 },
        { key: 'forged:photo-substitution', items: 10, correct: 3, proportion: 0.3 },
        { key: 'counterfeit', items: 0, correct: 0, proportion: null },
      ],
    },
  ],
  weakSpots: [{ by: 'fraudType', cell: { key: 'forged:photo-substitution', items: 10, correct: 3, proportion: 0.3 } }],
  weeks: [],
  attempts: [
    {
      attemptId: ids(500),
      moduleId: ids(901),
      moduleTitle: 'First-line assessment — timed',
      mode: 'assessment',
      status: 'finished',
      startedAt: '2026-11-20T09:40:00.000Z',
      finishedAt: '2026-11-20T10:00:00.000Z',
      score: 81.5,
      passed: true,
    },
  ],
};

// Contract-shaped competence reports for component tests. Figures are worked through by hand so the screens can be
// checked against them: e.g. 15 hits and 5 misses is a hit rate of 0.75 and a missed-forgery rate of 0.25.
import type {
  CohortOfficersReport,
  DecisionFigures,
  HeatmapItems,
  HeatmapReport,
  OfficerCompetence,
  OfficerReport,
  TrendsReport,
  UnitReport,
} from '@firstline/contracts';

export const COHORT_ID = '5c0d7a3e-8b1f-4c2d-9e3f-000000000001';
export const UNIT_ID = '9a1f0c9e-2b3c-4d5e-8f90-000000000001';
export const MODULE_ID = '8d3f0a21-6b5c-4d4e-9f30-000000000001';
export const ASSIGNMENT_ID = '8d3f0a21-6b5c-4d4e-9f30-000000000009';
const uuid = (n: number) => `3e2a9c1b-7d4f-4b8e-9a6c-${String(n).padStart(12, '0')}`;

const cohortRef = { id: COHORT_ID, name: 'Islamabad Intake 2026-A', unitId: UNIT_ID, unitName: 'ISB-IMM' };
const noFilters = { from: null, to: null, moduleId: null, cohortId: null };

/** SDT figures from the four counts (plain rates; d′ and c as given, they come from libs/scoring in the API). */
export function figures(
  hits: number,
  misses: number,
  falseAlarms: number,
  correctRejections: number,
  over: Partial<DecisionFigures> = {},
): DecisionFigures {
  const fraudulent = hits + misses;
  const genuine = falseAlarms + correctRejections;
  const decisions = fraudulent + genuine;
  return {
    decisions,
    hits,
    misses,
    falseAlarms,
    correctRejections,
    hitRate: fraudulent ? hits / fraudulent : null,
    falseAlarmRate: genuine ? falseAlarms / genuine : null,
    missedForgeryRate: fraudulent ? misses / fraudulent : null,
    needlessReferralRate: genuine ? falseAlarms / genuine : null,
    dPrime: 1,
    criterion: 0,
    accuracy: decisions ? (hits + correctRejections) / decisions : null,
    meanDecisionMs: 8200,
    medianDecisionMs: 7600,
    locateAccuracy: 0.6,
    fraudTypeAccuracy: 0.5,
    ...over,
  };
}

export function makeOfficer(n: number, name: string, f: DecisionFigures, over: Partial<OfficerCompetence> = {}) {
  const officer: OfficerCompetence = {
    ...f,
    userId: uuid(n),
    username: `trainee${String(n).padStart(2, '0')}`,
    name,
    attempts: 3,
    bestScore: 82,
    latestScore: 76,
    lastActivityAt: '2026-11-20T09:30:00Z',
    tooFewDecisions: f.decisions < 20,
    modules: [
      {
        assignmentId: ASSIGNMENT_ID,
        moduleId: MODULE_ID,
        title: 'Final assessment',
        mode: 'assessment',
        closesAt: '2026-12-01T00:00:00Z',
        standing: 'passed',
        attempts: 1,
        bestScore: 82,
      },
    ],
    notStarted: 0,
    overdue: 0,
    ...over,
  };
  return officer;
}

/** Three officers: a steady one, one who refers nearly everything, and a newcomer with too few decisions. */
export const OFFICERS = [
  makeOfficer(1, 'Ayesha Khan', figures(18, 2, 3, 17, { dPrime: 2.28, criterion: 0.05 })),
  makeOfficer(2, 'Bilal Ahmed', figures(19, 1, 14, 6, { dPrime: 0.92, criterion: -1.02 }), {
    overdue: 1,
    modules: [
      {
        assignmentId: ASSIGNMENT_ID,
        moduleId: MODULE_ID,
        title: 'Final assessment',
        mode: 'assessment',
        closesAt: '2026-12-01T00:00:00Z',
        standing: 'overdue',
        attempts: 0,
        bestScore: null,
      },
    ],
  }),
  makeOfficer(3, 'Chand Bibi', figures(2, 2, 1, 3, { dPrime: 0.4, criterion: 0.1 })),
];

export function cohortReport(officers: OfficerCompetence[] = OFFICERS): CohortOfficersReport {
  return {
    cohort: cohortRef,
    filters: noFilters,
    minDecisions: 20,
    cohortFigures: figures(39, 5, 18, 26, { dPrime: 1.34, criterion: -0.3 }),
    officers,
  };
}

export function heatmapReport(by: HeatmapReport['by']): HeatmapReport {
  const columns = by === 'light' ? ['visible', 'uv365'] : ['security-inks', 'personalisation', 'substrate'];
  const cells = (values: [number, number][]) =>
    values.map(([items, correct], i) => ({
      key: columns[i],
      items,
      correct,
      proportion: items ? correct / items : null,
    }));
  return {
    cohort: cohortRef,
    filters: noFilters,
    by,
    columns,
    rows: OFFICERS.map((o, i) => ({
      userId: o.userId,
      username: o.username,
      name: o.name,
      cells: cells(
        by === 'light'
          ? [
              [10, 9 - i],
              [6, 3],
            ]
          : [
              [8, 7 - i * 3],
              [5, 2],
              [0, 0],
            ],
      ),
    })),
    totals: cells(
      by === 'light'
        ? [
            [30, 24],
            [18, 9],
          ]
        : [
            [24, 12],
            [15, 6],
            [0, 0],
          ],
    ),
  };
}

export function heatmapItems(userId: string): HeatmapItems {
  return {
    items: [
      {
        attemptId: uuid(101),
        n: 4,
        userId,
        name: 'Ayesha Khan',
        exerciseId: uuid(201),
        title: 'Utopia passport — UV ink missing',
        answeredAt: '2026-11-18T10:12:00Z',
        verdict: 'fraudulent',
        decision: 'accept',
        correct: false,
        responseTimeMs: 6400,
      },
    ],
  };
}

export function trendsReport(officer: OfficerCompetence | null): TrendsReport {
  const week = (weekStart: string, accuracy: number) => ({
    weekStart,
    decisions: 20,
    accuracy,
    dPrime: 1.2,
    meanDecisionMs: 9000,
  });
  return {
    cohort: cohortRef,
    filters: noFilters,
    cohortWeeks: [week('2026-11-02', 0.7), week('2026-11-09', 0.78)],
    officer: officer ? { userId: officer.userId, name: officer.name, weeks: [week('2026-11-09', 0.9)] } : null,
  };
}

export function unitReport(): UnitReport {
  const f = figures(39, 5, 18, 26, { dPrime: 1.34 });
  return {
    unit: { id: UNIT_ID, name: 'Islamabad International Airport — Immigration' },
    filters: noFilters,
    cohorts: [
      { ...f, id: COHORT_ID, name: cohortRef.name, officers: 3, passedLatestAssessment: 2, notStarted: 0, overdue: 1 },
    ],
    readiness: [
      {
        cohortId: COHORT_ID,
        assessment: { assignmentId: ASSIGNMENT_ID, moduleId: MODULE_ID, title: 'Final assessment' },
        officers: OFFICERS.map((o, i) => ({
          userId: o.userId,
          username: o.username,
          name: o.name,
          standing: i === 1 ? 'overdue' : 'passed',
          bestScore: i === 1 ? null : 82,
        })),
      },
    ],
  };
}

export function officerReport(officer: OfficerCompetence = OFFICERS[0]): OfficerReport {
  return {
    officer: { userId: officer.userId, username: officer.username, name: officer.name },
    filters: noFilters,
    minDecisions: 20,
    competence: officer,
    breakdown: [{ by: 'featureCategory', cells: heatmapReport('featureCategory').rows[0].cells }],
    weakSpots: [{ by: 'featureCategory', cell: { key: 'personalisation', items: 5, correct: 2, proportion: 0.4 } }],
    weeks: trendsReport(null).cohortWeeks,
    attempts: [
      {
        attemptId: uuid(101),
        moduleId: MODULE_ID,
        moduleTitle: 'Final assessment',
        mode: 'assessment',
        status: 'finished',
        startedAt: '2026-11-18T10:00:00Z',
        finishedAt: '2026-11-18T10:20:00Z',
        score: 82,
        passed: true,
      },
    ],
  };
}

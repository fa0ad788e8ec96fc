// Who the demo history makes of trainee04–12 and trainee16–24: one profile each, so the reports have something to
// tell a supervisor (one who misses photo substitutions, one who refers nearly everything, one fast and careless,
// steady improvers, a strong one, a slow careful one, one with too few decisions to judge, one who stopped …).
// trainee01–03 and trainee13–15 are left fresh. Figures use the signal-detection model of DESIGN.md: an officer of
// sensitivity d′ and criterion c refers a fraudulent document with probability Φ(d′/2 − c) and a genuine one with
// Φ(−d′/2 − c).
import type { FeatureCategory, FraudType } from '@firstline/contracts';

/** A figure at the start of the history and at its end (linear in between). */
export type Course = readonly [start: number, end: number];

export interface DemoProfile {
  username: string;
  /** What the profile shows, in a supervisor's words. */
  summary: string;
  /** Weeks of history, 6–8. */
  weeks: number;
  dPrime: Course;
  /** Bias: negative refers too readily, positive accepts too readily. */
  criterion: Course;
  /** Sensitivity on documents of these fraud types instead of dPrime (a blind spot). */
  blindFraudTypes?: Partial<Record<FraudType, number>>;
  /** Sensitivity on forgeries that show in these feature categories instead of dPrime. */
  blindCategories?: Partial<Record<FeatureCategory, number>>;
  /** Median seconds per document (lognormal, spread `timeSpread`); drills are taken faster. */
  seconds: Course;
  timeSpread: number;
  /** Probability of marking a forged region when referring a forgery, and of naming its fraud type. */
  locate: Course;
  fraudType: Course;
  /** Probability of leaving a document unanswered. */
  skip: number;
  /** Practice and drill sessions per week. */
  practicePerWeek: number;
  drillsPerWeek: number;
  /** Weeks (0 = the first) in which the timed assessment is taken (at most two attempts are allowed). */
  assessmentWeeks: number[];
  /** Trains only in the first weeks, then stops (an officer falling behind). */
  activeWeeks?: number;
  /** One practice session and nothing else: too few decisions to judge. */
  singleSession?: boolean;
}

const steady = (x: number): Course => [x, x];

const base = {
  timeSpread: 0.35,
  skip: 0.01,
  practicePerWeek: 1.5,
  drillsPerWeek: 1.5,
} as const;

export const DEMO_PROFILES: readonly DemoProfile[] = [
  {
    ...base,
    username: 'trainee04',
    summary: 'strong, but accepts photo substitutions',
    weeks: 7,
    dPrime: steady(2.4),
    criterion: steady(0.1),
    blindFraudTypes: { 'forged:photo-substitution': -1.5 },
    seconds: steady(10),
    locate: steady(0.75),
    fraudType: steady(0.7),
    assessmentWeeks: [5],
  },
  {
    ...base,
    username: 'trainee05',
    summary: 'refers nearly every document',
    weeks: 6,
    dPrime: steady(0.8),
    criterion: steady(-1.7),
    seconds: steady(8),
    locate: steady(0.35),
    fraudType: steady(0.3),
    assessmentWeeks: [4],
  },
  {
    ...base,
    username: 'trainee06',
    summary: 'fast and careless',
    weeks: 7,
    dPrime: steady(1.0),
    criterion: steady(0.6),
    seconds: steady(3.5),
    timeSpread: 0.3,
    locate: steady(0.25),
    fraudType: steady(0.3),
    skip: 0.04,
    drillsPerWeek: 3,
    assessmentWeeks: [3, 6],
  },
  {
    ...base,
    username: 'trainee07',
    summary: 'steady improver',
    weeks: 8,
    dPrime: [0.3, 2.6],
    criterion: [-0.5, 0],
    seconds: [16, 9],
    locate: [0.3, 0.8],
    fraudType: [0.3, 0.75],
    assessmentWeeks: [4, 7],
  },
  {
    ...base,
    username: 'trainee08',
    summary: 'strong all round',
    weeks: 8,
    dPrime: steady(3.1),
    criterion: steady(0.05),
    seconds: steady(9),
    locate: steady(0.9),
    fraudType: steady(0.85),
    assessmentWeeks: [6],
  },
  {
    ...base,
    username: 'trainee09',
    summary: 'slow and careful: right, but late on the drill',
    weeks: 7,
    dPrime: steady(2.6),
    criterion: steady(-0.15),
    seconds: steady(21),
    timeSpread: 0.25,
    locate: steady(0.85),
    fraudType: steady(0.8),
    drillsPerWeek: 1,
    assessmentWeeks: [5],
  },
  {
    ...base,
    username: 'trainee10',
    summary: 'too few decisions to judge',
    weeks: 6,
    dPrime: steady(1.8),
    criterion: steady(0),
    seconds: steady(12),
    locate: steady(0.6),
    fraudType: steady(0.5),
    practicePerWeek: 0,
    drillsPerWeek: 0,
    assessmentWeeks: [],
    singleSession: true,
  },
  {
    ...base,
    username: 'trainee11',
    summary: 'stopped training after three weeks; the assessment not taken',
    weeks: 7,
    dPrime: [0.9, 1.4],
    criterion: steady(-0.2),
    seconds: steady(12),
    locate: steady(0.5),
    fraudType: steady(0.45),
    assessmentWeeks: [],
    activeWeeks: 3,
  },
  {
    ...base,
    username: 'trainee12',
    summary: 'late bloomer: failed the first assessment, passed the second',
    weeks: 8,
    dPrime: [0.2, 4],
    criterion: [0.4, 0],
    seconds: [14, 9],
    locate: [0.2, 0.95],
    fraudType: [0.2, 0.95],
    skip: 0.002,
    assessmentWeeks: [2, 7],
  },
  {
    ...base,
    username: 'trainee16',
    summary: 'steady improver',
    weeks: 7,
    dPrime: [0.8, 2.6],
    criterion: [-0.3, 0],
    seconds: [15, 10],
    locate: [0.35, 0.8],
    fraudType: [0.35, 0.8],
    assessmentWeeks: [6],
  },
  {
    ...base,
    username: 'trainee17',
    summary: 'misses forgeries that show in the security inks (UV)',
    weeks: 6,
    dPrime: steady(2.3),
    criterion: steady(0.1),
    blindCategories: { 'security-inks': -1.0 },
    seconds: steady(11),
    locate: steady(0.7),
    fraudType: steady(0.65),
    assessmentWeeks: [5],
  },
  {
    ...base,
    username: 'trainee18',
    summary: 'accepts too readily',
    weeks: 8,
    dPrime: steady(1.7),
    criterion: steady(0.9),
    seconds: steady(8),
    locate: steady(0.55),
    fraudType: steady(0.5),
    assessmentWeeks: [6],
  },
  {
    ...base,
    username: 'trainee19',
    summary: 'average',
    weeks: 6,
    dPrime: steady(1.6),
    criterion: steady(-0.15),
    seconds: steady(11),
    locate: steady(0.55),
    fraudType: steady(0.5),
    assessmentWeeks: [5],
  },
  {
    ...base,
    username: 'trainee20',
    summary: 'strong and quick',
    weeks: 7,
    dPrime: steady(2.9),
    criterion: steady(0),
    seconds: steady(7),
    locate: steady(0.85),
    fraudType: steady(0.8),
    drillsPerWeek: 2.5,
    assessmentWeeks: [5],
  },
  {
    ...base,
    username: 'trainee21',
    summary: 'fast and careless on the drill',
    weeks: 6,
    dPrime: steady(1.2),
    criterion: steady(0.4),
    seconds: steady(4.5),
    locate: steady(0.3),
    fraudType: steady(0.35),
    skip: 0.03,
    drillsPerWeek: 3,
    assessmentWeeks: [4],
  },
  {
    ...base,
    username: 'trainee22',
    summary: 'cautious: refers readily',
    weeks: 7,
    dPrime: steady(1.9),
    criterion: steady(-0.8),
    seconds: steady(14),
    locate: steady(0.65),
    fraudType: steady(0.55),
    assessmentWeeks: [6],
  },
  {
    ...base,
    username: 'trainee23',
    summary: 'steady improver',
    weeks: 8,
    dPrime: [0.6, 2.1],
    criterion: [0.2, 0],
    seconds: [13, 9],
    locate: [0.3, 0.7],
    fraudType: [0.25, 0.65],
    assessmentWeeks: [5, 7],
  },
  {
    ...base,
    username: 'trainee24',
    summary: 'misses data alterations',
    weeks: 6,
    dPrime: steady(2.2),
    criterion: steady(0.1),
    blindFraudTypes: { 'forged:data-alteration': -1.2 },
    seconds: steady(10),
    locate: steady(0.7),
    fraudType: steady(0.65),
    assessmentWeeks: [5],
  },
];

export const at = (course: Course, progress: number): number => course[0] + (course[1] - course[0]) * progress;

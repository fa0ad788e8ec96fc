// The demo modules the seeder publishes and assigns to the demo cohorts, and how the demo library is split among them.
import type { ItemModelSpec, ModuleInput } from '@firstline/contracts';

/**
 * The practice pool: the first exercises of the demo library, drawn, ingested and published first so that a trainee
 * can start practising within a minute of the first start.
 */
export const PRACTICE_POOL = 16;

/** The 12-second drill's own pool, after the practice pool, when the library is large enough. */
export const DRILL_POOL = 12;

/**
 * The demo certification's item models: three genuine documents and five forgeries of the field's commonest kinds,
 * across the three training states and both document types.
 */
export const DEMO_ITEM_MODELS: ItemModelSpec[] = [
  { issuingState: 'UTO', documentType: 'TD3', fraudType: 'genuine', subtlety: 0.5 },
  { issuingState: 'ARC', documentType: 'TD1', fraudType: 'genuine', subtlety: 0.5 },
  { issuingState: 'BRG', documentType: 'TD3', fraudType: 'genuine', subtlety: 0.5 },
  { issuingState: 'UTO', documentType: 'TD3', fraudType: 'forged:photo-substitution', subtlety: 0.5 },
  {
    issuingState: 'ARC',
    documentType: 'TD3',
    fraudType: 'forged:data-alteration',
    operation: 'alter-data',
    target: 'dateOfExpiry',
    subtlety: 0.5,
  },
  { issuingState: 'BRG', documentType: 'TD1', fraudType: 'counterfeit', subtlety: 0.4 },
  {
    issuingState: 'UTO',
    documentType: 'TD1',
    fraudType: 'forged:data-alteration',
    operation: 'tamper-mrz',
    target: 'documentNumber',
    subtlety: 0.5,
  },
  { issuingState: 'ARC', documentType: 'TD3', fraudType: 'forged:photo-substitution', subtlety: 0.7 },
];

/**
 * The demo modules: a practice module with lessons on the practice pool, a 12-second drill and a timed assessment,
 * each on its own documents when the library allows (see demoPlan) — so practice feedback never shows the truth of
 * an assessment document, and exposure control never has to refuse a demo officer their assessment.
 */
export const DEMO_MODULES: Array<{
  key: string;
  /** 'practice': published on the practice pool first; 'library': published once the whole library is ready. */
  step: 'practice' | 'library';
  draw: number;
  input: Omit<ModuleInput, 'exerciseIds' | 'lessonSpecimenIds' | 'itemModels'>;
  lessons: boolean;
  closesInDays: number | null;
  /** A pool of item models only: each officer gets documents of their own, generated once it is assigned. */
  itemModels?: ItemModelSpec[];
}> = [
  {
    key: 'demo-module:practice',
    step: 'practice',
    draw: 12,
    lessons: true,
    closesInDays: null,
    input: {
      title: 'First-line document check — practice',
      description:
        'Study the Utopian, Arcadian and Borgundian specimens, then check twelve documents with feedback after each one.',
      settings: {
        mode: 'practice',
        feedback: 'after-item',
        timePerItemSeconds: 60,
        moduleTimeSeconds: null,
        drawCount: 12,
        minGenuineShare: 0.4,
        passMark: 70,
        attemptsAllowed: null,
      },
    },
  },
  {
    key: 'demo-module:assessment',
    step: 'library',
    draw: 20,
    lessons: false,
    closesInDays: 60,
    input: {
      title: 'First-line assessment — timed',
      description:
        'Documents you have not seen the answers to, 30 seconds each, 15 minutes in all. Results after you finish; ' +
        'pass mark 80 %.',
      settings: {
        mode: 'assessment',
        feedback: 'after-finish',
        timePerItemSeconds: 30,
        moduleTimeSeconds: 15 * 60,
        drawCount: 20,
        minGenuineShare: 0.4,
        passMark: 80,
        attemptsAllowed: 2,
      },
    },
  },
  {
    key: 'demo-module:drill',
    step: 'library',
    draw: 10,
    lessons: false,
    closesInDays: null,
    input: {
      title: '12-second drill',
      description: 'Frontex’s figure for a first-line check: ten documents, twelve seconds each. Accept or refer.',
      settings: {
        mode: 'practice',
        feedback: 'after-item',
        timePerItemSeconds: 12,
        moduleTimeSeconds: null,
        drawCount: 10,
        minGenuineShare: 0.4,
        passMark: 70,
        attemptsAllowed: null,
      },
    },
  },
  {
    key: 'demo-module:certification',
    step: 'library',
    draw: 8,
    lessons: false,
    closesInDays: 60,
    itemModels: DEMO_ITEM_MODELS,
    input: {
      title: 'First-line certification — your own documents',
      description:
        'Eight documents generated for you alone — no other officer sees them, and no practice shows them. 30 seconds ' +
        'each; results after you finish; pass mark 75 %.',
      settings: {
        mode: 'assessment',
        feedback: 'after-finish',
        timePerItemSeconds: 30,
        moduleTimeSeconds: 8 * 60,
        drawCount: 8,
        minGenuineShare: 0.25,
        passMark: 75,
        attemptsAllowed: 2,
      },
    },
  },
];

/** Library positions [from, to) of a demo module's pool. */
export type PoolRange = readonly [number, number];

/** How the demo library (its verdicts, in order) is split among the demo modules. */
export interface DemoPlan {
  practice: PoolRange;
  drill: PoolRange;
  exam: PoolRange;
  /** The assessment's draw and attempts: as its definition says, or fewer where its pool is smaller. */
  examDraw: number;
  examAttempts: number;
}

const EXAM = DEMO_MODULES.find((def) => def.key === 'demo-module:assessment')!;

/**
 * The largest draw (up to the assessment's own) for which `verdicts` hold `attempts` reviewed attempts of unseen
 * documents, each with its share of genuine ones — what publishing the assessment requires; 0 if none does.
 */
function examDrawFor(verdicts: string[], attempts: number): number {
  const genuine = verdicts.filter((v) => v === 'genuine').length;
  for (let draw = Math.min(EXAM.draw, Math.floor(verdicts.length / attempts)); draw > 0; draw--) {
    const perAttempt = Math.ceil(EXAM.input.settings.minGenuineShare * draw - 1e-9);
    if (attempts * perAttempt <= genuine) return draw;
  }
  return 0;
}

/**
 * The practice pool first; then, when the rest of the library makes an assessment of at least half its draw on
 * documents of its own, the drill gets the next DRILL_POOL of them if the assessment keeps that much without them.
 * A library too small for an assessment of its own (tests, quick demos) gives the assessment all of it and the drill
 * the practice pool: officers who practised may then have too few unseen documents for the assessment, and are told.
 */
export function demoPlan(verdicts: string[]): DemoPlan {
  const practice: PoolRange = [0, Math.min(PRACTICE_POOL, verdicts.length)];
  const attempts = EXAM.input.settings.attemptsAllowed!;
  const ownDrill: PoolRange = [practice[1], practice[1] + DRILL_POOL];
  for (const drill of [ownDrill, practice]) {
    const examDraw = examDrawFor(verdicts.slice(drill[1]), attempts);
    if (examDraw * 2 >= EXAM.draw)
      return { practice, drill, exam: [drill[1], verdicts.length], examDraw, examAttempts: attempts };
  }
  const exam: PoolRange = [0, verdicts.length];
  const shared = examDrawFor(verdicts, attempts);
  if (shared > 0) return { practice, drill: practice, exam, examDraw: shared, examAttempts: attempts };
  return { practice, drill: practice, exam, examDraw: examDrawFor(verdicts, 1), examAttempts: 1 };
}

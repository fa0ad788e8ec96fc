// The demo modules the seeder publishes and assigns to the demo cohorts.
import type { ModuleInput } from '@firstline/contracts';

/**
 * The practice pool: the first exercises of the demo library, drawn, ingested and published first so that a trainee
 * can start practising within a minute of the first start. The practice and drill modules draw from it.
 */
export const PRACTICE_POOL = 16;

/**
 * The demo modules: a practice module with lessons and a 12-second drill on the practice pool, and a timed
 * assessment on the rest of the library — so practice feedback never shows the truth of an assessment document
 * (a library too small to split gives the assessment all of it).
 */
export const DEMO_MODULES: Array<{
  key: string;
  /** 'practice': the practice pool, published first; 'exam': the rest of the library, published once it is ready. */
  pool: 'practice' | 'exam';
  draw: number;
  input: Omit<ModuleInput, 'exerciseIds' | 'lessonSpecimenIds'>;
  lessons: boolean;
  closesInDays: number | null;
}> = [
  {
    key: 'demo-module:practice',
    pool: 'practice',
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
    pool: 'exam',
    draw: 20,
    lessons: false,
    closesInDays: 60,
    input: {
      title: 'First-line assessment — timed',
      description: 'Twenty documents, 30 seconds each, 15 minutes in all. Results after you finish; pass mark 80 %.',
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
    pool: 'practice',
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
];

/**
 * Whether the assessment can draw on the documents after the practice pool alone: there must be a full draw of
 * them, with its minimum share of genuine documents. `verdicts` is the library's, in order.
 */
export function assessmentHasOwnPool(verdicts: string[], practiceCount: number): boolean {
  const exam = DEMO_MODULES.find((def) => def.pool === 'exam')!;
  const rest = verdicts.slice(practiceCount);
  const genuine = rest.filter((v) => v === 'genuine').length;
  return rest.length >= exam.draw && genuine >= Math.ceil(exam.input.settings.minGenuineShare * exam.draw - 1e-9);
}

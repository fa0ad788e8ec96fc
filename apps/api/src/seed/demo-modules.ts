// The demo modules the seeder publishes and assigns to the demo cohorts.
import type { ModuleInput } from '@firstline/contracts';

/** The demo modules: a practice module with lessons, a timed assessment, and a 12-second drill. */
export const DEMO_MODULES: Array<{
  key: string;
  draw: number;
  input: Omit<ModuleInput, 'exerciseIds' | 'lessonSpecimenIds'>;
  lessons: boolean;
  closesInDays: number | null;
}> = [
  {
    key: 'demo-module:practice',
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

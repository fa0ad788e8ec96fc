import { publishShortfall } from '../modules';
import { DEMO_MODULES, demoPlan, DRILL_POOL, PRACTICE_POOL } from './demo-modules';

/** A library: `practice` documents, then `genuine` genuine and `forged` forged ones, interleaved. */
function library(practice: number, genuine: number, forged: number): string[] {
  const rest: string[] = [];
  for (let k = 0; k < Math.max(genuine, forged); k++) {
    if (k < genuine) rest.push('genuine');
    if (k < forged) rest.push('fraudulent');
  }
  return [...Array<string>(practice).fill('genuine'), ...rest];
}

const exam = DEMO_MODULES.find((d) => d.key === 'demo-module:assessment')!;
const genuineIn = (verdicts: string[], [from, to]: readonly [number, number]) =>
  verdicts.slice(from, to).filter((v) => v === 'genuine').length;

/** The assessment as the plan publishes it passes the publishing check of exposure control. */
function publishable(verdicts: string[]) {
  const plan = demoPlan(verdicts);
  const settings = { ...exam.input.settings, drawCount: plan.examDraw, attemptsAllowed: plan.examAttempts };
  const documents = plan.exam[1] - plan.exam[0];
  return publishShortfall(settings, documents, genuineIn(verdicts, plan.exam));
}

describe('the demo plan', () => {
  it('gives the practice pool, the drill and the assessment documents of their own in the demo library', () => {
    const verdicts = library(PRACTICE_POOL, 26, 26); // 68 documents, as the demo draws
    expect(demoPlan(verdicts)).toEqual({
      practice: [0, PRACTICE_POOL],
      drill: [PRACTICE_POOL, PRACTICE_POOL + DRILL_POOL],
      exam: [PRACTICE_POOL + DRILL_POOL, 68],
      examDraw: 20,
      examAttempts: 2,
    });
    expect(publishable(verdicts)).toBeNull();
  });

  it('lets the drill share the practice pool when the assessment would otherwise draw fewer than half its draw', () => {
    // 22 after the practice pool, 9 genuine: with the drill's 12 taken, 10 would be left — a draw of 5.
    const verdicts = library(PRACTICE_POOL, 9, 13);
    const plan = demoPlan(verdicts);
    expect(plan).toMatchObject({ drill: [0, PRACTICE_POOL], exam: [PRACTICE_POOL, 38], examAttempts: 2 });
    // Two attempts of 11 would need 2 × 5 genuine; 9 allow two attempts of 10 (4 genuine each).
    expect(plan.examDraw).toBe(10);
    expect(publishable(verdicts)).toBeNull();
  });

  it('gives a library too small to split all of itself to the assessment, two attempts of half of it', () => {
    const verdicts = library(0, 8, 8);
    expect(demoPlan(verdicts)).toEqual({
      practice: [0, 16],
      drill: [0, 16],
      exam: [0, 16],
      examDraw: 8,
      examAttempts: 2,
    });
    expect(publishable(verdicts)).toBeNull();
  });

  it('allows one attempt when the library holds too few genuine documents for two', () => {
    const verdicts = library(0, 1, 3);
    expect(demoPlan(verdicts)).toMatchObject({ exam: [0, 4], examDraw: 2, examAttempts: 1 });
    expect(publishable(verdicts)).toBeNull();
  });
});

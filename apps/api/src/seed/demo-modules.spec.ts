import { assessmentHasOwnPool, PRACTICE_POOL } from './demo-modules';

const library = (practice: number, genuineAfter: number, forgedAfter: number) => [
  ...Array<string>(practice).fill('genuine'),
  ...Array<string>(genuineAfter).fill('genuine'),
  ...Array<string>(forgedAfter).fill('fraudulent'),
];

describe('the assessment’s own pool', () => {
  it('is the documents after the practice pool when they make a full draw of 20 with 8 genuine (40 %)', () => {
    expect(assessmentHasOwnPool(library(PRACTICE_POOL, 8, 12), PRACTICE_POOL)).toBe(true);
    expect(assessmentHasOwnPool(library(PRACTICE_POOL, 19, 25), PRACTICE_POOL)).toBe(true);
  });

  it('is not when they are too few, or too few of them genuine (the assessment then draws on everything)', () => {
    expect(assessmentHasOwnPool(library(PRACTICE_POOL, 8, 11), PRACTICE_POOL)).toBe(false);
    expect(assessmentHasOwnPool(library(PRACTICE_POOL, 7, 13), PRACTICE_POOL)).toBe(false);
    expect(assessmentHasOwnPool(library(PRACTICE_POOL, 0, 0), PRACTICE_POOL)).toBe(false);
  });
});

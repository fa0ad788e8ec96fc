import { randomGuessScore } from './random-guess';

const NINE = ['counterfeit', 'forged:photo-substitution', 'forged:data-alteration', 'forged:page-substitution'].concat([
  'forged:visa-or-stamp',
  'pseudo',
  'impostor',
  'fraudulently-obtained',
  'stolen-blank',
]);

describe('randomGuessScore', () => {
  it('decision only: half the officers guess right', () => {
    expect(randomGuessScore({ verdict: 'genuine' }, NINE, { decision: 1 })).toBe(0.5);
    expect(randomGuessScore({ verdict: 'fraudulent' }, NINE, { decision: 1 })).toBe(0.5);
  });

  it('a genuine item counts only the decision, whatever else is asked', () => {
    const weights = { decision: 1, fraudType: 0.5, locate: 0.5, features: 0.5, mrz: 0.5 };
    expect(randomGuessScore({ verdict: 'genuine', fraudType: null, features: [] }, NINE, weights)).toBe(0.5);
  });

  it('decision and fraud type on a forgery: refer (½) × (1 + credit for the type)/1.5, by hand', () => {
    // Refer: decision 1 (weight 1) + fraud type (weight 0.5): exact match 1 (1 of 9), same family 0.5 (3 of 9:
    // the other 'forged:' methods), else 0 → mean type credit (1 + 3·0.5)/9 = 2.5/9.
    // Item score when referred = (1 + 0.5·type)/1.5; accepted (a miss) = 0.
    const truth = { verdict: 'fraudulent' as const, fraudType: 'forged:photo-substitution' };
    const expected = 0.5 * ((1 + 0.5 * (2.5 / 9)) / 1.5);
    expect(randomGuessScore(truth, NINE, { decision: 1, fraudType: 0.5 })).toBeCloseTo(expected, 15);
  });

  it('marking nothing earns nothing on locate, features and MRZ checks, but an empty key is met by an empty answer', () => {
    const truth = {
      verdict: 'fraudulent' as const,
      regions: [
        {
          polygon: [
            [0, 0],
            [1, 0],
            [1, 1],
          ] as [number, number][],
        },
      ],
      features: ['microprint'],
      mrzFailedChecks: [] as string[],
    };
    // refer: decision 1 + locate 0 + features 0 + MRZ 1 (no check fails, none marked) over weights 1 + 0.5·3
    const weights = { decision: 1, locate: 0.5, features: 0.5, mrz: 0.5 };
    expect(randomGuessScore(truth, NINE, weights)).toBeCloseTo(0.5 * (1.5 / 2.5), 15);
  });
});

import type { ItemAnswer } from '@firstline/contracts';
import { sameAnswer } from './answer-comparison';

const answer = (over: Partial<ItemAnswer> = {}): ItemAnswer => ({
  decision: 'refer',
  points: [{ side: 'data-page', x: 0.25, y: 0.5 }],
  fraudType: 'counterfeit',
  features: ['guilloche', 'microprint'],
  mrzFailedChecks: ['documentNumberCheckDigit', 'compositeCheckDigit'],
  ...over,
});

describe('sameAnswer', () => {
  it('is false when there is no earlier answer', () => {
    expect(sameAnswer(null, answer())).toBe(false);
  });

  it('is true for an identical answer', () => {
    expect(sameAnswer(answer(), answer())).toBe(true);
  });

  it('ignores the order of features and failed MRZ checks', () => {
    const reordered = answer({
      features: ['microprint', 'guilloche'],
      mrzFailedChecks: ['compositeCheckDigit', 'documentNumberCheckDigit'],
    });
    expect(sameAnswer(answer(), reordered)).toBe(true);
  });

  it('is false for another decision', () => {
    expect(sameAnswer(answer(), answer({ decision: 'accept' }))).toBe(false);
  });

  it('is false for another fraud type', () => {
    expect(sameAnswer(answer(), answer({ fraudType: 'pseudo' }))).toBe(false);
  });

  it('is false when a point moved', () => {
    expect(sameAnswer(answer(), answer({ points: [{ side: 'data-page', x: 0.26, y: 0.5 }] }))).toBe(false);
  });

  it('is false when a point is on another side', () => {
    expect(sameAnswer(answer(), answer({ points: [{ side: 'front', x: 0.25, y: 0.5 }] }))).toBe(false);
  });

  it('compares points in order (the order they were marked)', () => {
    const two = [
      { side: 'data-page' as const, x: 0.1, y: 0.1 },
      { side: 'data-page' as const, x: 0.9, y: 0.9 },
    ];
    expect(sameAnswer(answer({ points: two }), answer({ points: [...two].reverse() }))).toBe(false);
  });

  it('is false when a feature is added', () => {
    expect(sameAnswer(answer(), answer({ features: ['guilloche', 'microprint', 'kinegram'] }))).toBe(false);
  });
});

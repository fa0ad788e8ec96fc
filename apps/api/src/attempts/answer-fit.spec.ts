import { ItemAnswer } from '@firstline/contracts';
import { answerProblems } from './answer-fit';

const exercise = {
  parts: { locate: { maxPoints: 2 }, fraudType: true, features: true, mrz: true },
  images: [
    { side: 'data-page' as const, light: 'visible' as const, frame: 1, assetId: 'a' },
    { side: 'back' as const, light: 'visible' as const, frame: 1, assetId: 'b' },
  ],
  featureOptions: ['viz-data' as const, 'microprint' as const],
  documentType: 'TD1' as const,
};
const answer = (a: object) => ItemAnswer.parse({ decision: 'refer', ...a });

describe('answerProblems', () => {
  it('lets through every answer the player could give', () => {
    expect(
      answerProblems(
        exercise,
        answer({
          points: [
            { side: 'data-page', x: 0.2, y: 0.3 },
            { side: 'back', x: 0.5, y: 0.5 },
          ],
          fraudType: 'counterfeit',
          features: ['microprint'],
          mrzFailedChecks: ['compositeCheckDigit'],
        }),
      ),
    ).toEqual([]);
    expect(answerProblems(exercise, answer({ decision: 'accept' }))).toEqual([]);
  });

  it('names a missing decision', () => {
    expect(answerProblems(exercise, answer({ decision: null }))).toEqual([
      'an answer needs a decision (accept or refer)',
    ]);
  });

  it('refuses parts the item does not ask for', () => {
    const bare = { ...exercise, parts: { locate: null, fraudType: false, features: false, mrz: false } };
    const problems = answerProblems(
      bare,
      answer({
        points: [{ side: 'data-page', x: 0.2, y: 0.3 }],
        fraudType: 'counterfeit',
        features: ['microprint'],
        mrzFailedChecks: ['compositeCheckDigit'],
      }),
    );
    expect(problems).toHaveLength(4);
    expect(problems.every((p) => p.startsWith('this item does not ask'))).toBe(true);
  });

  it('refuses options the player does not offer', () => {
    expect(
      answerProblems(
        exercise,
        answer({
          points: [0.1, 0.2, 0.3].map((x) => ({ side: 'front', x, y: 0.5 })),
          fraudType: 'genuine',
          features: ['dovid'],
          mrzFailedChecks: ['personalNumberCheckDigit'],
        }),
      ),
    ).toEqual([
      'this item takes at most 2 point(s), not 3',
      'the document has no front side (it shows: data-page, back)',
      '"genuine" is not a fraud type the player offers (a genuine document is accepted)',
      "not among this item's feature options: dovid",
      'not a check digit of a TD1 MRZ: personalNumberCheckDigit',
    ]);
  });
});

import type { ItemPresentation } from '@firstline/contracts';
import { describe, expect, it } from 'vitest';
import { makeItem } from '@/testing/attempt-fixtures';
import { answerFromSaved, answerReducer, emptyAnswer, toResponseRequest, type AnswerAction } from './answer-state';

const run = (...actions: AnswerAction[]) => actions.reduce(answerReducer, emptyAnswer);
const parts = makeItem(1).parts;

describe('answer state', () => {
  it('a refer with all parts becomes the request the API expects', () => {
    const state = run(
      { type: 'refer' },
      { type: 'add-point', point: { side: 'data-page', x: 0.1, y: 0.2 }, maxPoints: 3 },
      { type: 'fraud-type', fraudType: 'counterfeit' },
      { type: 'toggle-feature', feature: 'guilloche' },
      { type: 'toggle-feature', feature: 'portrait' },
      { type: 'toggle-feature', feature: 'guilloche' },
    );
    expect(toResponseRequest(state, parts, true)).toEqual({
      decision: 'refer',
      points: [{ side: 'data-page', x: 0.1, y: 0.2 }],
      fraudType: 'counterfeit',
      features: ['portrait'],
      mrzFailedChecks: [],
      final: true,
    });
  });

  it('reset starts again with nothing answered', () => {
    const state = run(
      { type: 'refer' },
      { type: 'add-point', point: { side: 'data-page', x: 0.1, y: 0.2 }, maxPoints: 3 },
      { type: 'fraud-type', fraudType: 'counterfeit' },
      { type: 'reset' },
    );
    expect(state).toEqual(emptyAnswer);
  });

  it('accept drops whatever was filled in for a referral', () => {
    const state = run(
      { type: 'refer' },
      { type: 'add-point', point: { side: 'data-page', x: 0.1, y: 0.2 }, maxPoints: 3 },
      { type: 'back' },
      { type: 'accept' },
    );
    expect(toResponseRequest(state, parts, true)).toEqual({
      decision: 'accept',
      points: [],
      fraudType: null,
      features: [],
      mrzFailedChecks: [],
      final: true,
    });
  });

  it('an autosave before any decision carries a null decision and is not final', () => {
    const state = run({ type: 'add-point', point: { side: 'data-page', x: 0.5, y: 0.5 }, maxPoints: 3 });
    expect(toResponseRequest(state, parts, false)).toMatchObject({ decision: null, final: false });
  });

  it('parts the item does not ask for are not sent', () => {
    const noParts: ItemPresentation['parts'] = {
      decision: true,
      locate: null,
      fraudType: null,
      features: null,
      mrz: null,
    };
    const state = run(
      { type: 'refer' },
      { type: 'add-point', point: { side: 'data-page', x: 0.5, y: 0.5 }, maxPoints: 3 },
      { type: 'fraud-type', fraudType: 'pseudo' },
    );
    expect(toResponseRequest(state, noParts, true)).toEqual({
      decision: 'refer',
      points: [],
      fraudType: null,
      features: [],
      mrzFailedChecks: [],
      final: true,
    });
  });

  it('never holds more points than allowed, and resumes from a saved answer', () => {
    const state = run(
      { type: 'add-point', point: { side: 'data-page', x: 0.1, y: 0.1 }, maxPoints: 1 },
      { type: 'add-point', point: { side: 'data-page', x: 0.2, y: 0.2 }, maxPoints: 1 },
    );
    expect(state.points).toEqual([{ side: 'data-page', x: 0.1, y: 0.1 }]);
    expect(
      answerFromSaved({
        decision: 'refer',
        points: [{ side: 'data-page', x: 0.3, y: 0.3 }],
        fraudType: 'impostor',
        features: [],
        mrzFailedChecks: [],
      }),
    ).toMatchObject({
      stage: 'refer',
      fraudType: 'impostor',
    });
  });
});

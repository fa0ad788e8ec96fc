import type { ExerciseTruth } from '@firstline/contracts';
import type { ExerciseVersionRecord } from '../exercises';
import type { AssignmentWithVersion } from '../modules';
import { attemptContext, itemLockedEvent } from './attempt-event-builder';

const assignment = {
  id: 'as-1',
  cohortId: 'co-1',
  moduleVersion: { id: 'mv-1', moduleId: 'mo-1', settings: { mode: 'assessment' } },
} as unknown as AssignmentWithVersion;
const truth: ExerciseTruth = {
  verdict: 'fraudulent',
  fraudType: 'forged:photo-substitution',
  explanation: 'x',
  regions: [
    { side: 'data-page', polygon: [], features: ['portrait', 'laminate'], lights: ['visible', 'oblique'] },
    { side: 'data-page', polygon: [], features: ['ghost-image'], lights: ['visible'] },
  ],
};
const exercise = {
  id: 'ev-1',
  exerciseId: 'ex-1',
  issuingState: 'UTO',
  documentType: 'TD3',
  truth,
} as unknown as ExerciseVersionRecord;
const context = attemptContext({ id: 'at-1', userId: 'us-1', assignmentId: 'as-1' }, assignment);
const at = new Date('2026-12-03T10:00:00Z');

describe('itemLockedEvent', () => {
  it('names the attempt’s cohort, module and mode', () => {
    expect(context).toEqual({
      attemptId: 'at-1',
      userId: 'us-1',
      assignmentId: 'as-1',
      cohortId: 'co-1',
      moduleId: 'mo-1',
      moduleVersionId: 'mv-1',
      mode: 'assessment',
    });
  });

  it('records the truth’s feature categories and lights once each, and the part scores of a locked answer', () => {
    const event = itemLockedEvent(
      context,
      {
        id: 'it-1',
        n: 2,
        answer: { decision: 'refer', points: [], fraudType: null, features: [], mrzFailedChecks: [] },
        late: false,
        responseTimeMs: 4200,
        score: 0.8,
        parts: [
          { part: 'decision', score: 1, weight: 1 },
          { part: 'locate', score: 0.5, weight: 1 },
        ],
        lockedAt: at,
      },
      exercise,
      at,
    );
    expect(event).toMatchObject({
      featureCategories: ['construction', 'personalisation'],
      lights: ['oblique', 'visible'],
      decision: 'refer',
      responseTimeMs: 4200,
      score: 0.8,
      locateScore: 0.5,
      fraudTypeScore: null,
      verdict: 'fraudulent',
      exerciseId: 'ex-1',
    });
  });

  it('records an item left unanswered as no decision, scoring 0', () => {
    const event = itemLockedEvent(
      context,
      { id: 'it-2', n: 3, answer: null, late: false, responseTimeMs: null, score: null, parts: null, lockedAt: null },
      exercise,
      at,
    );
    expect(event).toMatchObject({ decision: null, late: false, score: 0, locateScore: null, answeredAt: at });
  });
});

import type { ModuleSettings } from '@firstline/contracts';
import { assignmentShortfall, officerShort, publishShortfall, unseenNeed } from './exposure-requirement';

const settings = (over: Partial<ModuleSettings>): ModuleSettings => ({
  mode: 'assessment',
  feedback: 'after-finish',
  timePerItemSeconds: 30,
  moduleTimeSeconds: null,
  drawCount: 20,
  minGenuineShare: 0.4,
  passMark: 80,
  attemptsAllowed: 2,
  ...over,
});

describe('unseenNeed', () => {
  it('asks nothing of practice, whose feedback is its purpose', () => {
    expect(unseenNeed(settings({ mode: 'practice', feedback: 'after-item' }), 10)).toBeNull();
  });

  it('uses up each reviewed attempt’s draw: two attempts of 20 need 40 unseen, 16 of them genuine', () => {
    expect(unseenNeed(settings({}), 40)).toEqual({
      attempts: 2,
      draw: 20,
      genuinePerAttempt: 8,
      documents: 40,
      genuine: 16,
    });
  });

  it('needs one draw when answers are never shown, however many attempts; the whole pool without a draw count', () => {
    expect(unseenNeed(settings({ feedback: 'never', attemptsAllowed: null }), 30)).toMatchObject({
      attempts: 1,
      documents: 20,
    });
    expect(unseenNeed(settings({ drawCount: null, attemptsAllowed: 1 }), 12)).toMatchObject({ documents: 12 });
  });

  it('cannot be met by any pool when answers are shown after each of unlimited attempts', () => {
    expect(unseenNeed(settings({ attemptsAllowed: null }), 1000)).toBe('unlimited');
  });
});

describe('publishShortfall and assignmentShortfall', () => {
  it('pass a pool that holds what every attempt needs', () => {
    expect(publishShortfall(settings({}), 40, 16)).toBeNull();
    expect(
      assignmentShortfall(settings({}), { documents: 44, genuine: 20 }, 'Intake A', [
        { userId: 'a', documents: 40, genuine: 16 },
      ]),
    ).toBeNull();
  });

  it('name the documents and genuine ones missing', () => {
    expect(publishShortfall(settings({}), 39, 16)).toMatch(/needs 40 documents .* its pool has 39 \(16 genuine\)/);
    expect(publishShortfall(settings({}), 40, 15)).toMatch(/with 16 genuine .* its pool has 40 \(15 genuine\)/);
  });

  it('count the officers short and give the one with fewest unseen', () => {
    const message = assignmentShortfall(settings({}), { documents: 44, genuine: 20 }, 'Intake A', [
      { userId: 'a', documents: 44, genuine: 20 },
      { userId: 'b', documents: 38, genuine: 18 },
      { userId: 'c', documents: 30, genuine: 12 },
    ]);
    expect(message).toMatch(/^2 of the 3 officers of Intake A have already seen the truth of too many/);
    expect(message).toMatch(/one of them has only 30 unseen \(12 genuine\)/);
  });
});

describe('item models in the pool', () => {
  // Each item model gives every officer a fresh document per attempt: it counts once per attempt allowed.
  it('let a pool of 30 documents (10 genuine) and 5 models (3 genuine) honour two attempts of 20', () => {
    // Needs 40 unseen (16 genuine): 30 + 5 × 2 = 40 documents, 10 + 3 × 2 = 16 genuine.
    expect(publishShortfall(settings({}), 30, 10, { count: 5, genuine: 3 })).toBeNull();
    expect(publishShortfall(settings({}), 30, 10, { count: 5, genuine: 2 })).toBe(
      'This assessment needs 40 documents — 2 attempts × 20, each attempt’s documents shown in its review — with 16 ' +
        'genuine (8 an attempt) that an officer has not seen; its pool has 30 documents (10 genuine) and 5 item ' +
        'models (2 genuine), each item model a fresh document per attempt. Add documents or item models, draw fewer ' +
        'or allow fewer attempts',
    );
  });

  it('honour any number of attempts when they alone fill a draw with its genuine share', () => {
    const unlimited = settings({ attemptsAllowed: null, drawCount: 8, minGenuineShare: 0.25 });
    expect(publishShortfall(unlimited, 0, 0, { count: 8, genuine: 2 })).toBeNull();
    expect(publishShortfall(unlimited, 40, 20, { count: 8, genuine: 1 })).toMatch(/must limit its attempts/);
    expect(publishShortfall(unlimited, 40, 20, { count: 7, genuine: 7 })).toMatch(/must limit its attempts/);
  });

  it('top up an officer who has seen most of the fixed documents', () => {
    // 40 needed; the officer has 4 unseen fixed documents (2 genuine) and the 18 models give 36 (18 genuine).
    const models = { count: 18, genuine: 9 };
    expect(officerShort(settings({}), 22, { documents: 4, genuine: 2 }, models)).toBe(false);
    expect(officerShort(settings({}), 22, { documents: 3, genuine: 2 }, models)).toBe(true);
    expect(
      assignmentShortfall(
        settings({}),
        { documents: 22, genuine: 11 },
        'Intake A',
        [
          { userId: 'a', documents: 4, genuine: 2 },
          { userId: 'b', documents: 3, genuine: 3 },
        ],
        models,
      ),
    ).toMatch(/^1 of the 2 officers of Intake A /);
  });
});

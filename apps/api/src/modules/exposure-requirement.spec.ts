import type { ModuleSettings } from '@firstline/contracts';
import { assignmentShortfall, publishShortfall, unseenNeed } from './exposure-requirement';

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

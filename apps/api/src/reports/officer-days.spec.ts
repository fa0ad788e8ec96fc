// The daily roll-up's arithmetic: a fact's share of its officer's UTC day, repeats, changes; which ranges are
// whole days.
import { wholeDays } from './fact-query';
import { dayDeltas, type FactShareSource } from './officer-days';
import { dateRange } from './report-filters';

const fact = (over: Partial<FactShareSource> = {}): FactShareSource => ({
  userId: 'u',
  cohortId: 'c',
  moduleId: 'm',
  answeredAt: new Date('2026-11-30T23:59:00Z'),
  decision: 'refer',
  outcome: 'hit',
  responseTimeMs: 4200,
  locateScore: 0.5,
  fraudTypeScore: 1,
  ...over,
});

describe('dayDeltas', () => {
  it('adds a new decision to its officer’s UTC day', () => {
    expect(dayDeltas(null, fact())).toEqual([
      expect.objectContaining({ day: '2026-11-30', decisions: 1, hits: 1, misses: 0, msSum: 4200, msN: 1 }),
    ]);
    expect(dayDeltas(null, fact())[0]).toMatchObject({ locateSum: 0.5, locateN: 1, fraudTypeSum: 1, fraudTypeN: 1 });
  });

  it('writes nothing when the same fact is recorded again', () => {
    expect(dayDeltas(fact(), fact())).toEqual([]);
  });

  it('records a late answer as activity, not as a decision; an unanswered item not at all', () => {
    const [late] = dayDeltas(null, fact({ outcome: null }));
    expect(late).toMatchObject({ decisions: 0, hits: 0, msSum: 0, msN: 0, locateN: 0, lastAt: fact().answeredAt });
    expect(dayDeltas(null, fact({ decision: null, outcome: null }))).toEqual([]);
  });

  it('moves a changed fact: takes the old share away and adds the new one', () => {
    const after = fact({ outcome: 'miss', decision: 'accept', answeredAt: new Date('2026-12-01T00:00:01Z') });
    const [old, added] = dayDeltas(fact(), after);
    expect(old).toMatchObject({ day: '2026-11-30', decisions: -1, hits: -1, msSum: -4200, locateSum: -0.5 });
    expect(added).toMatchObject({ day: '2026-12-01', decisions: 1, misses: 1, msSum: 4200 });
    const [same] = dayDeltas(fact(), fact({ outcome: 'miss', decision: 'accept', locateScore: null }));
    expect(same).toMatchObject({ decisions: 0, hits: -1, misses: 1, locateSum: -0.5, locateN: -1 });
  });
});

describe('wholeDays', () => {
  it('gives the UTC days of a plain-date range, open ends included', () => {
    expect(wholeDays(dateRange({ from: '2026-11-01', to: '2026-11-30' }))).toEqual({
      from: '2026-11-01',
      to: '2026-11-30',
    });
    expect(wholeDays(dateRange({}))).toEqual({ from: null, to: null });
    expect(wholeDays(dateRange({ from: '2026-11-01T00:00:00Z' }))).toEqual({ from: '2026-11-01', to: null });
  });

  it('is null when an end falls inside a day (the facts answer then)', () => {
    expect(wholeDays(dateRange({ from: '2026-11-01T08:00:00Z' }))).toBeNull();
    expect(wholeDays(dateRange({ to: '2026-11-30T00:00:00Z' }))).toBeNull();
  });
});

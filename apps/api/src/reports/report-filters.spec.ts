import { appliedFilters, dateRange } from './report-filters';

describe('dateRange', () => {
  it('reads plain dates as whole UTC days, both ends inclusive', () => {
    const range = dateRange({ from: '2026-11-01', to: '2026-11-30' });
    expect(appliedFilters(range, null, null)).toEqual({
      from: '2026-11-01T00:00:00.000Z',
      to: '2026-11-30T23:59:59.999Z',
      moduleId: null,
      cohortId: null,
    });
  });

  it('reads a date and time without a zone as UTC, and keeps a given zone', () => {
    expect(dateRange({ from: '2026-11-01T08:30' }).from?.toISOString()).toBe('2026-11-01T08:30:00.000Z');
    expect(dateRange({ to: '2026-11-01T08:30:00+05:00' }).to?.toISOString()).toBe('2026-11-01T03:30:00.000Z');
  });

  it('leaves open ends open', () => {
    expect(dateRange({})).toEqual({ from: null, to: null });
  });

  it.each([
    [{ from: '2026-12-01', to: '2026-11-01' }, 'from (2026-12-01) is after to (2026-11-01)'],
    [{ from: '2026-02-30' }, 'from (2026-02-30) is not a date that exists'],
    [{ to: '2026-13-01' }, 'to (2026-13-01) is not a date that exists'],
    [{ to: '2026-11-01T25:99' }, 'to (2026-11-01T25:99) is not a date'],
  ])('rejects %j in words', (query, message) => {
    expect(() => dateRange(query)).toThrow(message);
  });

  it('accepts a range of one day', () => {
    expect(() => dateRange({ from: '2026-11-01', to: '2026-11-01' })).not.toThrow();
  });
});

import { describe, expect, it } from 'vitest';
import { trendRows } from './trend-rows';

const point = (weekStart: string, accuracy: number | null, meanDecisionMs: number | null = 8000) => ({
  weekStart,
  decisions: 10,
  accuracy,
  dPrime: 1,
  meanDecisionMs,
});

describe('trendRows', () => {
  it('puts the cohort and the officer of each week on one row, weeks in order, seconds from milliseconds', () => {
    const rows = trendRows([point('2026-11-09', 0.8), point('2026-11-02', 0.7)], [point('2026-11-16', 0.9, null)]);
    expect(rows.map((r) => r.weekStart)).toEqual(['2026-11-02', '2026-11-09', '2026-11-16']);
    expect(rows[0].cohort).toMatchObject({ accuracy: 0.7, seconds: 8 });
    expect(rows[0].officer).toBeNull();
    expect(rows[2]).toMatchObject({ cohort: null, officer: { accuracy: 0.9, seconds: null } });
  });
});

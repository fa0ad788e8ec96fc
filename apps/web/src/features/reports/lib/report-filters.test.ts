import { describe, expect, it } from 'vitest';
import { filterParams, filterSearch, filtersFromSearch, filtersProblem } from './report-filters';

const moduleId = '8d3f0a21-6b5c-4d4e-9f30-000000000001';

describe('report filters', () => {
  it('reads well-formed days and ids from the URL and ignores the rest', () => {
    const search = new URLSearchParams(`from=2026-11-01&to=2026-13-40&moduleId=${moduleId}&cohortId=nope&x=1`);
    expect(filtersFromSearch(search)).toEqual({ from: '2026-11-01', moduleId });
  });

  it('refuses a range that ends before it starts', () => {
    expect(filtersProblem({ from: '2026-11-02', to: '2026-11-01' })).toBe('reports.filters.fromAfterTo');
    expect(filtersProblem({ from: '2026-11-01', to: '2026-11-01' })).toBeNull();
  });

  it('sends only the filters that are set, and carries them along links', () => {
    expect(filterParams({ from: '2026-11-01' })).toEqual({ from: '2026-11-01' });
    expect(filterSearch({ to: '2026-11-30' }, { cohortId: moduleId, by: undefined })).toBe(
      `?to=2026-11-30&cohortId=${moduleId}`,
    );
    expect(filterSearch({})).toBe('');
  });
});

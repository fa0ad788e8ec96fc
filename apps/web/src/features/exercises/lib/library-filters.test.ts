import { describe, expect, it } from 'vitest';
import { filterQuery, isFiltered, NO_FILTERS } from './library-filters';

describe('exercise library filters', () => {
  it('sends only the page when nothing is filtered (retired exercises stay hidden)', () => {
    expect(filterQuery(NO_FILTERS, 25, 50)).toEqual({ limit: 25, offset: 50 });
    expect(isFiltered(NO_FILTERS)).toBe(false);
  });

  it('sends every filter that is complete, trimmed and upper-cased where the API wants it', () => {
    expect(
      filterQuery(
        {
          search: ' photo ',
          issuingState: 'uto',
          documentType: 'TD1',
          fraudType: 'forged:data-alteration',
          difficulty: '4',
          tag: ' drill ',
          facility: 'hard',
          use: 'unused',
          showRetired: true,
        },
        25,
        0,
      ),
    ).toEqual({
      limit: 25,
      offset: 0,
      q: 'photo',
      issuingState: 'UTO',
      documentType: 'TD1',
      fraudType: 'forged:data-alteration',
      difficulty: 4,
      tag: 'drill',
      facility: 'hard',
      use: 'unused',
      includeRetired: 'true',
    });
  });

  it('leaves out half-typed values rather than sending a request the API refuses', () => {
    const half = { ...NO_FILTERS, issuingState: 'UT', difficulty: '9', search: '   ' };
    expect(filterQuery(half, 25, 0)).toEqual({ limit: 25, offset: 0 });
    expect(isFiltered(half)).toBe(false);
    expect(isFiltered({ ...NO_FILTERS, showRetired: true })).toBe(true);
  });
});

import { partsKey, type ExerciseParts } from '@firstline/contracts';
import { commonParts } from './pool-parts';

const all: ExerciseParts = { locate: { maxPoints: 3 }, fraudType: true, features: true, mrz: true };
const noMrz: ExerciseParts = { ...all, mrz: false };

describe('commonParts', () => {
  it('finds the parts most of the pool asks and how many ask them', () => {
    expect(commonParts([all, noMrz, all])).toEqual({ parts: all, sharedBy: 2 });
  });

  it('tells a different number of locate points apart', () => {
    expect(partsKey(all)).not.toBe(partsKey({ ...all, locate: { maxPoints: 5 } }));
    expect(partsKey({ ...all, locate: null })).toBe('no-locate|true|true|true');
  });

  it('has nothing to say about an empty pool', () => {
    expect(commonParts([])).toEqual({ parts: null, sharedBy: 0 });
  });
});

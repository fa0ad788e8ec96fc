import { instanceVariation } from './item-analysis-figures';

describe('instanceVariation', () => {
  it('is the sample standard deviation of the documents’ facilities, in percentage points', () => {
    // Wikipedia, "Standard deviation", basic example: 2, 4, 4, 4, 5, 5, 7, 9 has mean 5, population SD 2 and sample
    // (Bessel-corrected) SD √(32 / 7) ≈ 2.138. As facilities 0.02 … 0.09 that is 2.138 percentage points.
    const { instances, facilitySd } = instanceVariation([0.02, 0.04, 0.04, 0.04, 0.05, 0.05, 0.07, 0.09]);
    expect(instances).toBe(8);
    expect(facilitySd).toBeCloseTo(Math.sqrt(32 / 7), 10);
    expect(facilitySd).toBeCloseTo(2.138, 3);
  });

  it('has no spread under two documents', () => {
    expect(instanceVariation([])).toEqual({ instances: 0, facilitySd: null });
    expect(instanceVariation([0.5])).toEqual({ instances: 1, facilitySd: null });
  });
});

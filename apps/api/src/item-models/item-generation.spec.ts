import { generationOrder } from './item-generation.service';

describe('generationOrder', () => {
  it('queues set by set, so whole assessments become ready one officer at a time', () => {
    expect(
      generationOrder([
        { modelId: 'a', missing: 3 },
        { modelId: 'b', missing: 1 },
        { modelId: 'c', missing: 2 },
      ]),
    ).toEqual(['a', 'b', 'c', 'a', 'c', 'a']);
  });

  it('queues nothing for models with enough (or more than enough) documents', () => {
    expect(
      generationOrder([
        { modelId: 'a', missing: 0 },
        { modelId: 'b', missing: -2 },
      ]),
    ).toEqual([]);
    expect(generationOrder([])).toEqual([]);
  });
});

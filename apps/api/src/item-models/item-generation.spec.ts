import { generationOrder, shortfalls } from './item-generation.service';

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

describe('shortfalls', () => {
  const counts = (c: Record<string, [ready: number, generating: number, officers: number, recentFailures: number]>) =>
    new Map(
      Object.entries(c).map(([id, [ready, generating, officers, recentFailures]]) => [
        id,
        { ready, generating, officers, recentFailures },
      ]),
    );

  it('wants one document per officer who has not drawn the model, plus the buffer, less those on the way', () => {
    expect(shortfalls(['new', 'some'], counts({ some: [1, 1, 2, 0] }), 5, 2)).toEqual([
      { modelId: 'new', missing: 7 },
      { modelId: 'some', missing: 3 },
    ]);
  });

  it('retries a model that failed only once its other documents have finished, and gives up after three', () => {
    // A top-up while a failing model's first generations are still running queues nothing more for it, so a model
    // that keeps failing stops at exactly three failures (it reached four when a top-up fell in that moment).
    expect(shortfalls(['m'], counts({ m: [0, 2, 0, 1] }), 2, 1)).toEqual([]);
    expect(shortfalls(['m'], counts({ m: [0, 0, 0, 2] }), 2, 1)).toEqual([{ modelId: 'm', missing: 3 }]);
    expect(shortfalls(['m'], counts({ m: [0, 0, 0, 3] }), 2, 1)).toEqual([]);
  });
});

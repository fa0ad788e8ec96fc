// The demo feature options are fixed so the practice pool (published first) and the rest of the library offer the
// same list: it must stay every feature kind the demo library's documents carry or mark in their truth.
import { FEATURE_KINDS, type FeatureKind } from '@firstline/contracts';
import { demoExercises } from '@firstline/forge';
import { FEATURE_OPTIONS_BY_TYPE } from './forged-exercise-input';

function kindsByType(exercises: ReturnType<typeof demoExercises>): Record<string, FeatureKind[]> {
  const byType = new Map<string, Set<FeatureKind>>();
  for (const { instance, truth } of exercises) {
    const set = byType.get(instance.documentType) ?? new Set<FeatureKind>();
    for (const f of instance.features) set.add(f.name);
    for (const r of truth.regions) for (const f of r.features) set.add(f.name);
    byType.set(instance.documentType, set);
  }
  return Object.fromEntries([...byType].map(([type, set]) => [type, FEATURE_KINDS.filter((k) => set.has(k))]));
}

describe('demo feature options', () => {
  it('are exactly the feature kinds of the default 60-exercise demo library, per document type', () => {
    expect(kindsByType(demoExercises({ dpi: 50 }))).toEqual(FEATURE_OPTIONS_BY_TYPE);
  });

  it.each([16, 20])('cover every feature of a %i-exercise library (the tests’ size)', (exercises) => {
    for (const [type, kinds] of Object.entries(kindsByType(demoExercises({ dpi: 50, exercises })))) {
      expect(FEATURE_OPTIONS_BY_TYPE[type as 'TD3' | 'TD1']).toEqual(expect.arrayContaining(kinds));
    }
  });
});

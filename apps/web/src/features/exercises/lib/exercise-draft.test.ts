import type { ExerciseView } from '@firstline/contracts';
import { describe, expect, it } from 'vitest';
import {
  addRegion,
  fromView,
  integrityWarnings,
  parseDraft,
  removeRegion,
  setFraudType,
  setVerdict,
  toggleLight,
  toInput,
  updateRegion,
} from './exercise-draft';

const asset = '00000000-0000-4000-8000-00000000a001';
const view: ExerciseView = {
  id: '00000000-0000-4000-8000-000000000001',
  unitId: null,
  versionId: '00000000-0000-4000-8000-000000000002',
  version: 2,
  title: 'UTO TD3 — new photo',
  issuingState: 'UTO',
  documentType: 'TD3',
  difficulty: 3,
  tags: ['photo', 'td3'],
  verdict: 'fraudulent',
  fraudType: 'forged:photo-substitution',
  responseCount: 4,
  exposures: 0,
  useCount: 1,
  retiredAt: null,
  updatedAt: '2026-12-01T08:00:00Z',
  specimenId: null,
  parts: { locate: { maxPoints: 3 }, fraudType: true, features: true, mrz: false },
  images: [
    { side: 'data-page', light: 'visible', frame: 1, assetId: asset },
    { side: 'data-page', light: 'uv365', frame: 1, assetId: asset },
  ],
  travellerAssetId: null,
  mrz: [],
  featureOptions: ['portrait', 'laminate'],
  context: null,
  truth: {
    verdict: 'fraudulent',
    fraudType: 'forged:photo-substitution',
    regions: [
      {
        side: 'data-page',
        polygon: [
          [0.1, 0.2],
          [0.3, 0.2],
          [0.3, 0.6],
        ],
        features: ['portrait'],
        lights: ['visible', 'uv365'],
      },
    ],
    explanation: 'The photo was replaced.',
  },
  modules: [],
};
const square: Array<[number, number]> = [
  [0.5, 0.5],
  [0.6, 0.5],
  [0.6, 0.6],
  [0.5, 0.6],
];

describe('exercise draft', () => {
  it('round-trips the current version into the body PUT takes', () => {
    const input = toInput(fromView(view));
    expect(input.tags).toEqual(['photo', 'td3']);
    expect(input.truth.regions).toEqual(view.truth.regions);
    expect(parseDraft(fromView(view)).ok).toBe(true);
  });

  it('adds a drawn region on its side, seen under the light it was drawn on, then edits and deletes it', () => {
    const { draft, key } = addRegion(fromView(view), 'data-page', square, 'uv365');
    expect(draft.regions).toHaveLength(2);
    expect(draft.regions[1]).toMatchObject({ key, side: 'data-page', polygon: square, lights: ['uv365'] });
    const named = updateRegion(draft, key, { features: ['laminate'], note: 'edge lifted' });
    expect(toInput(named).truth.regions[1]).toEqual({
      side: 'data-page',
      polygon: square,
      features: ['laminate'],
      lights: ['uv365'],
      note: 'edge lifted',
    });
    expect(removeRegion(named, key).regions.map((r) => r.key)).toEqual([draft.regions[0].key]);
  });

  it('keeps the lights in taxonomy order when toggled', () => {
    expect(toggleLight(['uv365'], 'visible')).toEqual(['visible', 'uv365']);
    expect(toggleLight(['visible', 'uv365'], 'visible')).toEqual(['uv365']);
  });

  it('keeps verdict and fraud type consistent', () => {
    const genuine = setVerdict(fromView(view), 'genuine');
    expect(genuine).toMatchObject({ verdict: 'genuine', fraudType: 'genuine' });
    expect(setVerdict(genuine, 'fraudulent')).toMatchObject({ verdict: 'fraudulent', fraudType: 'counterfeit' });
    expect(setFraudType(genuine, 'impostor')).toMatchObject({ verdict: 'fraudulent', fraudType: 'impostor' });
  });

  it('reports every problem at once, by path', () => {
    const bad = { ...fromView(view), title: '', issuingState: 'U1', explanation: ' ' };
    const withShortRegion = addRegion(bad, 'data-page', square.slice(0, 2), 'visible').draft;
    const parsed = parseDraft(withShortRegion);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issues.map((i) => i.path)).toEqual(
      expect.arrayContaining(['title', 'issuingState', 'truth.explanation', 'truth.regions.1.polygon']),
    );
  });

  it('warns about a missing explanation, unmarked forgeries, featureless regions and an image count off the genuine', () => {
    expect(integrityWarnings(fromView(view), 2)).toEqual([]);
    const draft = { ...fromView(view), explanation: '', regions: [] };
    expect(integrityWarnings(draft, 3)).toEqual([
      { kind: 'noExplanation' },
      { kind: 'imageCount', count: 2, genuine: 3 },
      { kind: 'fraudulentWithoutRegions' },
    ]);
    const featureless = addRegion(fromView(view), 'data-page', square, 'visible').draft;
    expect(integrityWarnings(featureless, null)).toEqual([{ kind: 'regionWithoutFeatures', n: 2 }]);
    // A genuine document is not compared with anything and has no regions to mark.
    expect(integrityWarnings(setVerdict({ ...fromView(view), regions: [] }, 'genuine'), 5)).toEqual([]);
  });

  it('warns when a forged item’s images differ in pixel size from the genuine specimen’s of the same side and light', () => {
    const genuineImages = [
      { side: 'data-page' as const, light: 'visible' as const, frame: 1, width: 1250, height: 880 },
      { side: 'data-page' as const, light: 'uv365' as const, frame: 1, width: 1250, height: 880 },
    ];
    const sizes = new Map([[asset, { width: 1250, height: 880 }]]);
    expect(integrityWarnings(fromView(view), 2, { genuineImages, sizes })).toEqual([]);
    const larger = new Map([[asset, { width: 1300, height: 915 }]]);
    expect(integrityWarnings(fromView(view), 2, { genuineImages, sizes: larger })).toEqual([
      { kind: 'imageSize', side: 'data-page', light: 'visible', size: '1300 × 915', genuine: '1250 × 880' },
      { kind: 'imageSize', side: 'data-page', light: 'uv365', size: '1300 × 915', genuine: '1250 × 880' },
    ]);
    // Not processed yet (no size), or a genuine document: nothing to compare.
    const unknown = new Map([[asset, { width: null, height: null }]]);
    expect(integrityWarnings(fromView(view), 2, { genuineImages, sizes: unknown })).toEqual([]);
    const genuine = setVerdict({ ...fromView(view), regions: [] }, 'genuine');
    expect(integrityWarnings(genuine, 2, { genuineImages, sizes: larger })).toEqual([]);
  });

  it('warns when the parts differ from those most of a module’s pool asks, naming the module', () => {
    const common = { locate: { maxPoints: 3 }, fraudType: true, features: true, mrz: true };
    const pool = (over: { sharedBy: number; others?: number; commonParts?: ExerciseView['parts'] | null }) => ({
      id: asset,
      title: 'Desk drill',
      others: 4,
      commonParts: common as ExerciseView['parts'] | null,
      ...over,
    });
    expect(integrityWarnings(fromView(view), null, { pools: [pool({ sharedBy: 3 })] })).toEqual([
      { kind: 'poolParts', module: 'Desk drill', others: 4, sharedBy: 3, common, mine: view.parts },
    ]);
    // Half of the pool is not most of it; the same parts (maxPoints included) are no difference.
    expect(integrityWarnings(fromView(view), null, { pools: [pool({ sharedBy: 2 })] })).toEqual([]);
    expect(
      integrityWarnings(fromView(view), null, { pools: [pool({ sharedBy: 4, commonParts: view.parts })] }),
    ).toEqual([]);
    const fewerPoints = { ...view.parts, locate: { maxPoints: 1 } };
    expect(
      integrityWarnings(fromView(view), null, { pools: [pool({ sharedBy: 4, commonParts: fewerPoints })] }),
    ).toHaveLength(1);
    expect(
      integrityWarnings(fromView(view), null, { pools: [pool({ sharedBy: 0, others: 0, commonParts: null })] }),
    ).toEqual([]);
  });
});

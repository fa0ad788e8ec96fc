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
});

import type { SpecimenView } from '@firstline/contracts';
import { describe, expect, it } from 'vitest';
import {
  changeSpecimenForge,
  featuresUnder,
  fraudTypesFor,
  initialSpecimenForge,
  lightsOfSide,
  missing,
  sidesWithImages,
  specimenForgeRequest,
} from './specimen-forge-state';

const asset = { status: 'ready', urls: null } as never;
const specimen = {
  id: 'a0000000-0000-4000-8000-000000000001',
  images: [
    { id: '1', side: 'front', light: 'visible', frame: 1, asset },
    { id: '2', side: 'front', light: 'uv365', frame: 1, asset },
    { id: '3', side: 'back', light: 'visible', frame: 1, asset },
  ],
  features: [
    {
      id: 'f1',
      name: 'Laser-engraved portrait',
      kind: 'laser-engraving',
      side: 'front',
      lights: ['visible', 'ir'],
      region: [
        [0.1, 0.1],
        [0.3, 0.1],
        [0.3, 0.5],
        [0.1, 0.5],
      ],
    },
    {
      id: 'f2',
      name: 'Guilloche',
      kind: 'guilloche',
      side: 'front',
      lights: ['visible'],
      region: [
        [0, 0],
        [1, 0],
        [1, 1],
        [0, 1],
      ],
    },
    {
      id: 'f3',
      name: 'MRZ',
      kind: 'mrz',
      side: 'back',
      lights: ['visible'],
      region: [
        [0, 0.8],
        [1, 0.8],
        [1, 1],
        [0, 1],
      ],
    },
  ],
} as unknown as SpecimenView;

const overPortrait: [number, number][] = [
  [0.12, 0.12],
  [0.28, 0.12],
  [0.28, 0.45],
];

describe('the forge-on-a-specimen form state', () => {
  const start = initialSpecimenForge(7);

  it('offers the photographed sides and their lights', () => {
    expect(sidesWithImages(specimen)).toEqual(['front', 'back']);
    expect(lightsOfSide(specimen, 'front')).toEqual(['visible', 'uv365']);
    expect(sidesWithImages(undefined)).toEqual([]);
  });

  it('lists the features under the region on that side, the most covered first', () => {
    expect(featuresUnder(specimen, 'front', overPortrait).map((f) => f.kind)).toEqual(['laser-engraving', 'guilloche']);
    expect(featuresUnder(specimen, 'back', overPortrait)).toEqual([]);
    expect(featuresUnder(specimen, 'front', null)).toEqual([]);
  });

  it('forgets the region when the specimen or the side changes, and the options when the operation does', () => {
    const drawn = changeSpecimenForge(start, { specimenId: specimen.id, side: 'front', region: overPortrait });
    expect(drawn.region).toEqual(overPortrait);
    expect(changeSpecimenForge(drawn, { side: 'back' }).region).toBeNull();
    expect(changeSpecimenForge(drawn, { specimenId: 'other' })).toMatchObject({ side: '', region: null });
    const stamped = changeSpecimenForge(drawn, { operation: 'stamp', text: 'ENTRY' });
    expect(changeSpecimenForge(stamped, { operation: 'alter-field' }).text).toBe('');
    expect(changeSpecimenForge(drawn, { subtlety: 0.9 }).region).toEqual(overPortrait);
  });

  it('says what is still missing before the job can start', () => {
    expect(missing(start, false)).toEqual(['specimen', 'region']);
    expect(missing({ ...start, specimenId: 'x' }, true)).toEqual(['side', 'region', 'unit']);
    expect(missing({ ...start, specimenId: 'x', side: 'front', region: overPortrait }, false)).toEqual([]);
  });

  it('offers the fraud types an operation makes', () => {
    expect(fraudTypesFor('remove-feature')).toEqual(['counterfeit', 'forged:page-substitution']);
    expect(fraudTypesFor('stamp')).toEqual(['forged:visa-or-stamp']);
  });

  it('sends only the options the operation takes', () => {
    const state = {
      ...start,
      specimenId: specimen.id,
      side: 'front' as const,
      region: overPortrait,
      text: '  KHAN ',
      feature: 'guilloche' as const,
    };
    expect(specimenForgeRequest(state)).toEqual({
      specimenId: specimen.id,
      side: 'front',
      region: overPortrait,
      operation: 'photo-substitution',
      options: { subtlety: 0.5, seed: 7 },
    });
    expect(specimenForgeRequest({ ...state, operation: 'alter-field' }).options).toEqual({
      text: 'KHAN',
      subtlety: 0.5,
      seed: 7,
    });
    expect(specimenForgeRequest({ ...state, operation: 'remove-feature', fraudType: 'counterfeit' }).options).toEqual({
      fraudType: 'counterfeit',
      feature: 'guilloche',
      subtlety: 0.5,
      seed: 7,
    });
  });
});

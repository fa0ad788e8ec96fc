import { FEATURE_OPTIONS_BY_TYPE } from '@firstline/contracts';
import { describe, expect, it } from 'vitest';
import {
  cellKey,
  changePlan,
  initialUploadPlan,
  uploadedExerciseInput,
  uploadProblems,
  type UploadedCell,
} from './upload-plan';

const A = '00000000-0000-4000-8000-00000000a001';
const B = '00000000-0000-4000-8000-00000000a002';
const C = '00000000-0000-4000-8000-00000000a003';

describe('upload plan', () => {
  it('keeps verdict and fraud type consistent, and the sides those of the document type', () => {
    const plan = initialUploadPlan();
    expect(changePlan(plan, { verdict: 'genuine' })).toMatchObject({ verdict: 'genuine', fraudType: 'genuine' });
    expect(changePlan(plan, { fraudType: 'impostor' })).toMatchObject({ verdict: 'fraudulent' });
    expect(changePlan(changePlan(plan, { verdict: 'genuine' }), { verdict: 'fraudulent' }).fraudType).toBe(
      'counterfeit',
    );
    expect(changePlan(plan, { documentType: 'TD1' }).sides).toEqual(['front', 'back']);
  });

  it('lists every reason it cannot make the exercise yet', () => {
    const plan = { ...initialUploadPlan(), documentType: 'TD1' as const, sides: ['front' as const, 'back' as const] };
    const cells = new Map<string, UploadedCell>([
      [cellKey('front', 'visible'), { assetId: A, status: 'ready' }],
      [cellKey('back', 'uv365'), { assetId: B, status: 'processing' }],
      [cellKey('front', 'ir'), { assetId: C, status: 'failed' }],
    ]);
    expect(uploadProblems(plan, cells, { needsUnit: true })).toEqual([
      { kind: 'noVisible', side: 'back' },
      { kind: 'notReady', count: 1 },
      { kind: 'failed', count: 1 },
      { kind: 'noExplanation' },
      { kind: 'noUnit' },
    ]);
    expect(uploadProblems({ ...plan, title: ' ' }, new Map(), { needsUnit: false })).toEqual([
      { kind: 'noImages' },
      { kind: 'noTitle' },
      { kind: 'noExplanation' },
    ]);
  });

  it('makes an exercise of the chosen sides’ images with the parts and options forged exercises have', () => {
    const plan = { ...initialUploadPlan(), explanation: ' Replaced portrait. ', unitId: A };
    const cells = new Map<string, UploadedCell>([
      [cellKey('data-page', 'uv365'), { assetId: B, status: 'ready' }],
      [cellKey('data-page', 'visible'), { assetId: A, status: 'ready' }],
      [cellKey('visa-page', 'visible'), { assetId: C, status: 'ready' }], // a side not chosen: left out
    ]);
    expect(uploadProblems(plan, cells, { needsUnit: true })).toEqual([]);
    const input = uploadedExerciseInput(plan, cells);
    expect(input.images).toEqual([
      { side: 'data-page', light: 'visible', frame: 1, assetId: A },
      { side: 'data-page', light: 'uv365', frame: 1, assetId: B },
    ]);
    expect(input).toMatchObject({
      parts: { locate: { maxPoints: 3 }, fraudType: true, features: true, mrz: false },
      featureOptions: FEATURE_OPTIONS_BY_TYPE.TD3,
      truth: { regions: [], explanation: 'Replaced portrait.' },
      unitId: A,
    });
  });
});

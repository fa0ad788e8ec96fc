import { describe, expect, it } from 'vitest';
import { changeForgeForm, forgeRequest, initialForgeForm } from './forge-form-state';

describe('the forge form state', () => {
  const start = initialForgeForm(42);

  it('forgets the operation and a target that no longer fit when the fraud type changes', () => {
    const altered = changeForgeForm(start, { fraudType: 'forged:data-alteration', operation: 'alter-data' });
    const targeted = changeForgeForm(altered, { target: 'surname' });
    expect(targeted).toMatchObject({ operation: 'alter-data', target: 'surname' });
    const mrz = changeForgeForm(targeted, { operation: 'tamper-mrz' });
    expect(mrz.target).toBe(''); // tamper-mrz cannot change the surname
    const counterfeit = changeForgeForm(mrz, { fraudType: 'counterfeit' });
    expect(counterfeit).toMatchObject({ operation: '', target: '' });
  });

  it('keeps page and stamp forgeries on passports', () => {
    const card = changeForgeForm(start, { documentType: 'TD1' });
    expect(changeForgeForm(card, { fraudType: 'forged:page-substitution' }).documentType).toBe('TD3');
  });

  it('sends only what was chosen, leaving the defaults to the server', () => {
    expect(forgeRequest(start)).toEqual({
      issuingState: 'UTO',
      documentType: 'TD3',
      fraudType: 'forged:photo-substitution',
      subtlety: 0.5,
      seed: 42,
    });
    const chosen = changeForgeForm(start, {
      fraudType: 'forged:data-alteration',
      operation: 'tamper-mrz',
      target: 'dateOfBirth',
      unitId: 'u1',
    });
    expect(forgeRequest(chosen)).toMatchObject({ operation: 'tamper-mrz', target: 'dateOfBirth', unitId: 'u1' });
  });
});

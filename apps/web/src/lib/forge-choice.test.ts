import { describe, expect, it } from 'vitest';
import {
  changeForgeChoice,
  fitsDocumentType,
  operationOf,
  operationsFor,
  targetsFor,
  type ForgeChoice,
} from './forge-choice';

describe('the forge choices', () => {
  const start: ForgeChoice = { documentType: 'TD3', fraudType: 'forged:photo-substitution', operation: '', target: '' };

  it('offers the operations of the fraud type, none for a genuine document', () => {
    expect(operationsFor('forged:data-alteration')).toEqual(['alter-data', 'scrub-data', 'tamper-mrz']);
    expect(operationsFor('genuine')).toEqual([]);
  });

  it('offers a target field only to the operations that change one', () => {
    expect(targetsFor('tamper-mrz')).toEqual(['documentNumber', 'dateOfBirth', 'dateOfExpiry']);
    expect(targetsFor('alter-data')).toContain('surname');
    expect(targetsFor('photo-substitution')).toEqual([]);
    expect(targetsFor('')).toEqual([]);
  });

  it('uses the first operation of the fraud type unless one is chosen', () => {
    expect(operationOf({ fraudType: 'forged:data-alteration', operation: '' })).toBe('alter-data');
    expect(operationOf({ fraudType: 'forged:data-alteration', operation: 'tamper-mrz' })).toBe('tamper-mrz');
    expect(operationOf({ fraudType: 'genuine', operation: '' })).toBe('');
  });

  it('keeps page and stamp forgeries on passports', () => {
    expect(fitsDocumentType('forged:visa-or-stamp', 'TD1')).toBe(false);
    expect(fitsDocumentType('forged:page-substitution', 'TD1')).toBe(false);
    expect(fitsDocumentType('counterfeit', 'TD1')).toBe(true);
    const card = changeForgeChoice(start, { documentType: 'TD1' });
    expect(changeForgeChoice(card, { fraudType: 'forged:visa-or-stamp' }).documentType).toBe('TD3');
  });

  it('forgets an operation and a target that no longer fit', () => {
    const mrz = changeForgeChoice(start, { fraudType: 'forged:data-alteration', operation: 'tamper-mrz' });
    const dob = changeForgeChoice(mrz, { target: 'dateOfBirth' });
    expect(changeForgeChoice(dob, { operation: 'alter-data' }).target).toBe('dateOfBirth');
    expect(changeForgeChoice(dob, { fraudType: 'genuine' })).toMatchObject({ operation: '', target: '' });
  });
});

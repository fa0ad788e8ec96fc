import { PSEUDO_STATE_CODES, TRAINING_STATE_CODES } from '@firstline/contracts';
import { afterEach, describe, expect, it } from 'vitest';
import en from '@/locales/en.json';
import ur from '@/locales/ur.json';
import { i18n } from './i18n';
import { dimensionValueLabel } from './taxonomy-keys';

// The forge's issuing states: the training states and the pseudo states of fantasy documents (forge specs check that
// it has a design for each of these, and for no other).
const FORGE_STATES = [...TRAINING_STATE_CODES, ...PSEUDO_STATE_CODES];

describe('dimensionValueLabel', () => {
  afterEach(() => i18n.changeLanguage('en'));

  it('names every state the forge issues documents of, in both languages, and marks the pseudo states', async () => {
    for (const lng of ['en', 'ur'] as const) {
      const states = (lng === 'en' ? en : ur).taxonomy.state as Record<string, string>;
      expect(Object.keys(states).sort()).toEqual([...FORGE_STATES].sort());
      if (!i18n.hasResourceBundle(lng, 'translation'))
        i18n.addResourceBundle(lng, 'translation', lng === 'en' ? en : ur);
      await i18n.changeLanguage(lng);
      for (const code of FORGE_STATES) {
        const label = dimensionValueLabel(i18n.t, 'issuingState', code);
        expect(label).toBe(states[code]);
        expect(label).toContain(code);
      }
    }
    expect(en.taxonomy.state.LMU).toBe('Lemuria (LMU, no such state)');
  });

  it('shows a value the catalogue does not name as it is (a real state’s ICAO code)', () => {
    expect(dimensionValueLabel(i18n.t, 'issuingState', 'PAK')).toBe('PAK');
  });
});

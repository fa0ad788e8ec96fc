import { FEATURE_TAXONOMY, PSEUDO_STATE_CODES, TRAINING_STATE_CODES, categoryOfFeature } from '@firstline/contracts';
import { parse } from 'mrz';
import { renderGenuine } from './instance';
import { checkMrz, isKnownStateCode } from './mrz';
import { PSEUDO_DESIGNS } from './states';
import { expectPolygonInImage } from './testing/images';

const STATES = ['UTO', 'ARC', 'BRG'];
const TYPES = ['TD3', 'TD1'] as const;

describe('genuine specimens (no rendering)', () => {
  const instances = STATES.flatMap((state) =>
    TYPES.flatMap((type) => Array.from({ length: 12 }, (_, i) => renderGenuine({ state, type, seed: i, dpi: 100 }))),
  );

  it('covers every training state of the contracts with a distinct design', () => {
    expect(new Set(STATES)).toEqual(new Set(TRAINING_STATE_CODES));
  });

  it('every genuine MRZ is valid under the mrz package, but for the fictional state codes', () => {
    for (const inst of instances) {
      const result = parse(inst.mrz);
      expect(result.format).toBe(inst.documentType);
      const failing = result.details.filter((d) => !d.valid);
      // Only the issuing state and nationality fail, and only because the code is fictional.
      for (const d of failing) {
        expect(['issuingState', 'nationality']).toContain(d.field);
        expect(d.error).toMatch(/invalid state code: (UTO|ARC|BRG)/);
      }
      for (const d of result.details.filter((x) => /CheckDigit$/.test(x.field ?? ''))) expect(d.valid).toBe(true);
      expect(checkMrz(inst.mrz)).toMatchObject({ valid: true, failedChecks: [] });
    }
  });

  it('pseudo state codes are in neither the ICAO list nor the training states', () => {
    for (const code of PSEUDO_STATE_CODES) expect(isKnownStateCode(code)).toBe(false);
  });

  it('has a pseudo design for exactly the pseudo states the contracts name', () => {
    expect(Object.keys(PSEUDO_DESIGNS)).toEqual(PSEUDO_STATE_CODES);
  });

  it('VIZ agrees with the MRZ', () => {
    for (const inst of instances) {
      const r = checkMrz(inst.mrz);
      expect(r.fields.documentNumber).toBe(inst.document.documentNumber);
      expect(r.fields.lastName).toBe(inst.holder.surname);
      expect(inst.viz.find((v) => v.key === 'documentNumber')?.value).toBe(inst.document.documentNumber);
      expect(inst.viz.find((v) => v.key === 'surname')?.value).toBe(inst.holder.surname);
    }
  });

  it('annotates features with taxonomy names, categories, lights and in-image polygons', () => {
    const kinds = Object.values(FEATURE_TAXONOMY).flat() as string[];
    for (const inst of instances.slice(0, 12)) {
      expect(inst.features.length).toBeGreaterThan(12);
      for (const f of inst.features) {
        expect(kinds).toContain(f.name);
        expect(f.category).toBe(categoryOfFeature(f.name));
        expect(f.lights.length).toBeGreaterThan(0);
        expectPolygonInImage(f.polygon);
      }
      const names = new Set(inst.features.map((f) => f.name));
      for (const n of [
        'guilloche',
        'rosette',
        'microprint',
        'rainbow-printing',
        'ghost-image',
        'kinegram',
        'security-fibres',
        'signature',
        'mrz',
        'uv-fluorescent-ink',
        'uv-dull-paper',
        'metameric-ink',
        'see-through-register',
      ]) {
        expect(names).toContain(n);
      }
      if (inst.documentType === 'TD1') expect(names).toContain('laser-perforation');
      else expect(names).toContain('watermark');
    }
  });

  it('lists one image per light for a TD3 page, oblique in three frames', () => {
    const td3 = instances.find((i) => i.documentType === 'TD3')!;
    expect(td3.images.map((i) => i.file)).toEqual([
      'visible.png',
      'uv365.png',
      'uv254.png',
      'ir.png',
      'transmitted.png',
      'oblique-1.png',
      'oblique-2.png',
      'oblique-3.png',
    ]);
  });

  it('lists the images of both sides of a TD1 card, the back under back/', () => {
    const td1 = instances.find((i) => i.documentType === 'TD1')!;
    expect(td1.images.map((i) => i.file)).toContain('back/visible.png');
    expect(td1.sides.map((s) => s.side)).toEqual(['front', 'back']);
  });

  it('documents are valid on the reference date and not in a stolen series', () => {
    for (const inst of instances) {
      expect(inst.document.dateOfExpiry > inst.context.referenceDate).toBe(true);
      expect(inst.document.dateOfIssue < inst.context.referenceDate).toBe(true);
      expect(
        inst.context.stolenBlankSeries.some(
          (s) =>
            s.state === inst.state.code &&
            s.documentType === inst.documentType &&
            inst.document.documentNumber >= s.from &&
            inst.document.documentNumber <= s.to,
        ),
      ).toBe(false);
    }
  });

  it('rejects an unknown state', () => {
    expect(() => renderGenuine({ state: 'XYZ', type: 'TD3', seed: 1 })).toThrow(/unknown training state/);
  });

  it('rejects an unknown document type', () => {
    expect(() => renderGenuine({ state: 'UTO', type: 'TD2' as 'TD3', seed: 1 })).toThrow(/unknown document type/);
  });
});

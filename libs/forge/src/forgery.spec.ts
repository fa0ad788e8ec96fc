import { categoryOfFeature, FEATURE_KINDS, FRAUD_TYPES, LIGHTS } from '@firstline/contracts';
import {
  alterData,
  counterfeit,
  forgeStamp,
  ForgeError,
  fraudulentlyObtained,
  genuineTruth,
  impostor,
  pageSubstitution,
  photoSubstitution,
  pseudo,
  scrubData,
  stolenBlank,
  tamperMrz,
  type ForgeryName,
  FORGERIES,
} from './forgery';
import { renderGenuine, renderImages } from './instance';
import { presentationOf } from './io';
import { checkMrz } from './mrz';
import { decode, diffCoverage, expectPolygonInImage } from './testing/images';
import type { DocumentInstance, ForgeryResult } from './types';

const DPI = 110;

function checkTruthShape(r: ForgeryResult): void {
  const t = r.truth;
  expect(FRAUD_TYPES).toContain(t.fraudType);
  expect(t.verdict).toBe(t.fraudType === 'genuine' ? 'genuine' : 'fraudulent');
  expect(t.explanation.length).toBeGreaterThan(60);
  for (const region of t.regions) {
    expectPolygonInImage(region.polygon);
    expect(region.lights.length).toBeGreaterThan(0);
    for (const l of region.lights) expect(LIGHTS).toContain(l);
    for (const f of region.features) {
      expect(FEATURE_KINDS).toContain(f.name);
      expect(f.category).toBe(categoryOfFeature(f.name));
    }
    expect(r.instance.sides.map((s) => s.side)).toContain(region.side);
  }
}

/** ≥ 95 % of the pixels that differ between genuine and forged visible images lie inside the declared regions. */
async function expectRegionsCoverChanges(genuine: DocumentInstance, forged: ForgeryResult): Promise<number> {
  const g = await renderImages(genuine, { lights: ['visible'] });
  const f = await renderImages(forged.instance, { lights: ['visible'] });
  let changedTotal = 0;
  for (const gi of g) {
    const fi = f.find((x) => x.side === gi.side);
    if (!fi) continue;
    const polys = forged.truth.regions.filter((r) => r.side === gi.side).map((r) => r.polygon);
    const { changed, inside } = diffCoverage(await decode(gi.png), await decode(fi.png), polys);
    changedTotal += changed;
    if (changed > 0) expect(inside / changed).toBeGreaterThanOrEqual(0.95);
  }
  return changedTotal;
}

describe('forgery operations', () => {
  const cases: [string, ForgeryName, string, 'TD3' | 'TD1', number][] = [
    ['photo substitution, crude, TD3', 'photoSubstitution', 'UTO', 'TD3', 0.1],
    ['photo substitution, careful, TD1', 'photoSubstitution', 'ARC', 'TD1', 0.9],
    ['data alteration, crude, TD3', 'alterData', 'BRG', 'TD3', 0.2],
    ['data alteration, careful (MRZ recomputed), TD1', 'alterData', 'UTO', 'TD1', 0.85],
    ['erasure residue, TD3', 'scrubData', 'ARC', 'TD3', 0.4],
    ['erasure residue, TD1', 'scrubData', 'BRG', 'TD1', 0.6],
    ['MRZ tampering, TD3', 'tamperMrz', 'UTO', 'TD3', 0.3],
    ['MRZ tampering, TD1', 'tamperMrz', 'ARC', 'TD1', 0.7],
    ['page substitution, TD3', 'pageSubstitution', 'BRG', 'TD3', 0.3],
    ['stolen blank, TD3', 'stolenBlank', 'UTO', 'TD3', 0.5],
    ['stolen blank, TD1', 'stolenBlank', 'BRG', 'TD1', 0.5],
    ['fraudulently obtained, TD1', 'fraudulentlyObtained', 'UTO', 'TD1', 0.5],
    ['impostor, TD3', 'impostor', 'ARC', 'TD3', 0.5],
  ];

  const coverage = '%s: regions inside the image and covering the changed pixels';
  it.each(cases)(coverage, async (_name, op, state, type, subtlety) => {
    for (const seed of [1, 2]) {
      const genuine = renderGenuine({ state, type, seed, dpi: DPI });
      const forged = FORGERIES[op](genuine, { subtlety, seed });
      checkTruthShape(forged);
      const changed = await expectRegionsCoverChanges(genuine, forged);
      if (op === 'impostor' || op === 'fraudulentlyObtained') expect(changed).toBe(0);
      else expect(changed).toBeGreaterThan(0);
      if (op !== 'fraudulentlyObtained') expect(forged.truth.regions.length).toBeGreaterThan(0);
    }
  });

  it('forged visa stamps: the region covers the changed pixels of the visa page', async () => {
    for (const [seed, mode] of [
      [3, 'added'],
      [4, 'replaced'],
    ] as const) {
      const genuine = renderGenuine({ state: 'UTO', type: 'TD3', seed, dpi: DPI, withVisaPage: true });
      const forged = forgeStamp(genuine, { subtlety: 0.3, seed, mode });
      checkTruthShape(forged);
      expect(forged.truth.fraudType).toBe('forged:visa-or-stamp');
      expect(await expectRegionsCoverChanges(genuine, forged)).toBeGreaterThan(0);
    }
  });

  it('a counterfeit differs over the whole page and still declares feature regions', () => {
    const g = renderGenuine({ state: 'ARC', type: 'TD3', seed: 5, dpi: DPI });
    const c = counterfeit(g, { subtlety: 0.2 });
    checkTruthShape(c);
    expect(c.truth.regions.map((r) => r.features[0].name)).toEqual(
      expect.arrayContaining(['guilloche', 'microprint', 'uv-fluorescent-ink', 'kinegram', 'watermark']),
    );
  });

  it('a pseudo document comes from a state that does not exist, with an MRZ whose check digits pass', () => {
    const g = renderGenuine({ state: 'ARC', type: 'TD3', seed: 5, dpi: DPI });
    const p = pseudo(g, { seed: 2 });
    checkTruthShape(p);
    expect(p.instance.state.exists).toBe(false);
    const mrz = checkMrz(p.instance.mrz);
    expect(mrz.unknownState).toBe(true);
    expect(mrz.failedChecks).toEqual([]);
  });

  it('MRZ tampering with a check digit left alone fails that check', () => {
    const g = renderGenuine({ state: 'UTO', type: 'TD3', seed: 9, dpi: DPI });
    const a = tamperMrz(g, { mode: 'check-digit', field: 'dateOfBirth' });
    expect(a.truth.mrzFailedChecks).toEqual(expect.arrayContaining(['birthDateCheckDigit', 'compositeCheckDigit']));
    expect(checkMrz(a.instance.mrz).valid).toBe(false);
  });

  it('MRZ tampering into a VIZ mismatch keeps the MRZ valid', () => {
    const g = renderGenuine({ state: 'UTO', type: 'TD3', seed: 9, dpi: DPI });
    const b = tamperMrz(g, { mode: 'viz-mismatch', field: 'dateOfExpiry' });
    expect(b.truth.mrzFailedChecks).toEqual([]);
    expect(checkMrz(b.instance.mrz).valid).toBe(true);
    expect(b.instance.mrz).not.toEqual(g.mrz);
  });

  it('data alteration can leave the MRZ inconsistent with the altered VIZ', () => {
    const g = renderGenuine({ state: 'BRG', type: 'TD3', seed: 4, dpi: DPI });
    const inconsistent = alterData(g, { field: 'dateOfBirth', mrz: 'inconsistent' });
    expect(inconsistent.instance.mrz).toEqual(g.mrz);
    const dateOfBirth = (i: DocumentInstance): string | undefined => i.viz.find((v) => v.key === 'dateOfBirth')?.value;
    expect(dateOfBirth(inconsistent.instance)).not.toBe(dateOfBirth(g));
  });

  it('data alteration can recompute the MRZ, and then marks it as a tampered region', () => {
    const g = renderGenuine({ state: 'BRG', type: 'TD3', seed: 4, dpi: DPI });
    const recomputed = alterData(g, { field: 'dateOfBirth', mrz: 'recomputed' });
    expect(recomputed.instance.mrz).not.toEqual(g.mrz);
    expect(checkMrz(recomputed.instance.mrz).valid).toBe(true);
    expect(recomputed.truth.regions.some((r) => r.features.some((f) => f.name === 'mrz'))).toBe(true);
  });

  it('stolen blanks carry a number in a reported series and a valid MRZ', () => {
    const g = renderGenuine({ state: 'ARC', type: 'TD1', seed: 6, dpi: DPI });
    const s = stolenBlank(g);
    const series = s.instance.context.stolenBlankSeries.find((x) => x.state === 'ARC' && x.documentType === 'TD1')!;
    const number = s.instance.document.documentNumber;
    expect(number >= series.from && number <= series.to).toBe(true);
    expect(checkMrz(s.instance.mrz).valid).toBe(true);
  });

  it('fraudulently obtained documents show only a register discrepancy, no region', () => {
    const g = renderGenuine({ state: 'ARC', type: 'TD1', seed: 6, dpi: DPI });
    const f = fraudulentlyObtained(g);
    expect(f.truth.regions).toEqual([]);
    expect(f.instance.context.records.some((r) => r.result === 'discrepancy')).toBe(true);
  });

  it('a TD1 number alteration points at the perforation and the serial, which keep the original number', async () => {
    const g = renderGenuine({ state: 'BRG', type: 'TD1', seed: 12, dpi: DPI });
    const r = alterData(g, { field: 'documentNumber', subtlety: 0.3 });
    const names = r.truth.regions.flatMap((x) => x.features.map((f) => f.name));
    expect(names).toEqual(expect.arrayContaining(['viz-data', 'laser-perforation', 'offset']));
    expect(await expectRegionsCoverChanges(g, r)).toBeGreaterThan(0);
  });

  it('a trainee presentation carries no answer key', () => {
    const g = renderGenuine({ state: 'UTO', type: 'TD3', seed: 3, dpi: DPI });
    const p = presentationOf(photoSubstitution(g).instance) as unknown as Record<string, unknown>;
    expect(Object.keys(p).sort()).toEqual(['context', 'documentType', 'id', 'images', 'sides', 'traveller']);
    expect(JSON.stringify(p)).not.toMatch(/substitut|fraud|verdict/i);
  });

  it('impostor: same document, a different traveller face', () => {
    const g = renderGenuine({ state: 'UTO', type: 'TD1', seed: 8, dpi: DPI });
    const i = impostor(g);
    expect(i.instance.recipe.traveller).toBe('look-alike');
    expect(i.instance.mrz).toEqual(g.mrz);
  });

  it('photo substitution puts the new face on the traveller', () => {
    const g = renderGenuine({ state: 'UTO', type: 'TD3', seed: 8, dpi: DPI });
    const p = photoSubstitution(g);
    expect(p.instance.recipe.travellerFaceSeed).toBe(p.instance.recipe.photoSubstitution?.faceSeed);
  });

  describe('refuses what does not apply', () => {
    const td1 = renderGenuine({ state: 'UTO', type: 'TD1', seed: 1, dpi: DPI });

    it('page substitution and stamp forgery on a TD1 card', () => {
      expect(() => pageSubstitution(td1)).toThrow(ForgeError);
      expect(() => forgeStamp(td1)).toThrow(ForgeError);
    });

    it('forging an instance that is already forged', () => {
      const forged = scrubData(td1);
      expect(() => scrubData(forged.instance)).toThrow(/genuine instance/);
    });

    it('a subtlety outside 0–1', () => {
      expect(() => alterData(td1, { subtlety: 2 })).toThrow(/subtlety/);
    });
  });

  it('genuine documents get a genuine truth', () => {
    const g = renderGenuine({ state: 'BRG', type: 'TD3', seed: 2, dpi: DPI });
    expect(genuineTruth(g)).toMatchObject({ verdict: 'genuine', fraudType: 'genuine', regions: [] });
  });

  it('forged instance ids give nothing away', () => {
    const g = renderGenuine({ state: 'UTO', type: 'TD3', seed: 1, dpi: DPI });
    for (const op of Object.keys(FORGERIES) as ForgeryName[]) {
      const r = FORGERIES[op](g, { seed: 1 });
      expect(r.instance.id).toMatch(/^FL-[0-9A-Z]{14}$/);
    }
    expect(g.id).toMatch(/^FL-[0-9A-Z]{14}$/);
  });
});

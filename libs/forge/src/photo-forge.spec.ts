import type { Polygon } from '@firstline/contracts';
import { renderGenuine, renderImages } from './instance';
import { forgePhotographs, lightsShowing, substituteTraveller, type Photograph } from './photo-forge';
import { decode, pointInPolygon } from './testing/images';
import type { DocumentInstance } from './types';

const DPI = 110;
let instance: DocumentInstance;
let photos: Photograph[];

beforeAll(async () => {
  instance = renderGenuine({ state: 'UTO', type: 'TD3', seed: 'photo-forge', dpi: DPI });
  const images = await renderImages(instance, { lights: ['visible', 'transmitted', 'oblique', 'uv365', 'ir'] });
  photos = [];
  for (const img of images.filter((i) => i.side === 'data-page')) {
    const d = await decode(img.png);
    expect(d.channels).toBe(3);
    photos.push({ light: img.light, frame: img.frame ?? 1, width: d.width, height: d.height, data: d.data });
  }
}, 60_000);

const feature = (name: string): Polygon => {
  const f = instance.features.find((x) => x.name === name && x.side === 'data-page');
  if (!f) throw new Error(`no ${name}`);
  return f.polygon;
};
const bbox = (poly: Polygon): Polygon => {
  const xs = poly.map((p) => p[0]);
  const ys = poly.map((p) => p[1]);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  return [
    [x0, y0],
    [x1, y0],
    [x1, y1],
    [x0, y1],
  ];
};

/** Per-pixel statistics of a photograph inside and outside a polygon (pixels near its edge left out). */
function stats(p: Photograph, before: Photograph, poly: Polygon) {
  let changedOutside = 0;
  let changedInside = 0;
  let inside = 0;
  const lum: number[] = [];
  let blue = 0;
  let red = 0;
  const xs = poly.map((q) => q[0] * p.width);
  const ys = poly.map((q) => q[1] * p.height);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  /** Inside the polygon's box shrunk by m pixels (grown for m < 0). */
  const shrunk = (x: number, y: number, m: number) => x > x0 + m && x < x1 - m && y > y0 + m && y < y1 - m;
  for (let y = 0; y < p.height; y++) {
    for (let x = 0; x < p.width; x++) {
      const o = (y * p.width + x) * 3;
      const diff =
        Math.abs(p.data[o] - before.data[o]) +
        Math.abs(p.data[o + 1] - before.data[o + 1]) +
        Math.abs(p.data[o + 2] - before.data[o + 2]);
      const cx = x + 0.5;
      const cy = y + 0.5;
      const within = shrunk(cx, cy, -8) && pointInPolygon(cx / p.width, cy / p.height, poly);
      if (!within) {
        if (!shrunk(cx, cy, -8) && diff > 0) changedOutside++;
      } else if (shrunk(cx, cy, 2)) {
        inside++;
        if (diff > 24) changedInside++;
        lum.push(0.299 * p.data[o] + 0.587 * p.data[o + 1] + 0.114 * p.data[o + 2]);
        red += p.data[o];
        blue += p.data[o + 2];
      }
    }
  }
  const mean = lum.reduce((a, b) => a + b, 0) / lum.length;
  const sd = Math.sqrt(lum.reduce((a, b) => a + (b - mean) ** 2, 0) / lum.length);
  return { changedOutside, changedShare: changedInside / inside, sd, min: Math.min(...lum), blueOverRed: blue / red };
}

const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));
const byLight = (list: Photograph[], light: string) => list.find((p) => p.light === light && p.frame === 1)!;

describe('forging on photographs of a genuine document', () => {
  it('substitutes the portrait consistently under every light and leaves the rest of the page untouched', async () => {
    const region = bbox(feature('laser-engraving'));
    const before = photos.map((p) => ({ ...p, data: Uint8Array.from(p.data) }));
    const r = await forgePhotographs(photos, { operation: 'photo-substitution', region, seed: 7, sex: 'F' });
    expect(photos.every((p, i) => same(p.data, before[i].data))).toBe(true); // the input is not changed
    expect(r.lights.sort()).toEqual(['ir', 'oblique', 'transmitted', 'uv365', 'visible']);
    expect(r.face).toEqual({ seed: '7:substitute', sex: 'F' });
    for (const light of ['visible', 'oblique', 'transmitted', 'uv365', 'ir']) {
      const s = stats(byLight(r.photographs, light), byLight(before, light), region);
      expect(s.changedOutside).toBe(0);
      expect(s.changedShare).toBeGreaterThan(0.25);
    }
    // Under UV the print glows evenly (no pattern), bluish; in IR the dye portrait is gone: plain paper.
    const uv = stats(byLight(r.photographs, 'uv365'), byLight(before, 'uv365'), region);
    expect(uv.blueOverRed).toBeGreaterThan(1.3);
    const irBefore = stats(byLight(before, 'ir'), byLight(before, 'ir'), region);
    const ir = stats(byLight(r.photographs, 'ir'), byLight(before, 'ir'), region);
    expect(ir.sd).toBeLessThan(irBefore.sd / 2);
    // Against the light the pasted print is a denser patch.
    const tBefore = stats(byLight(before, 'transmitted'), byLight(before, 'transmitted'), region);
    expect(stats(byLight(r.photographs, 'transmitted'), byLight(before, 'transmitted'), region).sd).toBeLessThan(
      tBefore.sd + 40,
    );
  });

  it('retypes a field in the ink it finds, and the new ink vanishes in infrared', async () => {
    const field = instance.viz.find((v) => v.key === 'surname')!;
    const region = bbox(field.polygon);
    const r = await forgePhotographs(photos, { operation: 'alter-field', region, seed: 3, text: 'KHAN' });
    expect(r.lights.sort()).toEqual(['ir', 'transmitted', 'uv365', 'visible']);
    const visible = stats(byLight(r.photographs, 'visible'), byLight(photos, 'visible'), region);
    expect(visible.changedOutside).toBe(0);
    expect(visible.min).toBeLessThan(110); // dark retyped glyphs
    const irBefore = stats(byLight(photos, 'ir'), byLight(photos, 'ir'), region);
    const ir = stats(byLight(r.photographs, 'ir'), byLight(photos, 'ir'), region);
    expect(irBefore.min).toBeLessThan(110); // the genuine print shows in IR …
    expect(ir.min).toBeGreaterThan(irBefore.min + 40); // … the retyped one does not
  });

  it('removes a feature only under the lights it answers to', async () => {
    const region = bbox(feature('laser-engraving'));
    const r = await forgePhotographs(photos, {
      operation: 'remove-feature',
      region,
      seed: 1,
      feature: { kind: 'uv-fluorescent-ink', lights: ['uv365'] },
    });
    expect(r.lights).toEqual(['uv365']);
    for (const light of ['visible', 'oblique', 'transmitted', 'ir']) {
      expect(same(byLight(r.photographs, light).data, byLight(photos, light).data)).toBe(true);
    }
    expect(same(byLight(r.photographs, 'uv365').data, byLight(photos, 'uv365').data)).toBe(false);
  });

  it('stamps in an ink that does not fluoresce and does not show in infrared', async () => {
    const region: Polygon = [
      [0.55, 0.1],
      [0.8, 0.1],
      [0.8, 0.4],
      [0.55, 0.4],
    ];
    const r = await forgePhotographs(photos, { operation: 'stamp', region, seed: 5, subtlety: 0 });
    expect(same(byLight(r.photographs, 'ir').data, byLight(photos, 'ir').data)).toBe(true);
    const uvBefore = stats(byLight(photos, 'uv365'), byLight(photos, 'uv365'), region);
    const uv = stats(byLight(r.photographs, 'uv365'), byLight(photos, 'uv365'), region);
    expect(uv.min).toBeLessThan(uvBefore.min);
    expect(stats(byLight(r.photographs, 'visible'), byLight(photos, 'visible'), region).changedOutside).toBe(0);
  });

  it('names only the lights photographed', () => {
    expect(lightsShowing('stamp', ['visible', 'ir'])).toEqual(['visible']);
    expect(lightsShowing('remove-feature', ['visible', 'uv365'], { lights: ['uv365', 'uv254'] })).toEqual(['uv365']);
  });

  it('draws the substituted face as the traveller at the desk', async () => {
    const t = await substituteTraveller({ seed: '7:substitute', sex: 'F' }, 60, 80);
    expect(t.data.length).toBe(60 * 80 * 3);
    expect(new Set(t.data).size).toBeGreaterThan(20);
  });
});

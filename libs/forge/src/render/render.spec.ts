import { alterData, counterfeit, forgeStamp, photoSubstitution } from '../forgery';
import { renderGenuine, renderImage, renderImages, renderTraveller } from '../instance';
import { decode, type Decoded } from '../testing/images';

function chunkTypes(png: Buffer): string[] {
  const out: string[] = [];
  for (let off = 8; off < png.length;) {
    const len = png.readUInt32BE(off);
    out.push(png.subarray(off + 4, off + 8).toString('latin1'));
    off += 12 + len;
  }
  return out;
}

describe('rendering', () => {
  it('renders a TD3 data page at 600 dpi as about 2953 × 2079 px (125 × 88 mm)', async () => {
    const inst = renderGenuine({ state: 'UTO', type: 'TD3', seed: 1 });
    expect(inst.dpi).toBe(600);
    expect(inst.sides[0]).toMatchObject({ side: 'data-page', widthMm: 125, heightMm: 88, width: 2953, height: 2079 });
    const png = await renderImage(inst, 'data-page', 'ir');
    const img = await decode(png);
    expect([img.width, img.height]).toEqual([2953, 2079]);
  });

  it('sizes a TD1 card at 85.6 × 54 mm', () => {
    const inst = renderGenuine({ state: 'ARC', type: 'TD1', seed: 1 });
    expect(inst.sides.map((s) => [s.side, s.width, s.height])).toEqual([
      ['front', 2022, 1276],
      ['back', 2022, 1276],
    ]);
  });

  it('writes lossless PNGs with identical encoder settings and no metadata', async () => {
    const g = renderGenuine({ state: 'BRG', type: 'TD3', seed: 2, dpi: 80 });
    const f = counterfeit(g).instance;
    const [gi] = await renderImages(g, { lights: ['visible'] });
    const [fi] = await renderImages(f, { lights: ['visible'] });
    expect(chunkTypes(gi.png)).toEqual(chunkTypes(fi.png).slice(0, chunkTypes(gi.png).length));
    for (const t of chunkTypes(gi.png)) expect(['IHDR', 'IDAT', 'IEND']).toContain(t);
    // IHDR: size, depth, colour type, filter, interlace
    expect(gi.png.subarray(16, 29)).toEqual(fi.png.subarray(16, 29));
  });

  describe('registers every light pixel-for-pixel', () => {
    const inst = renderGenuine({ state: 'UTO', type: 'TD3', seed: 3, dpi: 100 });
    let files: string[];
    let vis: Decoded;
    let ir: Decoded;
    let uv: Decoded;
    let frames: Decoded[];
    beforeAll(async () => {
      const imgs = await renderImages(inst, { lights: ['visible', 'ir', 'uv365', 'transmitted', 'oblique'] });
      files = imgs.map((i) => i.file);
      [vis, ir, uv] = await Promise.all(imgs.slice(0, 3).map((i) => decode(i.png)));
      frames = await Promise.all(imgs.slice(4).map((i) => decode(i.png)));
    });

    it('renders the requested lights in order, oblique in three frames', () => {
      expect(files).toEqual([
        'visible.png',
        'ir.png',
        'uv365.png',
        'transmitted.png',
        'oblique-1.png',
        'oblique-2.png',
        'oblique-3.png',
      ]);
    });

    it('the MRZ is dark in visible and infrared alike', () => {
      const w = vis.width;
      const mrz = inst.features.find((f) => f.id === 'mrz')!.polygon;
      const [x0, y0] = [Math.ceil(mrz[0][0] * w), Math.ceil(mrz[0][1] * vis.height)];
      const [x1, y1] = [Math.floor(mrz[2][0] * w), Math.floor(mrz[2][1] * vis.height)];
      let darkBoth = 0;
      let darkVis = 0;
      for (let y = y0; y < y1; y++) {
        for (let x = x0; x < x1; x++) {
          const i = (y * w + x) * 3;
          if (vis.data[i] < 90) {
            darkVis++;
            if (ir.data[i] < 110) darkBoth++;
          }
        }
      }
      expect(darkVis).toBeGreaterThan(500);
      expect(darkBoth / darkVis).toBeGreaterThan(0.9);
    });

    it('the guilloche background drops out in IR, so a background patch is flat', () => {
      const w = vis.width;
      const patch = (img: Decoded, x: number, y: number): number[] => {
        const vals: number[] = [];
        for (let dy = 0; dy < 10; dy++) {
          for (let dx = 0; dx < 10; dx++) vals.push(img.data[((y + dy) * w + x + dx) * 3]);
        }
        return vals;
      };
      const bgIr = patch(ir, Math.round(w * 0.3), Math.round(vis.height * 0.77));
      expect(Math.max(...bgIr) - Math.min(...bgIr)).toBeLessThan(12);
    });

    it('the paper is dark under UV (UV-dull)', () => {
      expect(uv.data[(Math.round(vis.height * 0.95) * vis.width + 10) * 3 + 1]).toBeLessThan(70);
    });

    it('the oblique frames differ from each other where the OVD is', () => {
      expect(Buffer.compare(frames[0].data, frames[1].data)).not.toBe(0);
    });
  });

  it('is deterministic: the same seed gives byte-identical PNGs', async () => {
    const make = async (): Promise<Buffer[]> => {
      const g = renderGenuine({ state: 'ARC', type: 'TD3', seed: 42, dpi: 70, withVisaPage: true });
      const forged = [photoSubstitution(g, { seed: 3 }), alterData(g, { seed: 3 }), forgeStamp(g, { seed: 3 })];
      const out: Buffer[] = [];
      for (const inst of [g, ...forged.map((f) => f.instance)]) {
        for (const img of await renderImages(inst)) out.push(img.png);
        out.push(await renderTraveller(inst));
      }
      return out;
    };
    const a = await make();
    const b = await make();
    expect(a.length).toBe(b.length);
    a.forEach((buf, i) => expect(buf.equals(b[i])).toBe(true));
  });
});

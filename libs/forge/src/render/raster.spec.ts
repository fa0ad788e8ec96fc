import { drawText, Mask } from './raster';

describe('text from the bundled font', () => {
  it('draws glyphs, not empty boxes', () => {
    const m = new Mask(200, 60);
    drawText(m, 'PASSPORT Ä', 5, 45, { font: 'serif-bold', size: 30 });
    const inked = m.data.reduce((s, v) => s + (v > 128 ? 1 : 0), 0);
    expect(inked).toBeGreaterThan(600);
  });

  it('leaves the counter of an "O" empty and inks its outline fully', () => {
    const o = new Mask(60, 60);
    drawText(o, 'O', 10, 50, { font: 'sans', size: 50 });
    expect(o.data[30 * 60 + 28]).toBe(0);
    expect(o.data.some((v) => v === 255)).toBe(true);
  });
});

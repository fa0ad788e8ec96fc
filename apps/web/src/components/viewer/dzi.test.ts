// DeepZoom geometry, checked against the format's definition (Microsoft, "Deep Zoom File Format Overview":
// level L is the image at 2^(L − maxLevel) with maxLevel = ⌈log2 max(w, h)⌉; tiles are TileSize px plus Overlap px
// on each side that touches a neighbour) and against what libvips' dzsave (sharp's tile()) writes.
import { describe, expect, it } from 'vitest';
import {
  baseLevel,
  constrain,
  fitView,
  imageFrame,
  levelFor,
  levelSize,
  limitsFor,
  parseDzi,
  tileRect,
  tilesCovering,
  tileUrl,
  visibleArea,
  zoomAbout,
} from './dzi';

// What sharp writes for a TD3 data page scanned at 200 dpi (125 × 88 mm → 984 × 693 px).
const XML = `<?xml version="1.0" encoding="UTF-8"?>
<Image xmlns="http://schemas.microsoft.com/deepzoom/2008"
  Format="webp"
  Overlap="0"
  TileSize="256"
  >
  <Size
    Height="693"
    Width="984"
  />
</Image>`;
const dzi = parseDzi(XML, '/api/media/s/tok3n/image.dzi');

describe('parseDzi', () => {
  it('reads size, tiling and format, and derives the tile URLs next to the descriptor', () => {
    expect(dzi).toMatchObject({ width: 984, height: 693, tileSize: 256, overlap: 0, format: 'webp', maxLevel: 10 });
    expect(tileUrl(dzi, 10, 3, 2)).toBe('/api/media/s/tok3n/image_files/10/3_2.webp');
    expect(tileUrl(parseDzi(XML, '/x/a.dzi?sig=1'), 8, 0, 0)).toBe('/x/a_files/8/0_0.webp?sig=1');
  });

  it('refuses what is not a descriptor', () => {
    expect(() => parseDzi('<html></html>', '/a.dzi')).toThrow('Not a DeepZoom descriptor');
    expect(() => parseDzi(XML.replace('984', '-4'), '/a.dzi')).toThrow('Invalid DeepZoom descriptor');
    expect(() => parseDzi(XML.replace('webp', 'we/bp'), '/a.dzi')).toThrow('Invalid DeepZoom descriptor');
  });
});

describe('levels', () => {
  it('halves, rounding up, from the full image at maxLevel down to one pixel at level 0', () => {
    expect(levelSize(dzi, 10)).toEqual({ width: 984, height: 693 });
    expect(levelSize(dzi, 9)).toEqual({ width: 492, height: 347 });
    expect(levelSize(dzi, 8)).toEqual({ width: 246, height: 174 });
    expect(levelSize(dzi, 0)).toEqual({ width: 1, height: 1 });
  });

  it('the base level is the largest that fits one tile', () => {
    expect(baseLevel(dzi)).toBe(8);
  });

  it('picks the first level at least as sharp as the screen, within 15 %', () => {
    expect(levelFor(dzi, 1)).toBe(10); // full size
    expect(levelFor(dzi, 0.9)).toBe(10); // 0.9 > 0.5·1.15: level 9 would be too coarse
    expect(levelFor(dzi, 0.56)).toBe(9); // level 9 (0.5) is within 15 %
    expect(levelFor(dzi, 0.3)).toBe(9);
    expect(levelFor(dzi, 0.01)).toBe(8); // never coarser than the base level
    expect(levelFor(dzi, 4)).toBe(10); // never finer than the image
  });
});

describe('tiles', () => {
  it('places tiles on the grid, the last column and row cut to the image', () => {
    expect(tileRect(dzi, 10, 0, 0)).toEqual({ x: 0, y: 0, width: 256, height: 256 });
    expect(tileRect(dzi, 10, 3, 2)).toEqual({ x: 768, y: 512, width: 216, height: 181 });
    // Level 9 is half size: its tiles cover twice the image pixels.
    expect(tileRect(dzi, 9, 1, 1)).toEqual({ x: 512, y: 512, width: 472, height: 182 });
  });

  it('counts overlap on inner edges only', () => {
    const o = parseDzi(XML.replace('Overlap="0"', 'Overlap="1"'), '/a.dzi');
    expect(tileRect(o, 10, 0, 0)).toEqual({ x: 0, y: 0, width: 257, height: 257 });
    expect(tileRect(o, 10, 1, 1)).toEqual({ x: 255, y: 255, width: 258, height: 258 });
    expect(tileRect(o, 10, 3, 2)).toEqual({ x: 767, y: 511, width: 217, height: 182 });
  });

  it('lists the tiles under an area, nearest its centre first', () => {
    const all = tilesCovering(dzi, 10, { x: 0, y: 0, width: 984, height: 693 });
    expect(all).toHaveLength(12); // 4 columns × 3 rows
    const some = tilesCovering(dzi, 10, { x: 300, y: 300, width: 100, height: 100 });
    expect(some).toEqual([[1, 1]]);
    const centre = tilesCovering(dzi, 10, { x: 200, y: 250, width: 400, height: 200 });
    expect(centre[0]).toEqual([1, 1]);
    expect(centre).toHaveLength(6);
    expect(tilesCovering(dzi, 8, { x: 0, y: 0, width: 984, height: 693 })).toEqual([[0, 0]]);
  });
});

describe('the view', () => {
  const W = 1000;
  const H = 500;

  it('home fits the whole image; zoom runs from 80 % of that to 4 screen pixels per image pixel', () => {
    const { home, min, max } = limitsFor(dzi, W, H);
    expect(home).toBe(500 / 693);
    expect(min).toBeCloseTo(0.8 * home, 12);
    expect(max).toBe(4);
  });

  it('draws the image centred at home, and reports what part of it is in view', () => {
    const home = { scale: 0.5, cx: 492, cy: 346.5 };
    expect(imageFrame(dzi, home, W, H)).toEqual({ x: 254, y: 76.75, width: 492, height: 346.5 });
    expect(visibleArea(dzi, home, W, H)).toEqual({ x: 0, y: 0, width: 984, height: 693 });
    expect(visibleArea(dzi, { scale: 2, cx: 100, cy: 100 }, W, H)).toEqual({ x: 0, y: 0, width: 350, height: 225 });
  });

  it('zooming about a point keeps the image point under it', () => {
    const v = { scale: 1, cx: 500, cy: 300 };
    const z = zoomAbout(v, 2, 800, 100, W, H);
    const under = (view: typeof v) => [view.cx + (800 - W / 2) / view.scale, view.cy + (100 - H / 2) / view.scale];
    expect(under(z)).toEqual(under(v));
    expect(z.scale).toBe(2);
  });

  it('keeps the zoom in its limits and half of the image in view', () => {
    expect(constrain(dzi, { scale: 100, cx: 492, cy: 346 }, W, H).scale).toBe(4);
    expect(constrain(dzi, { scale: 0.01, cx: 492, cy: 346 }, W, H).scale).toBeCloseTo((0.8 * 500) / 693);
    // Dragged far right at scale 1: half of the image (492 of its 984 px) stays in the 1000-px viewer.
    const c = constrain(dzi, { scale: 1, cx: -5000, cy: 346 }, W, H);
    expect(W - imageFrame(dzi, c, W, H).x).toBe(492);
    const d = constrain(dzi, { scale: 1, cx: 9000, cy: 346 }, W, H);
    expect(imageFrame(dzi, d, W, H).x + 984).toBe(492);
    // At scale 4 the image (3936 px) is wider than the viewer: half the viewer stays covered.
    const e = constrain(dzi, { scale: 4, cx: -5000, cy: 346 }, W, H);
    expect(imageFrame(dzi, e, W, H).x).toBe(W / 2);
  });

  it('fits an area', () => {
    expect(fitView({ x: 100, y: 100, width: 200, height: 50 }, W, H)).toEqual({ scale: 5, cx: 200, cy: 125 });
  });
});

// Test helpers: decode PNGs, diff images, point-in-polygon, polygons inside the image.
import type { Polygon } from '@firstline/contracts';
import sharp from 'sharp';

export interface Decoded {
  data: Buffer;
  width: number;
  height: number;
  channels: number;
}

export async function decode(png: Buffer): Promise<Decoded> {
  const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: info.channels };
}

export function pointInPolygon(x: number, y: number, poly: Polygon): boolean {
  let inside = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [xi, yi] = poly[i];
    const [xj, yj] = poly[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Changed pixels between two decoded images, and how many of them lie inside any of the polygons. */
export function diffCoverage(a: Decoded, b: Decoded, polygons: Polygon[]): { changed: number; inside: number } {
  expect(a.width).toBe(b.width);
  expect(a.height).toBe(b.height);
  const { width: w, height: h, channels: c } = a;
  // Pre-compute polygon bounding boxes in pixels for speed.
  const boxes = polygons.map((p) => {
    const xs = p.map((q) => q[0] * w);
    const ys = p.map((q) => q[1] * h);
    return { p, x0: Math.min(...xs), x1: Math.max(...xs), y0: Math.min(...ys), y1: Math.max(...ys) };
  });
  const insideAny = (px: number, py: number): boolean =>
    boxes.some(
      (bx) => px >= bx.x0 && px <= bx.x1 && py >= bx.y0 && py <= bx.y1 && pointInPolygon(px / w, py / h, bx.p),
    );
  let changed = 0;
  let inside = 0;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = (y * w + x) * c;
      if (a.data[i] === b.data[i] && a.data[i + 1] === b.data[i + 1] && a.data[i + 2] === b.data[i + 2]) continue;
      changed++;
      const px = x + 0.5;
      const py = y + 0.5;
      if (insideAny(px, py)) inside++;
    }
  }
  return { changed, inside };
}

/** A polygon with at least three vertices, all in normalised 0–1 image coordinates. */
export function expectPolygonInImage(polygon: Polygon): void {
  expect(polygon.length).toBeGreaterThanOrEqual(3);
  for (const [x, y] of polygon) {
    expect(x).toBeGreaterThanOrEqual(0);
    expect(x).toBeLessThanOrEqual(1);
    expect(y).toBeGreaterThanOrEqual(0);
    expect(y).toBeLessThanOrEqual(1);
  }
}

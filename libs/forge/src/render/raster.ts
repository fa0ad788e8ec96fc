// forge's own anti-aliased rasteriser for coverage masks. librsvg needs seconds for a page of guilloche at 600 dpi;
// fine lines, glyphs and shapes drawn here take tens of milliseconds and are bit-for-bit deterministic.
import { Math, Float32Array, Float64Array, Uint8Array, Int32Array, Uint32Array } from '../hot-globals';
import { font, type FontName } from './font';

/** A single-channel coverage (or density) map, 0–255, the size of one document side. */
export class Mask {
  readonly data: Uint8Array;

  /** Bounding box of everything drawn so far (pixels, exclusive end): lets composition skip empty areas. */
  tx0: number;
  ty0: number;
  tx1 = 0;
  ty1 = 0;

  constructor(
    readonly w: number,
    readonly h: number,
    data?: Uint8Array,
  ) {
    this.data = data ?? new Uint8Array(w * h);
    this.tx0 = w;
    this.ty0 = h;
    if (data) this.touch(0, 0, w, h);
  }

  /** Record that pixels in [x0, x1) × [y0, y1) may have been drawn. */
  touch(x0: number, y0: number, x1: number, y1: number): void {
    this.tx0 = Math.max(0, Math.min(this.tx0, Math.floor(x0)));
    this.ty0 = Math.max(0, Math.min(this.ty0, Math.floor(y0)));
    this.tx1 = Math.min(this.w, Math.max(this.tx1, Math.ceil(x1)));
    this.ty1 = Math.min(this.h, Math.max(this.ty1, Math.ceil(y1)));
    this.spanCache = null;
  }

  private spanCache: Int32Array | null = null;

  /**
   * Runs of non-zero pixels as flat triples [row offset (y·w), x0, x1), with gaps shorter than 12 pixels merged.
   * Computed once: call when the mask is finished (composition), or after invalidate().
   */
  spans(): Int32Array {
    if (this.spanCache) return this.spanCache;
    const { w, data } = this;
    let out = new Int32Array(4096);
    let n = 0;
    const left = this.tx0;
    const right = this.tx1;
    const GAP = 12;
    // A 32-bit view lets empty stretches be skipped four pixels at a time.
    const words = data.byteOffset % 4 === 0 ? new Uint32Array(data.buffer, data.byteOffset, data.length >> 2) : null;
    for (let y = this.ty0; y < this.ty1; y++) {
      const row = y * w;
      let x = left;
      while (x < right) {
        if (words) {
          while (x < right && (row + x) % 4 !== 0 && data[row + x] === 0) x++;
          while (x + 4 <= right && (row + x) % 4 === 0 && words[(row + x) >> 2] === 0) x += 4;
        }
        while (x < right && data[row + x] === 0) x++;
        if (x >= right) break;
        const start = x;
        let end = x;
        // Extend while non-zero pixels keep coming within GAP.
        while (x < right) {
          if (data[row + x] !== 0) {
            end = x + 1;
            x++;
          } else if (x - end >= GAP) break;
          else x++;
        }
        if (n + 3 > out.length) {
          const bigger = new Int32Array(out.length * 2);
          bigger.set(out);
          out = bigger;
        }
        out[n++] = row;
        out[n++] = start;
        out[n++] = end;
      }
    }
    this.spanCache = out.subarray(0, n);
    return this.spanCache;
  }

  invalidate(): void {
    this.spanCache = null;
  }

  clone(): Mask {
    return new Mask(this.w, this.h, this.data.slice());
  }

  /** Rows [y0, y1) and columns [x0, x1) that hold any non-zero value (empty when all zero). */
  bounds(): { x0: number; y0: number; x1: number; y1: number } {
    const { w, h, data } = this;
    let y0 = h;
    let y1 = 0;
    let x0 = w;
    let x1 = 0;
    for (let y = this.ty0; y < this.ty1; y++) {
      const row = y * w;
      let first = -1;
      let last = -1;
      for (let x = this.tx0; x < this.tx1; x++) {
        if (data[row + x] !== 0) {
          if (first < 0) first = x;
          last = x;
        }
      }
      if (first >= 0) {
        if (y < y0) y0 = y;
        y1 = y + 1;
        if (first < x0) x0 = first;
        if (last + 1 > x1) x1 = last + 1;
      }
    }
    return y1 > y0 ? { x0, y0, x1, y1 } : { x0: 0, y0: 0, x1: 0, y1: 0 };
  }

  /** Multiply every value by f (0–1) inside the given pixel rectangle (all of it when omitted). */
  scale(f: number, rect?: PixelRect): void {
    const r = clipRect(rect ?? { x: 0, y: 0, w: this.w, h: this.h }, this.w, this.h);
    for (let y = r.y; y < r.y + r.h; y++) {
      const row = y * this.w;
      for (let x = r.x; x < r.x + r.w; x++) this.data[row + x] = Math.round(this.data[row + x] * f);
    }
  }

  /** Zero everything inside (or, with outside=true, outside) a pixel rectangle. */
  clear(rect: PixelRect, outside = false): void {
    const r = clipRect(rect, this.w, this.h);
    for (let y = 0; y < this.h; y++) {
      const row = y * this.w;
      const inY = y >= r.y && y < r.y + r.h;
      if (!outside && !inY) continue;
      for (let x = 0; x < this.w; x++) {
        const inside = inY && x >= r.x && x < r.x + r.w;
        if (inside !== outside) this.data[row + x] = 0;
      }
    }
  }

  /** Multiply this mask by another (coverage intersection). */
  multiply(other: Mask): void {
    const a = this.data;
    const b = other.data;
    for (let i = 0; i < a.length; i++) if (a[i] !== 0) a[i] = (a[i] * b[i] + 127) / 255;
  }

  /** Combine another mask into this one by maximum. */
  maxWith(other: Mask): void {
    const a = this.data;
    const b = other.data;
    for (let i = 0; i < a.length; i++) if (b[i] > a[i]) a[i] = b[i];
  }
}

export interface PixelRect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export function clipRect(r: PixelRect, w: number, h: number): PixelRect {
  const x0 = Math.max(0, Math.floor(r.x));
  const y0 = Math.max(0, Math.floor(r.y));
  const x1 = Math.min(w, Math.ceil(r.x + r.w));
  const y1 = Math.min(h, Math.ceil(r.y + r.h));
  return { x: x0, y: y0, w: Math.max(0, x1 - x0), h: Math.max(0, y1 - y0) };
}

export type Blend = 'over' | 'max' | 'erase';

function blendInto(mask: Mask, idx: number, cov: number, blend: Blend): void {
  const d = mask.data;
  if (blend === 'over') d[idx] = d[idx] + (cov * (255 - d[idx])) / 255 + 0.5;
  else if (blend === 'max') {
    if (cov > d[idx]) d[idx] = cov + 0.5;
  } else d[idx] = d[idx] * (1 - cov / 255) + 0.5;
}

/**
 * Fill closed polygons (flat [x0, y0, x1, y1, ...] arrays in pixels) with non-zero-style winding and exact-area
 * anti-aliasing (signed-area accumulation, as in font-rs).
 */
export function fillPolygons(mask: Mask, polys: ArrayLike<number>[], alpha = 1, blend: Blend = 'over'): void {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const p of polys) {
    for (let i = 0; i + 1 < p.length; i += 2) {
      if (p[i] < minX) minX = p[i];
      if (p[i] > maxX) maxX = p[i];
      if (p[i + 1] < minY) minY = p[i + 1];
      if (p[i + 1] > maxY) maxY = p[i + 1];
    }
  }
  if (!(maxX > minX && maxY > minY)) return;
  if (maxX < 0 || maxY < 0 || minX >= mask.w || minY >= mask.h) return;
  const ox = Math.floor(minX);
  const oy = Math.floor(minY);
  const bw = Math.ceil(maxX) - ox + 3;
  const bh = Math.ceil(maxY) - oy + 1;
  const acc = new Float32Array(bw * bh);
  for (const p of polys) {
    const n = p.length >> 1;
    if (n < 3) continue;
    for (let i = 0; i < n; i++) {
      const j = (i + 1) % n;
      accumulateLine(acc, bw, bh, p[2 * i] - ox, p[2 * i + 1] - oy, p[2 * j] - ox, p[2 * j + 1] - oy);
    }
  }
  const a255 = alpha * 255;
  mask.touch(ox, oy, ox + bw, oy + bh);
  for (let y = 0; y < bh; y++) {
    const my = y + oy;
    if (my < 0 || my >= mask.h) continue;
    let sum = 0;
    const row = y * bw;
    for (let x = 0; x < bw; x++) {
      sum += acc[row + x];
      const mx = x + ox;
      if (mx < 0 || mx >= mask.w) continue;
      let cov = sum < 0 ? -sum : sum;
      if (cov < 0.002) continue;
      if (cov > 1) cov = 1;
      blendInto(mask, my * mask.w + mx, cov * a255, blend);
    }
  }
}

function accumulateLine(a: Float32Array, w: number, h: number, x0: number, y0: number, x1: number, y1: number): void {
  if (Math.abs(y0 - y1) < 1e-9) return;
  let dir = 1;
  if (y0 > y1) {
    dir = -1;
    [x0, x1] = [x1, x0];
    [y0, y1] = [y1, y0];
  }
  const dxdy = (x1 - x0) / (y1 - y0);
  let x = x0;
  let yStart = Math.floor(y0);
  if (y0 < 0) {
    x -= y0 * dxdy;
    yStart = 0;
  }
  const yEnd = Math.min(h, Math.ceil(y1));
  for (let y = yStart; y < yEnd; y++) {
    const line = y * w;
    const dy = Math.min(y + 1, y1) - Math.max(y, y0);
    const xnext = x + dxdy * dy;
    const d = dy * dir;
    const xa = x < xnext ? x : xnext;
    const xb = x < xnext ? xnext : x;
    const xaFloor = Math.floor(xa);
    const xai = xaFloor;
    const xbCeil = Math.ceil(xb);
    const xbi = xbCeil;
    if (xbi <= xai + 1) {
      const xmf = 0.5 * (x + xnext) - xaFloor;
      a[line + xai] += d - d * xmf;
      a[line + xai + 1] += d * xmf;
    } else {
      const s = 1 / (xb - xa);
      const xaf = xa - xaFloor;
      const a0 = 0.5 * s * (1 - xaf) * (1 - xaf);
      const xbf = xb - xbCeil + 1;
      const am = 0.5 * s * xbf * xbf;
      a[line + xai] += d * a0;
      if (xbi === xai + 2) a[line + xai + 1] += d * (1 - a0 - am);
      else {
        const a1 = s * (1.5 - xaf);
        a[line + xai + 1] += d * (a1 - a0);
        for (let xi = xai + 2; xi < xbi - 1; xi++) a[line + xi] += d * s;
        const a2 = a1 + (xbi - xai - 3) * s;
        a[line + xbi - 1] += d * (1 - a2 - am);
      }
      a[line + xbi] += d * am;
    }
    x = xnext;
  }
}

/**
 * Stroke an open (or closed) polyline with round joins and caps. Coverage from the distance to each segment,
 * combined by maximum so overlapping segments of the same line do not darken. Lines thinner than a pixel are
 * drawn a pixel wide with proportionally lower coverage.
 */
export function strokePolyline(mask: Mask, pts: ArrayLike<number>, width: number, alpha = 1, closed = false): void {
  const n = pts.length >> 1;
  if (n < 2) return;
  const r = width >= 1 ? width / 2 : 0.5;
  const gain = (width >= 1 ? 1 : width) * alpha * 255;
  const W = mask.w;
  const H = mask.h;
  const data = mask.data;
  const segs = closed ? n : n - 1;
  const reach = r + 1;
  {
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (let i = 0; i < n; i++) {
      const x = pts[2 * i];
      const y = pts[2 * i + 1];
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
    mask.touch(minX - reach - 1, minY - reach - 1, maxX + reach + 2, maxY + reach + 2);
  }
  for (let s = 0; s < segs; s++) {
    const ax = pts[2 * s];
    const ay = pts[2 * s + 1];
    const bx = pts[2 * ((s + 1) % n)];
    const by = pts[2 * ((s + 1) % n) + 1];
    const dx = bx - ax;
    const dy = by - ay;
    const len2 = dx * dx + dy * dy;
    const inv = len2 > 1e-12 ? 1 / len2 : 0;
    // Walk the major axis and visit only a narrow band around the segment on the minor axis.
    const horizontal = Math.abs(dx) >= Math.abs(dy);
    const m0 = Math.floor((horizontal ? Math.min(ax, bx) : Math.min(ay, by)) - reach);
    const m1 = Math.ceil((horizontal ? Math.max(ax, bx) : Math.max(ay, by)) + reach);
    const slope = horizontal ? (dx !== 0 ? dy / dx : 0) : dy !== 0 ? dx / dy : 0;
    const band = reach * Math.sqrt(1 + slope * slope) + 1;
    for (let m = m0; m <= m1; m++) {
      if (horizontal ? m < 0 || m >= W : m < 0 || m >= H) continue;
      const mc = m + 0.5;
      // Minor coordinate of the line at this major position (clamped to the segment's extent).
      let tt = horizontal ? (dx !== 0 ? (mc - ax) / dx : 0) : dy !== 0 ? (mc - ay) / dy : 0;
      if (tt < 0) tt = 0;
      else if (tt > 1) tt = 1;
      const centre = horizontal ? ay + tt * dy : ax + tt * dx;
      const k0 = Math.max(0, Math.floor(centre - band));
      const k1 = Math.min((horizontal ? H : W) - 1, Math.ceil(centre + band));
      for (let k = k0; k <= k1; k++) {
        const x = horizontal ? m : k;
        const y = horizontal ? k : m;
        const px = x + 0.5 - ax;
        const py = y + 0.5 - ay;
        let t = (px * dx + py * dy) * inv;
        if (t < 0) t = 0;
        else if (t > 1) t = 1;
        const ex = px - t * dx;
        const ey = py - t * dy;
        const d2 = ex * ex + ey * ey;
        if (d2 >= reach * reach) continue;
        let c = r + 0.5 - Math.sqrt(d2);
        if (c <= 0) continue;
        if (c > 1) c = 1;
        const v = c * gain;
        const idx = y * W + x;
        if (v > data[idx]) data[idx] = v + 0.5;
      }
    }
  }
}

/** Dots (filled discs) at given centres, e.g. laser perforation or a halftone screen. */
export function fillDisc(mask: Mask, cx: number, cy: number, radius: number, alpha = 1, blend: Blend = 'max'): void {
  const x0 = Math.max(0, Math.floor(cx - radius - 1));
  const x1 = Math.min(mask.w - 1, Math.ceil(cx + radius + 1));
  const y0 = Math.max(0, Math.floor(cy - radius - 1));
  const y1 = Math.min(mask.h - 1, Math.ceil(cy + radius + 1));
  const g = alpha * 255;
  mask.touch(x0, y0, x1 + 1, y1 + 1);
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      const d = Math.hypot(x + 0.5 - cx, y + 0.5 - cy);
      let c = radius + 0.5 - d;
      if (c <= 0) continue;
      if (c > 1) c = 1;
      blendInto(mask, y * mask.w + x, c * g, blend);
    }
  }
}

export function ellipsePolygon(cx: number, cy: number, rx: number, ry: number, steps = 96, rot = 0): number[] {
  const out: number[] = [];
  const cr = Math.cos(rot);
  const sr = Math.sin(rot);
  for (let i = 0; i < steps; i++) {
    const t = (i / steps) * Math.PI * 2;
    const x = rx * Math.cos(t);
    const y = ry * Math.sin(t);
    out.push(cx + x * cr - y * sr, cy + x * sr + y * cr);
  }
  return out;
}

export function roundRectPolygon(x: number, y: number, w: number, h: number, r: number, steps = 8): number[] {
  const out: number[] = [];
  const corners: [number, number, number][] = [
    [x + w - r, y + r, -Math.PI / 2],
    [x + w - r, y + h - r, 0],
    [x + r, y + h - r, Math.PI / 2],
    [x + r, y + r, Math.PI],
  ];
  for (const [cx, cy, a0] of corners) {
    for (let i = 0; i <= steps; i++) {
      const a = a0 + (i / steps) * (Math.PI / 2);
      out.push(cx + r * Math.cos(a), cy + r * Math.sin(a));
    }
  }
  return out;
}

/** Reverse a polygon's winding, to cut a hole when filled together with an outer contour. */
export function reversed(poly: number[]): number[] {
  const out: number[] = [];
  for (let i = poly.length - 2; i >= 0; i -= 2) out.push(poly[i], poly[i + 1]);
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Text

/** How a run of text is set. Lengths (size, spacing, embolden) are in pixels; in a TextStyleMm, in mm. */
export interface TextStyle {
  font: FontName;
  /** Em size. */
  size: number;
  /** Extra space after each character. */
  spacing?: number;
  /** Horizontal scale of the glyphs (condensing). */
  scaleX?: number;
  /** Horizontal shear (faux italic), tan of the angle. */
  skew?: number;
  anchor?: 'start' | 'middle' | 'end';
  /** Rotation around the anchor point, radians, clockwise in image coordinates. */
  rotate?: number;
  alpha?: number;
  blend?: Blend;
  /** Faux bold: draw again shifted by this length. */
  embolden?: number;
}

export function measureText(text: string, style: TextStyle): number {
  const f = font(style.font);
  const k = style.size / f.unitsPerEm;
  const n = [...text].length;
  return f.measure(text) * k * (style.scaleX ?? 1) + (style.spacing ?? 0) * Math.max(0, n - 1);
}

export interface TextBox {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Glyph outlines of a text run in pixel coordinates (y down), baseline at (x, y). */
export function textOutlines(
  text: string,
  x: number,
  y: number,
  style: TextStyle,
): { polys: Float64Array[]; box: TextBox } {
  const f = font(style.font);
  const k = style.size / f.unitsPerEm;
  const sx = style.scaleX ?? 1;
  const skew = style.skew ?? 0;
  const width = measureText(text, style);
  const anchorShift = style.anchor === 'middle' ? -width / 2 : style.anchor === 'end' ? -width : 0;
  const rot = style.rotate ?? 0;
  const cr = Math.cos(rot);
  const sr = Math.sin(rot);
  const polys: Float64Array[] = [];
  let pen = anchorShift;
  for (const ch of text) {
    const g = f.glyph(ch.codePointAt(0) as number);
    for (const c of g.contours) {
      const out = new Float64Array(c.length);
      for (let i = 0; i < c.length; i += 2) {
        const gy = c[i + 1] * k;
        const lx = pen + c[i] * k * sx + gy * skew;
        const ly = -gy;
        out[i] = x + lx * cr - ly * sr;
        out[i + 1] = y + lx * sr + ly * cr;
      }
      polys.push(out);
    }
    pen += g.advance * k * sx + (style.spacing ?? 0);
  }
  const asc = f.ascender * k;
  const box: TextBox = { x: x + anchorShift, y: y - asc, w: width, h: asc - f.descender * k };
  return { polys, box };
}

/** Draw a text run; returns its layout box (unrotated) in pixels. */
export function drawText(mask: Mask, text: string, x: number, y: number, style: TextStyle): TextBox {
  const { polys, box } = textOutlines(text, x, y, style);
  // Fill glyph by glyph: each glyph's contours wind consistently, and small buffers are cheap.
  fillPolygons(mask, polys, style.alpha ?? 1, style.blend ?? 'over');
  if (style.embolden) {
    const shifted = polys.map((p) => p.map((v, i) => (i % 2 === 0 ? v + (style.embolden as number) : v)));
    fillPolygons(mask, shifted, style.alpha ?? 1, 'max');
  }
  return box;
}

/** Cap height in pixels for a style (for vertical centring). */
export function capHeight(style: TextStyle): number {
  const f = font(style.font);
  return (f.capHeight * style.size) / f.unitsPerEm;
}

/**
 * Microprint: repeat a text along a polyline, each glyph rotated to the local tangent and vertically centred on
 * the line. Returns the number of glyphs drawn.
 */
export function drawTextAlongPath(
  mask: Mask,
  text: string,
  path: ArrayLike<number>,
  style: TextStyle,
  opts: { offset?: number; repeat?: boolean } = {},
): number {
  const f = font(style.font);
  const k = style.size / f.unitsPerEm;
  const sx = style.scaleX ?? 1;
  const n = path.length >> 1;
  if (n < 2) return 0;
  const cum = new Float64Array(n);
  for (let i = 1; i < n; i++)
    cum[i] = cum[i - 1] + Math.hypot(path[2 * i] - path[2 * i - 2], path[2 * i + 1] - path[2 * i - 1]);
  const total = cum[n - 1];
  const chars = [...text];
  const half = capHeight(style) / 2;
  let s = opts.offset ?? 0;
  let seg = 0;
  let count = 0;
  let ci = 0;
  while (s < total) {
    const ch = chars[ci % chars.length];
    ci++;
    if (!opts.repeat && ci > chars.length) break;
    const g = f.glyph(ch.codePointAt(0) as number);
    const adv = g.advance * k * sx;
    const mid = s + adv / 2;
    if (mid > total) break;
    while (seg < n - 2 && cum[seg + 1] < mid) seg++;
    const segLen = cum[seg + 1] - cum[seg] || 1;
    const t = (mid - cum[seg]) / segLen;
    const ax = path[2 * seg];
    const ay = path[2 * seg + 1];
    const bx = path[2 * seg + 2];
    const by = path[2 * seg + 3];
    const px = ax + (bx - ax) * t;
    const py = ay + (by - ay) * t;
    const ang = Math.atan2(by - ay, bx - ax);
    const cr = Math.cos(ang);
    const sr = Math.sin(ang);
    if (g.contours.length) {
      const polys = g.contours.map((c) => {
        const out = new Float64Array(c.length);
        for (let i = 0; i < c.length; i += 2) {
          const lx = c[i] * k * sx - adv / 2;
          const ly = -c[i + 1] * k + half;
          out[i] = px + lx * cr - ly * sr;
          out[i + 1] = py + lx * sr + ly * cr;
        }
        return out;
      });
      fillPolygons(mask, polys, style.alpha ?? 1, style.blend ?? 'over');
      count++;
    }
    s += adv + (style.spacing ?? 0);
  }
  return count;
}

// A minimal TrueType reader: glyph outlines, advances and cmap from the bundled DejaVu files, so text is drawn as
// geometry by forge's own rasteriser and looks the same on every machine (no fontconfig, no system fonts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Math, Float64Array } from '../hot-globals';

/** A glyph outline: contours of on/off-curve points in font units (y up), TrueType quadratic convention. */
interface RawContour {
  xs: number[];
  ys: number[];
  on: boolean[];
}

export interface Glyph {
  advance: number;
  /** Flattened contours in font units (y up), each a closed polyline [x0, y0, x1, y1, ...]. */
  contours: Float64Array[];
}

export type FontName = 'sans' | 'sans-bold' | 'sans-condensed' | 'mono' | 'serif-bold';

const FONT_FILES: Record<FontName, string> = {
  sans: 'DejaVuSans.ttf',
  'sans-bold': 'DejaVuSans-Bold.ttf',
  'sans-condensed': 'DejaVuSansCondensed.ttf',
  mono: 'DejaVuSansMono.ttf',
  'serif-bold': 'DejaVuSerif-Bold.ttf',
};

// Simple-glyph flag bits (TrueType 'glyf'): a coordinate is one byte (with the sign in the second bit), or, without
// the short bit, the same as the previous one (second bit set) or a signed 16-bit delta.
const X_SHORT = 2;
const Y_SHORT = 4;
const X_SAME_OR_POSITIVE = 16;
const Y_SAME_OR_POSITIVE = 32;

/** One axis of a simple glyph's delta-encoded coordinates, from offset p: the absolute values and the next offset. */
function readCoordinates(
  v: DataView,
  p: number,
  flags: number[],
  short: number,
  sameOrPositive: number,
): [number[], number] {
  const values: number[] = [];
  let value = 0;
  for (const f of flags) {
    if (f & short) {
      const d = v.getUint8(p++);
      value += f & sameOrPositive ? d : -d;
    } else if (!(f & sameOrPositive)) {
      value += v.getInt16(p);
      p += 2;
    }
    values.push(value);
  }
  return [values, p];
}

export class Font {
  readonly unitsPerEm: number;
  readonly ascender: number;
  readonly descender: number;
  readonly capHeight: number;
  private readonly view: DataView;
  private readonly tables = new Map<string, { offset: number; length: number }>();
  private readonly numGlyphs: number;
  private readonly numHMetrics: number;
  private readonly longLoca: boolean;
  private readonly cmap = new Map<number, number>();
  private readonly cache = new Map<number, Glyph>();

  constructor(
    readonly name: string,
    data: Buffer,
  ) {
    this.view = new DataView(data.buffer, data.byteOffset, data.byteLength);
    const v = this.view;
    const numTables = v.getUint16(4);
    for (let i = 0; i < numTables; i++) {
      const rec = 12 + i * 16;
      const tag = String.fromCharCode(v.getUint8(rec), v.getUint8(rec + 1), v.getUint8(rec + 2), v.getUint8(rec + 3));
      this.tables.set(tag, { offset: v.getUint32(rec + 8), length: v.getUint32(rec + 12) });
    }
    const head = this.table('head');
    this.unitsPerEm = v.getUint16(head + 18);
    this.longLoca = v.getInt16(head + 50) === 1;
    this.numGlyphs = v.getUint16(this.table('maxp') + 4);
    const hhea = this.table('hhea');
    this.ascender = v.getInt16(hhea + 4);
    this.descender = v.getInt16(hhea + 6);
    this.numHMetrics = v.getUint16(hhea + 34);
    this.readCmap();
    const hGlyph = this.glyphIndex(0x48);
    const bbox = this.glyphBox(hGlyph);
    this.capHeight = bbox ? bbox[3] : this.ascender * 0.72;
  }

  private table(tag: string): number {
    const t = this.tables.get(tag);
    if (!t) throw new Error(`font ${this.name}: missing table ${tag}`);
    return t.offset;
  }

  private readCmap(): void {
    const v = this.view;
    const cmap = this.table('cmap');
    const n = v.getUint16(cmap + 2);
    let best = -1;
    let bestFormat = 0;
    for (let i = 0; i < n; i++) {
      const platform = v.getUint16(cmap + 4 + i * 8);
      const encoding = v.getUint16(cmap + 6 + i * 8);
      const off = cmap + v.getUint32(cmap + 8 + i * 8);
      const format = v.getUint16(off);
      if (platform === 3 && encoding === 10 && format === 12) {
        best = off;
        bestFormat = 12;
      } else if (platform === 3 && encoding === 1 && format === 4 && bestFormat !== 12) {
        best = off;
        bestFormat = 4;
      }
    }
    if (best < 0) throw new Error(`font ${this.name}: no unicode cmap`);
    if (bestFormat === 4) {
      const segX2 = v.getUint16(best + 6);
      const ends = best + 14;
      const starts = ends + segX2 + 2;
      const deltas = starts + segX2;
      const ranges = deltas + segX2;
      for (let s = 0; s < segX2; s += 2) {
        const end = v.getUint16(ends + s);
        const start = v.getUint16(starts + s);
        const delta = v.getInt16(deltas + s);
        const rangeOffset = v.getUint16(ranges + s);
        for (let c = start; c <= end && c !== 0xffff; c++) {
          let g: number;
          if (rangeOffset === 0) g = (c + delta) & 0xffff;
          else {
            const addr = ranges + s + rangeOffset + (c - start) * 2;
            g = v.getUint16(addr);
            if (g !== 0) g = (g + delta) & 0xffff;
          }
          if (g !== 0) this.cmap.set(c, g);
        }
      }
    } else {
      const groups = v.getUint32(best + 12);
      for (let i = 0; i < groups; i++) {
        const rec = best + 16 + i * 12;
        const start = v.getUint32(rec);
        const end = v.getUint32(rec + 4);
        const g0 = v.getUint32(rec + 8);
        for (let c = start; c <= end && c - start < 0x10000; c++) this.cmap.set(c, g0 + (c - start));
      }
    }
  }

  glyphIndex(codePoint: number): number {
    return this.cmap.get(codePoint) ?? 0;
  }

  hasGlyph(codePoint: number): boolean {
    return this.cmap.has(codePoint);
  }

  private advanceOf(g: number): number {
    const hmtx = this.table('hmtx');
    const i = Math.min(g, this.numHMetrics - 1);
    return this.view.getUint16(hmtx + i * 4);
  }

  private glyphRange(g: number): [number, number] {
    const loca = this.table('loca');
    const glyf = this.table('glyf');
    if (g >= this.numGlyphs) return [0, 0];
    const a = this.longLoca ? this.view.getUint32(loca + g * 4) : this.view.getUint16(loca + g * 2) * 2;
    const b = this.longLoca ? this.view.getUint32(loca + g * 4 + 4) : this.view.getUint16(loca + g * 2 + 2) * 2;
    return [glyf + a, b - a];
  }

  private glyphBox(g: number): [number, number, number, number] | null {
    const [off, len] = this.glyphRange(g);
    if (len === 0) return null;
    const v = this.view;
    return [v.getInt16(off + 2), v.getInt16(off + 4), v.getInt16(off + 6), v.getInt16(off + 8)];
  }

  private rawContours(g: number, depth = 0): RawContour[] {
    const [off, len] = this.glyphRange(g);
    if (len === 0 || depth > 8) return [];
    const v = this.view;
    const nContours = v.getInt16(off);
    if (nContours >= 0) {
      const endPts: number[] = [];
      for (let i = 0; i < nContours; i++) endPts.push(v.getUint16(off + 10 + i * 2));
      const nPoints = nContours ? endPts[nContours - 1] + 1 : 0;
      let p = off + 10 + nContours * 2;
      const instrLen = v.getUint16(p);
      p += 2 + instrLen;
      const flags: number[] = [];
      while (flags.length < nPoints) {
        const f = v.getUint8(p++);
        flags.push(f);
        if (f & 8) {
          let repeat = v.getUint8(p++);
          while (repeat-- > 0) flags.push(f);
        }
      }
      const [xs, afterXs] = readCoordinates(v, p, flags, X_SHORT, X_SAME_OR_POSITIVE);
      const [ys] = readCoordinates(v, afterXs, flags, Y_SHORT, Y_SAME_OR_POSITIVE);
      const out: RawContour[] = [];
      let start = 0;
      for (const end of endPts) {
        out.push({
          xs: xs.slice(start, end + 1),
          ys: ys.slice(start, end + 1),
          on: flags.slice(start, end + 1).map((f) => (f & 1) === 1),
        });
        start = end + 1;
      }
      return out;
    }
    // Composite glyph: components placed by x/y offsets with an optional scale or 2×2 matrix.
    const out: RawContour[] = [];
    let p = off + 10;
    for (;;) {
      const flags = v.getUint16(p);
      const glyphIndex = v.getUint16(p + 2);
      p += 4;
      let dx: number;
      let dy: number;
      if (flags & 1) {
        dx = v.getInt16(p);
        dy = v.getInt16(p + 2);
        p += 4;
      } else {
        dx = v.getInt8(p);
        dy = v.getInt8(p + 1);
        p += 2;
      }
      let a = 1;
      let b = 0;
      let c = 0;
      let d = 1;
      if (flags & 8) {
        a = d = v.getInt16(p) / 16384;
        p += 2;
      } else if (flags & 0x40) {
        a = v.getInt16(p) / 16384;
        d = v.getInt16(p + 2) / 16384;
        p += 4;
      } else if (flags & 0x80) {
        a = v.getInt16(p) / 16384;
        b = v.getInt16(p + 2) / 16384;
        c = v.getInt16(p + 4) / 16384;
        d = v.getInt16(p + 6) / 16384;
        p += 8;
      }
      const argsAreXY = (flags & 2) !== 0;
      for (const comp of this.rawContours(glyphIndex, depth + 1)) {
        out.push({
          xs: comp.xs.map((x, i) => a * x + c * comp.ys[i] + (argsAreXY ? dx : 0)),
          ys: comp.ys.map((y, i) => b * comp.xs[i] + d * y + (argsAreXY ? dy : 0)),
          on: comp.on,
        });
      }
      if (!(flags & 0x20)) break;
    }
    return out;
  }

  /** Glyph for a code point, outlines flattened finely enough for sizes up to ~400 px per em. */
  glyph(codePoint: number): Glyph {
    const g = this.glyphIndex(codePoint);
    const hit = this.cache.get(g);
    if (hit) return hit;
    const contours = this.rawContours(g).map((c) => flattenContour(c, 6));
    const glyph: Glyph = { advance: this.advanceOf(g), contours };
    this.cache.set(g, glyph);
    return glyph;
  }

  /** Advance width of a string in font units (no kerning). */
  measure(text: string): number {
    let w = 0;
    for (const ch of text) w += this.glyph(ch.codePointAt(0) as number).advance;
    return w;
  }
}

/** Turn a TrueType contour (on/off-curve points with implied midpoints) into a closed polyline. */
function flattenContour(c: RawContour, steps: number): Float64Array {
  const n = c.xs.length;
  const pts: number[] = [];
  if (n === 0) return new Float64Array(0);
  // Find a starting on-curve point (or synthesise the midpoint of two off-curve points).
  let startIdx = c.on.findIndex((o) => o);
  let sx: number;
  let sy: number;
  if (startIdx < 0) {
    sx = (c.xs[0] + c.xs[n - 1]) / 2;
    sy = (c.ys[0] + c.ys[n - 1]) / 2;
    startIdx = 0;
  } else {
    sx = c.xs[startIdx];
    sy = c.ys[startIdx];
    startIdx = (startIdx + 1) % n;
  }
  pts.push(sx, sy);
  let px = sx;
  let py = sy;
  let ctrl: [number, number] | null = null;
  for (let k = 0; k < n; k++) {
    const i = (startIdx + k) % n;
    const x = c.xs[i];
    const y = c.ys[i];
    if (c.on[i]) {
      if (ctrl) {
        quad(pts, px, py, ctrl[0], ctrl[1], x, y, steps);
        ctrl = null;
      } else pts.push(x, y);
      px = x;
      py = y;
    } else if (ctrl) {
      const mx = (ctrl[0] + x) / 2;
      const my = (ctrl[1] + y) / 2;
      quad(pts, px, py, ctrl[0], ctrl[1], mx, my, steps);
      px = mx;
      py = my;
      ctrl = [x, y];
    } else ctrl = [x, y];
  }
  if (ctrl) quad(pts, px, py, ctrl[0], ctrl[1], sx, sy, steps);
  return Float64Array.from(pts);
}

function quad(
  out: number[],
  x0: number,
  y0: number,
  cx: number,
  cy: number,
  x1: number,
  y1: number,
  steps: number,
): void {
  for (let s = 1; s <= steps; s++) {
    const t = s / steps;
    const u = 1 - t;
    out.push(u * u * x0 + 2 * u * t * cx + t * t * x1, u * u * y0 + 2 * u * t * cy + t * t * y1);
  }
}

const FONT_DIR = join(__dirname, '..', '..', 'assets', 'fonts');
const loaded = new Map<FontName, Font>();

/** The bundled font by name; files live in libs/forge/assets/fonts (DejaVu, see LICENSE there). */
export function font(name: FontName): Font {
  let f = loaded.get(name);
  if (!f) {
    f = new Font(name, readFileSync(join(FONT_DIR, FONT_FILES[name])));
    loaded.set(name, f);
  }
  return f;
}

// The light model: every document side is a stack of coverage masks ("layers"), each printed in an ink whose
// response differs per light source. Composing the same masks under each light is what registers the visible, UV,
// IR and transmitted images pixel-for-pixel.
import { Math, Float32Array, Uint8Array, Int32Array } from '../hot-globals';
import type { RGB } from '../states';
import { Mask } from './raster';

export type BaseLight = 'visible' | 'transmitted' | 'uv365' | 'uv254' | 'ir';

export type InkResponse =
  /** Subtractive ink: multiplies what is below by its colour (k = strength 0–1). */
  | { absorb: RGB; k?: number; ramp?: RGB[] }
  /** Fluorescence or light passing through: adds light. */
  | { emit: RGB }
  /** Opaque cover (photo paper, foil). */
  | { cover: RGB };

export type Ink = Partial<Record<BaseLight, InkResponse>>;

export interface PaperModel {
  /** Paper colour per light (what a blank page looks like). */
  base: Record<BaseLight, RGB>;
  /** How strongly the paper formation (cloudiness) shows, per light, 0–1. */
  formation: Record<BaseLight, number>;
}

export interface ComposeLayer {
  id: string;
  mask: Mask;
  ink: Ink;
}

/** Diagonal ramp for rainbow printing: position t in 0–1 along the page diagonal → colour. */
function rampTable(stops: RGB[]): Uint8Array {
  const lut = new Uint8Array(256 * 3);
  for (let i = 0; i < 256; i++) {
    const t = (i / 255) * (stops.length - 1);
    const a = Math.min(stops.length - 2, Math.floor(t));
    const f = t - a;
    for (let c = 0; c < 3; c++) lut[i * 3 + c] = Math.round(stops[a][c] * (1 - f) + stops[a + 1][c] * f);
  }
  return lut;
}

/** Compose one light. Returns interleaved RGB (w × h × 3). */
export function composeLight(
  w: number,
  h: number,
  light: BaseLight,
  paper: PaperModel,
  formation: Mask | null,
  layers: ComposeLayer[],
  /** Capture gain per channel (exposure × white balance), folded into the light sources. */
  gain: RGB = [1, 1, 1],
): Uint8Array {
  const out = new Uint8Array(w * h * 3);
  const base = paper.base[light].map((v, c) => v * gain[c]) as RGB;
  const fk = paper.formation[light];
  if (formation && fk >= 0.02) {
    // Formation mask is centred on 128: darker and lighter clouds. One table lookup per channel.
    const l0 = new Uint8Array(256);
    const l1 = new Uint8Array(256);
    const l2 = new Uint8Array(256);
    for (let f = 0; f < 256; f++) {
      const m = 1 + ((f - 128) / 128) * fk;
      l0[f] = Math.min(255, Math.round(base[0] * m));
      l1[f] = Math.min(255, Math.round(base[1] * m));
      l2[f] = Math.min(255, Math.round(base[2] * m));
    }
    const fd = formation.data;
    const n = w * h;
    for (let i = 0, j = 0; i < n; i++, j += 3) {
      const f = fd[i];
      out[j] = l0[f];
      out[j + 1] = l1[f];
      out[j + 2] = l2[f];
    }
  } else {
    // Uniform paper: fill one row, then copy it.
    const row = w * 3;
    for (let j = 0; j < row; j += 3) {
      out[j] = Math.min(255, Math.round(base[0]));
      out[j + 1] = Math.min(255, Math.round(base[1]));
      out[j + 2] = Math.min(255, Math.round(base[2]));
    }
    for (let y = 1; y < h; y++) out.copyWithin(y * row, 0, row);
  }
  for (const layer of layers) {
    const resp = layer.ink[light];
    if (!resp) continue;
    applyLayer(out, w, h, layer.mask, scaleResponse(resp, gain));
  }
  return out;
}

/** Light added by a layer (emission, cover) goes through the same capture gain as the paper. */
function scaleResponse(resp: InkResponse, gain: RGB): InkResponse {
  if ('emit' in resp) return { emit: resp.emit.map((v, c) => v * gain[c]) as RGB };
  if ('cover' in resp) return { cover: resp.cover.map((v, c) => Math.min(255, v * gain[c])) as RGB };
  return resp;
}

function applyLayer(out: Uint8Array, w: number, h: number, mask: Mask, resp: InkResponse): void {
  const spans = mask.spans();
  const md = mask.data;
  // Integer factors per coverage value (×256), so the inner loops are a multiply and a shift per channel.
  const t0 = new Int32Array(256);
  const t1 = new Int32Array(256);
  const t2 = new Int32Array(256);
  let mode: 0 | 1 | 2 | 3 = 0;
  let ramp: Int32Array | null = null;
  let norm = 0;
  if ('absorb' in resp) {
    const k = resp.k ?? 1;
    if (resp.ramp && resp.ramp.length >= 2) {
      mode = 3;
      const colours = rampTable(resp.ramp);
      norm = 255 / (w + h);
      ramp = new Int32Array(256 * 256 * 3);
      for (let li = 0; li < 256; li++) {
        for (let m = 0; m < 256; m++) {
          const a = (m / 255) * k;
          const o = (li * 256 + m) * 3;
          for (let c = 0; c < 3; c++) ramp[o + c] = Math.round(256 * (1 - a * (1 - colours[li * 3 + c] / 255)));
        }
      }
    } else {
      for (let m = 0; m < 256; m++) {
        const a = (m / 255) * k;
        t0[m] = Math.round(256 * (1 - a * (1 - resp.absorb[0] / 255)));
        t1[m] = Math.round(256 * (1 - a * (1 - resp.absorb[1] / 255)));
        t2[m] = Math.round(256 * (1 - a * (1 - resp.absorb[2] / 255)));
      }
    }
  } else if ('emit' in resp) {
    mode = 1;
    for (let m = 0; m < 256; m++) {
      t0[m] = Math.round((m * resp.emit[0]) / 255);
      t1[m] = Math.round((m * resp.emit[1]) / 255);
      t2[m] = Math.round((m * resp.emit[2]) / 255);
    }
  } else {
    mode = 2;
    for (let m = 0; m < 256; m++) {
      t0[m] = Math.round((m * resp.cover[0]) / 255) * 256 + (255 - m);
      t1[m] = Math.round((m * resp.cover[1]) / 255) * 256 + (255 - m);
      t2[m] = Math.round((m * resp.cover[2]) / 255) * 256 + (255 - m);
    }
  }
  for (let r = 0; r < spans.length; r += 3) {
    const row = spans[r];
    const x0 = spans[r + 1];
    const x1 = spans[r + 2];
    if (mode === 0) {
      for (let x = x0; x < x1; x++) {
        const m = md[row + x];
        if (m === 0) continue;
        const j = (row + x) * 3;
        out[j] = (out[j] * t0[m] + 128) >> 8;
        out[j + 1] = (out[j + 1] * t1[m] + 128) >> 8;
        out[j + 2] = (out[j + 2] * t2[m] + 128) >> 8;
      }
    } else if (mode === 1) {
      for (let x = x0; x < x1; x++) {
        const m = md[row + x];
        if (m === 0) continue;
        const j = (row + x) * 3;
        const a = out[j] + t0[m];
        const b = out[j + 1] + t1[m];
        const c = out[j + 2] + t2[m];
        out[j] = a > 255 ? 255 : a;
        out[j + 1] = b > 255 ? 255 : b;
        out[j + 2] = c > 255 ? 255 : c;
      }
    } else if (mode === 3) {
      const rt = ramp as Int32Array;
      const base = (h - row / w) * norm;
      for (let x = x0; x < x1; x++) {
        const m = md[row + x];
        if (m === 0) continue;
        const j = (row + x) * 3;
        const o = ((((x * norm + base) | 0) << 8) + m) * 3;
        out[j] = (out[j] * rt[o] + 128) >> 8;
        out[j + 1] = (out[j + 1] * rt[o + 1] + 128) >> 8;
        out[j + 2] = (out[j + 2] * rt[o + 2] + 128) >> 8;
      }
    } else {
      // Cover: out = c·a + out·(1 − a), with c·a and (1 − a) packed in one table entry.
      for (let x = x0; x < x1; x++) {
        const m = md[row + x];
        if (m === 0) continue;
        const j = (row + x) * 3;
        const e0 = t0[m];
        const e1 = t1[m];
        const e2 = t2[m];
        out[j] = (e0 >> 8) + ((((e0 & 255) * out[j] + 127) / 255) | 0);
        out[j + 1] = (e1 >> 8) + ((((e1 & 255) * out[j + 1] + 127) / 255) | 0);
        out[j + 2] = (e2 >> 8) + ((((e2 & 255) * out[j + 2] + 127) / 255) | 0);
      }
    }
  }
}

/**
 * Paper formation: low-frequency cloudiness, a value around 128 per pixel. Two octaves of smooth value noise on
 * grids that wrap around, so the field tiles and any window into it (see paperFormation) looks seamless.
 */
export function formationMask(w: number, h: number, pxPerMm: number, seed: () => number): Mask {
  const m = new Mask(w, h);
  const acc = new Float32Array(w * h);
  for (const { cellMm, amp } of [
    { cellMm: 3.3, amp: 0.6 },
    { cellMm: 1.1, amp: 0.4 },
  ]) {
    const gw = Math.max(2, Math.round(w / (cellMm * pxPerMm)));
    const gh = Math.max(2, Math.round(h / (cellMm * pxPerMm)));
    const grid = new Float32Array(gw * gh);
    for (let i = 0; i < grid.length; i++) grid[i] = seed() * 2 - 1;
    // Per-column cell index and smoothstep weight, computed once.
    const cx0 = new Int32Array(w);
    const cx1 = new Int32Array(w);
    const fxs = new Float32Array(w);
    for (let x = 0; x < w; x++) {
      const gx = (x * gw) / w;
      const i0 = Math.floor(gx);
      const f = gx - i0;
      cx0[x] = i0 % gw;
      cx1[x] = (i0 + 1) % gw;
      fxs[x] = f * f * (3 - 2 * f);
    }
    for (let y = 0; y < h; y++) {
      const gy = (y * gh) / h;
      const j0 = Math.floor(gy);
      let fy = gy - j0;
      fy = fy * fy * (3 - 2 * fy);
      const r0 = (j0 % gh) * gw;
      const r1 = ((j0 + 1) % gh) * gw;
      const row = y * w;
      for (let x = 0; x < w; x++) {
        const fx = fxs[x];
        const top = grid[r0 + cx0[x]] + (grid[r0 + cx1[x]] - grid[r0 + cx0[x]]) * fx;
        const bottom = grid[r1 + cx0[x]] + (grid[r1 + cx1[x]] - grid[r1 + cx0[x]]) * fx;
        acc[row + x] += amp * (top + (bottom - top) * fy);
      }
    }
  }
  for (let i = 0; i < acc.length; i++) m.data[i] = Math.max(0, Math.min(255, 128 + acc[i] * 110));
  m.touch(0, 0, w, h);
  return m;
}

/** Separable box blur of a mask (a few passes approximate a Gaussian), in place. */
export function blurMask(mask: Mask, radius: number, passes = 2): void {
  const r = Math.max(1, Math.round(radius));
  const { w, h } = mask;
  const b = mask.bounds();
  if (b.x1 <= b.x0) return;
  const x0 = Math.max(0, b.x0 - r * passes - 1);
  const x1 = Math.min(w, b.x1 + r * passes + 1);
  const y0 = Math.max(0, b.y0 - r * passes - 1);
  const y1 = Math.min(h, b.y1 + r * passes + 1);
  const d = mask.data;
  mask.touch(x0, y0, x1, y1);
  const tmp = new Float32Array(Math.max(x1 - x0, y1 - y0));
  for (let p = 0; p < passes; p++) {
    for (let y = y0; y < y1; y++) {
      const row = y * w;
      let sum = 0;
      for (let x = x0 - r; x <= x0 + r; x++) sum += x >= x0 && x < x1 ? d[row + x] : 0;
      for (let x = x0; x < x1; x++) {
        tmp[x - x0] = sum / (2 * r + 1);
        const add = x + r + 1;
        const sub = x - r;
        sum += (add < x1 ? d[row + add] : 0) - (sub >= x0 ? d[row + sub] : 0);
      }
      for (let x = x0; x < x1; x++) d[row + x] = tmp[x - x0] + 0.5;
    }
    for (let x = x0; x < x1; x++) {
      let sum = 0;
      for (let y = y0 - r; y <= y0 + r; y++) sum += y >= y0 && y < y1 ? d[y * w + x] : 0;
      for (let y = y0; y < y1; y++) {
        tmp[y - y0] = sum / (2 * r + 1);
        const add = y + r + 1;
        const sub = y - r;
        sum += (add < y1 ? d[add * w + x] : 0) - (sub >= y0 ? d[sub * w + x] : 0);
      }
      for (let y = y0; y < y1; y++) d[y * w + x] = tmp[y - y0] + 0.5;
    }
  }
}

/**
 * Replace a mask by a halftone dot screen of the same mean coverage (what offset or inkjet reproduction of fine
 * lines looks like under a loupe): each screen cell holds a dot whose area matches the local coverage.
 */
export function halftone(mask: Mask, pitchPx: number, angle = Math.PI / 4): void {
  // A screen finer than the pixel grid cannot be resolved: a capture at this resolution would average it out.
  if (pitchPx < 2.5) return;
  const { w, h } = mask;
  const d = mask.data;
  const ca = Math.cos(angle) / pitchPx;
  const sa = Math.sin(angle) / pitchPx;
  const radius = new Float32Array(256);
  for (let v = 0; v < 256; v++) radius[v] = Math.sqrt(v / 255 / Math.PI);
  for (let y = mask.ty0; y < mask.ty1; y++) {
    const row = y * w;
    for (let x = mask.tx0; x < mask.tx1; x++) {
      const v = d[row + x];
      if (v === 0) continue;
      const u = x * ca + y * sa;
      const t = -x * sa + y * ca;
      const fu = u - Math.floor(u) - 0.5;
      const ft = t - Math.floor(t) - 0.5;
      const dist = Math.sqrt(fu * fu + ft * ft);
      const cov = Math.max(0, Math.min(1, (radius[v] - dist) * pitchPx + 0.5));
      d[row + x] = cov * 255;
    }
  }
  void h;
}

// Rendering a recipe: layout → coverage masks at the requested dpi → one RGB image per light (and oblique tilt
// frame) → PNG. All lights come from the same masks, so they register pixel-for-pixel.
import type { DocumentSide, Light } from '@firstline/contracts';
import sharp from 'sharp';
import { Math, Float32Array, Uint8Array, Int32Array } from '../hot-globals';
import { buildScene } from '../layout';
import { Rng } from '../prng';
import { LAYER_ORDER, type DrawItem, type LayerId, type Scene } from '../scene';
import type { RGB } from '../states';
import type { Recipe } from '../types';
import { composeLight, formationMask, type BaseLight, type ComposeLayer } from './compose';
import { inksFor, paperFor } from './inks';
import { drawText, fillPolygons, Mask, strokePolyline } from './raster';

/**
 * Identical PNG settings for every image forge writes, genuine or forged (DESIGN.md rule 2). Uncompressed (stored
 * deflate blocks): a forge PNG is a hand-over to the media pipeline, which decodes it once and keeps only its own
 * encodings. Level 0 writes a 200-dpi passport page in 8 ms of CPU and decodes in 8, against 26–34 and 15–17 at
 * level 2, for twice the bytes (2.0 against 1.0–1.4 MB) on a scratch disk.
 */
export const PNG_OPTIONS = {
  compressionLevel: 0,
  adaptiveFiltering: false,
  palette: false,
  progressive: false,
} as const;

export const OBLIQUE_FRAMES = 3;

export interface RasterSide {
  scene: Scene;
  w: number;
  h: number;
  s: number;
  masks: Map<LayerId, Mask>;
  formation: Mask;
}

export function pixelSize(mm: number, dpi: number): number {
  return Math.round((mm * dpi) / 25.4);
}

export async function rasterizeSide(recipe: Recipe, side: DocumentSide): Promise<RasterSide> {
  const scene = buildScene(recipe, side);
  const w = pixelSize(scene.widthMm, recipe.dpi);
  const h = pixelSize(scene.heightMm, recipe.dpi);
  // Scale so that the page maps exactly onto the pixel grid.
  const s = w / scene.widthMm;
  const masks = new Map<LayerId, Mask>();
  // Layers are independent: draw each layer's items in order, starting from the cached design-level prefix.
  const byLayer = new Map<LayerId, DrawItem[]>();
  for (const item of scene.items) {
    const list = byLayer.get(item.layer) ?? [];
    list.push(item);
    byLayer.set(item.layer, list);
  }
  for (const [layer, items] of byLayer) {
    const mask = new Mask(w, h);
    masks.set(layer, mask);
    let n = 0;
    while (n < items.length && items[n].cacheKey) n++;
    let first = 0;
    if (n > 0) {
      const key = `${layer}|${w}x${h}|${s}|${items
        .slice(0, n)
        .map((i) => i.cacheKey)
        .join('|')}`;
      const hit = designCache.get(key);
      if (hit) {
        mask.data.set(hit.data);
        mask.touch(hit.box[0], hit.box[1], hit.box[2], hit.box[3]);
      } else {
        for (const item of items.slice(0, n)) await item.draw({ mask, s });
        rememberDesign(key, mask);
      }
      first = n;
    }
    for (const item of items.slice(first)) await item.draw({ mask, s });
  }
  const formation = paperFormation(w, h, s, new Rng(`paper:${recipe.seed}:${side}`));
  return { scene, w, h, s, masks, formation };
}

/**
 * Paper formation of a sheet: a window, at a seeded offset, into a tiling cloud field made once per resolution
 * (each document shows different clouds; making the field is the expensive part).
 */
const formationFields = new Map<string, Mask>();

function paperFormation(w: number, h: number, s: number, rng: Rng): Mask {
  const key = `${w}x${h}@${s}`;
  let f = formationFields.get(key);
  if (!f) {
    const fieldRng = new Rng(`paper-field:${key}`);
    f = formationMask(w, h, s, () => fieldRng.next());
    formationFields.set(key, f);
    if (formationFields.size > 4) formationFields.delete(formationFields.keys().next().value as string);
  }
  // The field tiles: a window at any offset wraps around seamlessly.
  const ox = rng.int(0, w - 1);
  const oy = rng.int(0, h - 1);
  const m = new Mask(w, h);
  for (let y = 0; y < h; y++) {
    const src = ((y + oy) % h) * w;
    m.data.set(f.data.subarray(src + ox, src + w), y * w);
    m.data.set(f.data.subarray(src, src + ox), y * w + (w - ox));
  }
  m.touch(0, 0, w, h);
  return m;
}

/** Design-level layer prefixes by key (LRU within a byte budget): the guilloche of a state is drawn once per dpi. */
const designCache = new Map<string, { data: Uint8Array; box: [number, number, number, number] }>();
let designCacheBytes = 0;
const DESIGN_CACHE_BUDGET = 96 * 1024 * 1024;

function rememberDesign(key: string, mask: Mask): void {
  const entry = {
    data: mask.data.slice(),
    box: [mask.tx0, mask.ty0, mask.tx1, mask.ty1] as [number, number, number, number],
  };
  designCache.set(key, entry);
  designCacheBytes += entry.data.length;
  while (designCacheBytes > DESIGN_CACHE_BUDGET && designCache.size > 1) {
    const [oldest, value] = designCache.entries().next().value as [string, { data: Uint8Array }];
    designCache.delete(oldest);
    designCacheBytes -= value.data.length;
  }
}

export interface RenderedImage {
  side: DocumentSide;
  light: Light;
  frame?: number;
  width: number;
  height: number;
  /** Interleaved RGB. */
  rgb: Uint8Array;
}

/** Compose the requested lights of one side. Oblique produces OBLIQUE_FRAMES images. */
export function composeSide(recipe: Recipe, r: RasterSide, lights: readonly Light[]): RenderedImage[] {
  return sortImages([...composeSideIter(recipe, r, lights)], lights);
}

/** Images in the order the lights were requested, oblique frames in frame order. */
export function sortImages<T extends { light: Light; frame?: number }>(images: T[], lights: readonly Light[]): T[] {
  return images.sort((a, b) => lights.indexOf(a.light) - lights.indexOf(b.light) || (a.frame ?? 0) - (b.frame ?? 0));
}

/** Lazily compose one light after the other (lets the caller encode one image while the next is composed). */
export function* composeSideIter(recipe: Recipe, r: RasterSide, lights: readonly Light[]): Generator<RenderedImage> {
  const inks = inksFor(recipe);
  const paper = paperFor(recipe);
  const layers: ComposeLayer[] = [];
  for (const id of LAYER_ORDER) {
    const mask = r.masks.get(id);
    if (mask) layers.push({ id, mask, ink: inks[id] });
  }
  const ovd = r.scene.ovd ? buildOvd(r) : null;
  const wantOblique = lights.includes('oblique');
  let visibleBase: Uint8Array | null = null;
  const visibleGain = captureGain(recipe.seed, r.scene.side, 'visible');
  if (lights.includes('visible') || wantOblique)
    visibleBase = composeLight(r.w, r.h, 'visible', paper, r.formation, layers, visibleGain);
  // Work order: the images that take longest to encode first, so the encoder threads finish soon after the last
  // composition (the flat infrared and UV images encode fastest).
  const WORK_ORDER: Light[] = ['visible', 'oblique', 'transmitted', 'uv365', 'uv254', 'ir'];
  const order = [...lights].sort((a, b) => WORK_ORDER.indexOf(a) - WORK_ORDER.indexOf(b));
  for (const light of order) {
    if (light === 'oblique') {
      const gains = Array.from({ length: OBLIQUE_FRAMES }, (_, i) =>
        captureGain(recipe.seed, r.scene.side, `oblique-${i + 1}`),
      );
      const frames = obliqueFrames(
        r,
        visibleBase as Uint8Array,
        gains.map((gain) => gain.map((g, c) => g / visibleGain[c]) as RGB),
      );
      for (let f = 1; f <= OBLIQUE_FRAMES; f++) {
        const rgb = frames[f - 1];
        if (ovd) ovdFrame(ovd, rgb, r.w, f, gains[f - 1]);
        yield { side: r.scene.side, light: 'oblique', frame: f, width: r.w, height: r.h, rgb };
      }
      continue;
    }
    let rgb: Uint8Array;
    if (light === 'visible') {
      rgb = wantOblique ? (visibleBase as Uint8Array).slice() : (visibleBase as Uint8Array);
      if (ovd) ovdFrame(ovd, rgb, r.w, 0, visibleGain);
    } else {
      const gain = captureGain(recipe.seed, r.scene.side, light);
      rgb = composeLight(r.w, r.h, light as BaseLight, paper, r.formation, layers, gain);
      if (ovd) ovdOtherLight(ovd, rgb, r.w, light as BaseLight, gain);
    }
    yield { side: r.scene.side, light, width: r.w, height: r.h, rgb };
  }
}

/**
 * Capture conditions: every image of a specimen is "photographed" with its own exposure and white balance, drawn
 * from the document's seed, the side and the light. A forgery made from a genuine document keeps the capture of
 * that document, so the two differ only where the forger worked; across documents the variation is what real
 * captures show, and it keeps file-level statistics from telling documents apart. The gain is folded into the
 * light sources (paper, emission, covers), so it costs no extra pass over the pixels.
 */
export function captureGain(seed: string, side: string, light: string): RGB {
  const rng = new Rng(`capture:${seed}:${side}:${light}`);
  const exposure = rng.range(0.94, 1.04);
  return [exposure * rng.range(0.98, 1.02), exposure * rng.range(0.98, 1.02), exposure * rng.range(0.98, 1.02)];
}

export async function encodePng(img: { rgb: Uint8Array; width: number; height: number }): Promise<Buffer> {
  const png = await sharp(Buffer.from(img.rgb.buffer, img.rgb.byteOffset, img.rgb.byteLength), {
    raw: { width: img.width, height: img.height, channels: 3 },
  })
    .png(PNG_OPTIONS)
    .toBuffer();
  return stripAncillaryChunks(png);
}

/** Keep only the critical chunks (IHDR, PLTE, IDAT, IEND): no resolution, time or text metadata in any image. */
export function stripAncillaryChunks(png: Buffer): Buffer {
  const parts: Buffer[] = [png.subarray(0, 8)];
  for (let off = 8; off < png.length;) {
    const len = png.readUInt32BE(off);
    const type = png.toString('latin1', off + 4, off + 8);
    const end = off + 12 + len;
    if (type === 'IHDR' || type === 'PLTE' || type === 'IDAT' || type === 'IEND') parts.push(png.subarray(off, end));
    off = end;
  }
  return Buffer.concat(parts);
}

export const ALL_LIGHTS: readonly Light[] = ['visible', 'uv365', 'uv254', 'ir', 'transmitted', 'oblique'];

// ------------------------------------------------------------------------------------------------ oblique light

/** All oblique tilt frames in one pass over the visible image (frame f has its own gloss band and capture gain). */
function obliqueFrames(r: RasterSide, base: Uint8Array, relGains: RGB[]): Uint8Array[] {
  const { w, h } = r;
  // A specular band sweeping across the page as it tilts: t = 0.6·x/w + 0.4·y/h; tabulated along x for every
  // pixel offset a row adds.
  const shiftPerRow = 0.4 / h / (0.6 / w);
  const span = w + Math.ceil(h * shiftPerRow) + 2;
  const glosses = relGains.map((_, f) => {
    const centre = 0.15 + 0.35 * f;
    const gloss = new Int32Array(span);
    for (let i = 0; i < span; i++) {
      const t = ((i * 0.6) / w - centre) / 0.2;
      gloss[i] = Math.round(6 + 30 * Math.exp(-t * t));
    }
    return gloss;
  });
  // Dimmer than straight light (×0.86), with each frame's capture gain relative to the visible image.
  const ks = relGains.map((g) => g.map((v) => Math.round(220 * v)));
  const outs = relGains.map(() => new Uint8Array(base.length));
  const [o1, o2, o3] = outs;
  const [g1, g2, g3] = glosses;
  const [k1, k2, k3] = ks;
  for (let y = 0; y < h; y++) {
    const off = Math.round(y * shiftPerRow);
    let j = y * w * 3;
    for (let x = 0; x < w; x++, j += 3) {
      const r0 = base[j];
      const r1 = base[j + 1];
      const r2 = base[j + 2];
      let g = g1[x + off];
      let v = ((r0 * k1[0]) >> 8) + g;
      o1[j] = v > 255 ? 255 : v;
      v = ((r1 * k1[1]) >> 8) + g;
      o1[j + 1] = v > 255 ? 255 : v;
      v = ((r2 * k1[2]) >> 8) + g + 1;
      o1[j + 2] = v > 255 ? 255 : v;
      g = g2[x + off];
      v = ((r0 * k2[0]) >> 8) + g;
      o2[j] = v > 255 ? 255 : v;
      v = ((r1 * k2[1]) >> 8) + g;
      o2[j + 1] = v > 255 ? 255 : v;
      v = ((r2 * k2[2]) >> 8) + g + 1;
      o2[j + 2] = v > 255 ? 255 : v;
      g = g3[x + off];
      v = ((r0 * k3[0]) >> 8) + g;
      o3[j] = v > 255 ? 255 : v;
      v = ((r1 * k3[1]) >> 8) + g;
      o3[j + 1] = v > 255 ? 255 : v;
      v = ((r2 * k3[2]) >> 8) + g + 1;
      o3[j + 2] = v > 255 ? 255 : v;
    }
  }
  outs.forEach((out, f) => obliqueCorrections(r, out, glosses[f], shiftPerRow));
  return outs;
}

/** Local oblique effects, only where their masks have ink: matte erasures, tactile relief, cut edges. */
function obliqueCorrections(r: RasterSide, out: Uint8Array, gloss: Int32Array, shiftPerRow: number): void {
  const { w, h, s } = r;
  const adjust = (mask: Mask | undefined, f: (i: number, v: number) => number): void => {
    if (!mask) return;
    const spans = mask.spans();
    for (let k = 0; k < spans.length; k += 3) {
      const row = spans[k];
      for (let x = spans[k + 1]; x < spans[k + 2]; x++) {
        const i = row + x;
        const v = mask.data[i];
        if (v === 0) continue;
        const delta = f(i, v);
        if (delta === 0) continue;
        const j = i * 3;
        for (let c = 0; c < 3; c++) out[j + c] = Math.max(0, Math.min(255, out[j + c] + delta));
      }
    }
  };
  adjust(r.masks.get('matte'), (i, v) => {
    const x = i % w;
    const y = (i - x) / w;
    return -Math.round(gloss[x + Math.round(y * shiftPerRow)] * (v / 255) * 0.85);
  });
  const tactile = r.masks.get('tactile');
  if (tactile) {
    const d = Math.max(1, Math.round(s * 0.05));
    const td = tactile.data;
    // Relief shows around the engraved strokes: visit the strokes' box grown by d.
    const grown = new Mask(w, h);
    const y0 = Math.max(d, tactile.ty0 - d);
    const y1 = Math.min(h - d, tactile.ty1 + d);
    const x0 = Math.max(d, tactile.tx0 - d);
    const x1 = Math.min(w - d, tactile.tx1 + d);
    for (let y = y0; y < y1; y++) grown.data.fill(1, y * w + x0, y * w + x1);
    grown.touch(x0, y0, x1, y1);
    adjust(grown, (i) => Math.round((td[i - d * w - d] - td[i + d * w + d]) * 0.2));
  }
  adjust(r.masks.get('cutEdge'), (_i, v) => -Math.round(v * 0.35));
}

// ------------------------------------------------------------------------------------------------ OVD

interface OvdRaster {
  x0: number;
  y0: number;
  w: number;
  h: number;
  alpha: Float32Array;
  emblem: Uint8Array;
  code: Uint8Array;
  rings: Float32Array;
  cut: Uint8Array;
  mode: 'genuine' | 'flat' | 'generic';
  imitation: boolean;
}

function buildOvd(r: RasterSide): OvdRaster {
  const spec = r.scene.ovd as NonNullable<Scene['ovd']>;
  const s = r.s;
  const x0 = Math.max(0, Math.floor(spec.box.x * s) - 1);
  const y0 = Math.max(0, Math.floor(spec.box.y * s) - 1);
  const x1 = Math.min(r.w, Math.ceil((spec.box.x + spec.box.w) * s) + 1);
  const y1 = Math.min(r.h, Math.ceil((spec.box.y + spec.box.h) * s) + 1);
  const w = x1 - x0;
  const h = y1 - y0;
  const local = (poly: number[]): number[] => poly.map((v, i) => v * s - (i % 2 === 0 ? x0 : y0));
  const outline = new Mask(w, h);
  fillPolygons(outline, [local(spec.outline)]);
  const emblem = new Mask(w, h);
  fillPolygons(emblem, spec.emblem.map(local));
  const code = new Mask(w, h);
  const cx = (spec.box.x + spec.box.w / 2) * s - x0;
  const cy = (spec.box.y + spec.box.h / 2) * s - y0;
  drawText(code, spec.code, cx, cy + spec.box.h * s * 0.14, {
    font: 'sans-bold',
    size: spec.box.h * s * 0.42,
    anchor: 'middle',
  });
  const ringMask = new Mask(w, h);
  for (let k = 1; k <= 6; k++) {
    const rr = (Math.min(spec.box.w, spec.box.h) * s * k) / 13;
    const pts: number[] = [];
    for (let i = 0; i < 90; i++)
      pts.push(cx + rr * Math.cos((i / 90) * Math.PI * 2), cy + rr * Math.sin((i / 90) * Math.PI * 2));
    strokePolyline(ringMask, pts, Math.max(1, s * 0.18), 1, true);
  }
  const cut = new Uint8Array(w * h);
  if (spec.cut) {
    const c = spec.cut.rect;
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const px = (x + x0 + 0.5) / s;
        const py = (y + y0 + 0.5) / s;
        if (px >= c.x && px <= c.x + c.w && py >= c.y && py <= c.y + c.h) cut[y * w + x] = 1;
      }
    }
  }
  const alpha = new Float32Array(w * h);
  const rings = new Float32Array(w * h);
  for (let i = 0; i < w * h; i++) {
    alpha[i] = outline.data[i] / 255;
    rings[i] = ringMask.data[i] / 255;
  }
  return {
    x0,
    y0,
    w,
    h,
    alpha,
    emblem: emblem.data,
    code: code.data,
    rings,
    cut,
    mode: spec.mode,
    imitation: !!spec.cut?.imitation,
  };
}

function hsv(hh: number, sat: number, val: number): [number, number, number] {
  const h6 = (((hh % 1) + 1) % 1) * 6;
  const i = Math.floor(h6);
  const f = h6 - i;
  const p = val * (1 - sat);
  const q = val * (1 - sat * f);
  const t = val * (1 - sat * (1 - f));
  const [r, g, b] = [
    [val, t, p],
    [q, val, p],
    [p, val, t],
    [p, q, val],
    [t, p, val],
    [val, p, q],
  ][i];
  return [r * 255, g * 255, b * 255];
}

/** Frame 0 is the straight (visible) view; frames 1… are tilts. */
function ovdFrame(o: OvdRaster, rgb: Uint8Array, W: number, frame: number, gain: RGB): void {
  for (let y = 0; y < o.h; y++) {
    for (let x = 0; x < o.w; x++) {
      const i = y * o.w + x;
      let a = o.alpha[i];
      if (a <= 0) continue;
      const u = x / o.w;
      const v = y / o.h;
      const e = o.emblem[i] / 255;
      const c = o.code[i] / 255;
      const ring = o.rings[i];
      let col: [number, number, number];
      const flat = o.mode === 'flat' || (o.cut[i] === 1 && o.imitation);
      if (o.cut[i] === 1 && !o.imitation) continue;
      if (flat) {
        // A silver print: the same in every frame.
        const sheen = 196 + 20 * Math.sin((u + v) * 6);
        col = [sheen - 30 * e, sheen - 26 * e, sheen - 18 * e + 8];
        a *= 0.6;
      } else if (frame === 0) {
        const [r, g, b] = hsv(u * 0.8 + v * 0.5, 0.18, 0.86);
        col = [r - 25 * e, g - 25 * e, b - 20 * e];
        a *= 0.45;
      } else {
        const [r, g, b] = hsv(u * 0.9 + v * 0.6 + frame * 0.31, 0.78, 0.92);
        let glow: number;
        if (o.mode === 'genuine') glow = frame === 1 ? e : frame === 2 ? c : ring;
        else glow = frame === 2 ? ring : 0.35 * ring;
        const dim = o.mode === 'genuine' && frame !== 1 ? 0.35 * e : 0;
        col = [
          r * (1 - dim) + (255 - r) * glow * 0.85,
          g * (1 - dim) + (255 - g) * glow * 0.85,
          b * (1 - dim) + (255 - b) * glow * 0.85,
        ];
        a *= 0.88;
      }
      const j = ((o.y0 + y) * W + (o.x0 + x)) * 3;
      for (let c = 0; c < 3; c++)
        rgb[j + c] = Math.max(0, Math.min(255, rgb[j + c] + (col[c] * gain[c] - rgb[j + c]) * a));
    }
  }
}

function ovdOtherLight(o: OvdRaster, rgb: Uint8Array, W: number, light: BaseLight, gain: RGB): void {
  for (let y = 0; y < o.h; y++) {
    for (let x = 0; x < o.w; x++) {
      const i = y * o.w + x;
      const a = o.alpha[i];
      if (a <= 0 || (o.cut[i] === 1 && !o.imitation)) continue;
      const j = ((o.y0 + y) * W + (o.x0 + x)) * 3;
      if (light === 'ir') {
        // Metallised foil reflects infrared: a light, featureless patch.
        for (let k = 0; k < 3; k++) rgb[j + k] = Math.min(255, rgb[j + k] + (226 * gain[k] - rgb[j + k]) * a * 0.45);
      } else {
        const k = light === 'transmitted' ? 0.3 : 0.4;
        for (let c = 0; c < 3; c++) rgb[j + c] = rgb[j + c] * (1 - a * k);
      }
    }
  }
}

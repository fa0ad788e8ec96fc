// Forging on photographs: an instructor draws a region on one side of a genuine specimen's photographs and picks an
// operation; this applies it to every photograph of that side, consistently with what each light shows of the
// material. A substituted portrait is a photographic print: it lacks the UV pattern, interrupts the OVD, is opaque in
// transmitted light and its dyes vanish in infrared. Retyped data is erased first (the background is smeared, the
// paper thinned, an eradicator stain fluoresces) and retyped in an ink that infrared does not see. A removed feature
// is gone under the lights it answers to. A forged stamp's ink does not fluoresce. Pure pixel work on raw RGB.
import { faceParams, livePose, PORTRAIT_POSE, type FacePose, type Sex } from './face';
import { Math, Float32Array, Uint8Array } from './hot-globals';
import { Rng } from './prng';
import { blurMask } from './render/compose';
import { faceRgba } from './render/portrait';
import {
  capHeight,
  drawText,
  ellipsePolygon,
  fillPolygons,
  Mask,
  measureText,
  reversed,
  type TextStyle,
} from './render/raster';

export const PHOTO_OPERATIONS = ['photo-substitution', 'alter-field', 'remove-feature', 'stamp'] as const;
export type PhotoOperation = (typeof PHOTO_OPERATIONS)[number];

/** One photograph of a document side under a light: raw 8-bit RGB, row-major. */
export interface Photograph {
  light: string;
  frame: number;
  width: number;
  height: number;
  data: Uint8Array;
}

export interface PhotoForgeRequest {
  operation: PhotoOperation;
  /** The drawn region, normalised 0–1 on the side's images. */
  region: [number, number][];
  seed: number | string;
  /** 0 = crude, obvious traces … 1 = careful, faint traces. Default 0.5. */
  subtlety?: number;
  /** The retyped text (alter-field) or the stamp's words (stamp). */
  text?: string;
  /** The feature to remove (remove-feature): its kind and the lights it answers to. */
  feature?: { kind: string; lights: readonly string[] };
  /** The sex of the substituted portrait's face (photo-substitution). Default: drawn from the seed. */
  sex?: Sex;
}

export interface PhotoForgeResult {
  /** The forged photographs, in the order given. */
  photographs: Photograph[];
  /** The lights under which the operation leaves a trace an officer can see. */
  lights: string[];
  /** photo-substitution: the substituted face, to draw the traveller who presents the document. */
  face?: { seed: string; sex: Sex };
}

/** Where each operation shows, before intersecting with the lights photographed. */
const SHOWS_UNDER: Record<Exclude<PhotoOperation, 'remove-feature'>, readonly string[]> = {
  'photo-substitution': ['visible', 'transmitted', 'oblique', 'uv365', 'uv254', 'ir'],
  'alter-field': ['visible', 'transmitted', 'uv365', 'uv254', 'ir'],
  stamp: ['visible', 'oblique', 'uv365', 'uv254'],
};

/** The lights an operation needs photographs under (the API refuses a specimen side without them). */
export function lightsNeeded(operation: PhotoOperation, feature?: { lights: readonly string[] }): string[][] {
  switch (operation) {
    case 'photo-substitution':
      return [['visible'], ['uv365', 'uv254']];
    case 'alter-field':
    case 'stamp':
      return [['visible']];
    case 'remove-feature':
      return [[...(feature?.lights ?? [])]];
  }
}

/** The lights under which the operation leaves a trace, among those photographed. */
export function lightsShowing(
  operation: PhotoOperation,
  photographed: readonly string[],
  feature?: { lights: readonly string[] },
): string[] {
  const shows = operation === 'remove-feature' ? (feature?.lights ?? []) : SHOWS_UNDER[operation];
  return [...new Set(photographed)].filter((l) => shows.includes(l));
}

/** Applies the operation to every photograph of the side. The photographs given are not changed. */
export async function forgePhotographs(photos: Photograph[], req: PhotoForgeRequest): Promise<PhotoForgeResult> {
  if (!photos.length) throw new Error('No photographs to forge');
  const { width, height } = photos[0];
  if (photos.some((p) => p.width !== width || p.height !== height)) {
    throw new Error('The photographs of one side differ in size');
  }
  const rng = new Rng(`photo-forge:${req.seed}`);
  const subtlety = Math.min(1, Math.max(0, req.subtlety ?? 0.5));
  const region = regionMask(req.region, width, height, 1 + subtlety * 1.5);
  const box = region.bounds();
  const out = photos.map((p) => ({ ...p, data: Uint8Array.from(p.data) }));
  const visible = out.find((p) => p.light === 'visible');
  let face: PhotoForgeResult['face'];

  switch (req.operation) {
    case 'photo-substitution': {
      const sex: Sex = req.sex ?? (rng.next() < 0.5 ? 'F' : 'M');
      face = { seed: `${req.seed}:substitute`, sex };
      const rgba = await faceRgba(
        faceParams(face.seed, sex),
        { ...PORTRAIT_POSE, background: [222, 224, 224] },
        box.w,
        box.h,
      );
      const print = facePrint(rgba, box.w, box.h);
      for (const p of out) substitutePortrait(p, region, box, print, subtlety, visible);
      break;
    }
    case 'alter-field': {
      const ink = inkColour(visible ?? out[0], region, box);
      const text = req.text?.trim() || retypedText(rng);
      const glyphs = textMask(text, region, box, width, height, inkCoverage(visible ?? out[0], region, box, ink));
      for (const p of out) alterField(p, region, box, glyphs, ink, subtlety, visible);
      break;
    }
    case 'remove-feature': {
      const lights = req.feature?.lights ?? [];
      for (const p of out) if (lights.includes(p.light)) removeFeature(p, region, box, req.feature?.kind ?? '');
      break;
    }
    case 'stamp': {
      const impression = stampMask(req.text?.trim() || 'ENTRY', region, box, width, height, rng);
      for (const p of out) stampOn(p, impression, subtlety, visible);
      break;
    }
  }
  const lights = lightsShowing(
    req.operation,
    photos.map((p) => p.light),
    req.feature,
  );
  return { photographs: out, lights, ...(face ? { face } : {}) };
}

/** The traveller who presents a photo-substituted document: the substituted face, photographed live at the desk. */
export async function substituteTraveller(
  face: { seed: string; sex: Sex },
  width: number,
  height: number,
): Promise<{ data: Uint8Array; width: number; height: number }> {
  const pose: FacePose = livePose(new Rng(`pose:${face.seed}`));
  const rgba = await faceRgba(faceParams(face.seed, face.sex), pose, width, height);
  const data = new Uint8Array(width * height * 3);
  for (let i = 0, j = 0; i < rgba.length; i += 4, j += 3) {
    data[j] = rgba[i];
    data[j + 1] = rgba[i + 1];
    data[j + 2] = rgba[i + 2];
  }
  return { data, width, height };
}

// ---------------------------------------------------------------------------------------------------------------
// Geometry

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

class RegionMask {
  constructor(
    readonly mask: Mask,
    private readonly box: Box,
  ) {}

  bounds(): Box {
    return this.box;
  }

  /** Coverage 0–1 at a pixel. */
  at(x: number, y: number): number {
    return this.mask.data[y * this.mask.w + x] / 255;
  }
}

/** The drawn region as an anti-aliased coverage mask, its edge softened by `feather` pixels. */
function regionMask(points: [number, number][], width: number, height: number, feather: number): RegionMask {
  const flat: number[] = [];
  for (const [x, y] of points) flat.push(x * width, y * height);
  const mask = new Mask(width, height);
  // Either winding fills: the rasteriser accumulates signed area, so draw it counter-clockwise if it came clockwise.
  fillPolygons(mask, [signedArea(flat) < 0 ? reversed(flat) : flat], 1);
  if (feather >= 1) blurMask(mask, feather, 1);
  const xs = points.map(([x]) => x * width);
  const ys = points.map(([, y]) => y * height);
  const pad = Math.ceil(feather) + 1;
  const x0 = Math.max(0, Math.floor(Math.min(...xs)) - pad);
  const y0 = Math.max(0, Math.floor(Math.min(...ys)) - pad);
  const x1 = Math.min(width, Math.ceil(Math.max(...xs)) + pad);
  const y1 = Math.min(height, Math.ceil(Math.max(...ys)) + pad);
  return new RegionMask(mask, { x: x0, y: y0, w: Math.max(1, x1 - x0), h: Math.max(1, y1 - y0) });
}

function signedArea(flat: number[]): number {
  let a = 0;
  for (let i = 0; i < flat.length; i += 2) {
    const j = (i + 2) % flat.length;
    a += flat[i] * flat[j + 1] - flat[j] * flat[i + 1];
  }
  return a / 2;
}

// ---------------------------------------------------------------------------------------------------------------
// Pixel helpers

const clamp = (v: number) => (v < 0 ? 0 : v > 255 ? 255 : v);

function meanColour(p: Photograph, box: Box): [number, number, number] {
  const sum = [0, 0, 0];
  let n = 0;
  for (let y = box.y; y < box.y + box.h; y += 2) {
    for (let x = box.x; x < box.x + box.w; x += 2) {
      const o = (y * p.width + x) * 3;
      sum[0] += p.data[o];
      sum[1] += p.data[o + 1];
      sum[2] += p.data[o + 2];
      n++;
    }
  }
  return [sum[0] / n, sum[1] / n, sum[2] / n];
}

const luma = (r: number, g: number, b: number) => 0.299 * r + 0.587 * g + 0.114 * b;

/** Brightness of one photograph's area relative to the visible photograph's (oblique frames are darker or lighter). */
function brightnessRatio(p: Photograph, visible: Photograph | undefined, box: Box): number {
  if (!visible || visible === p) return 1;
  const a = meanColour(p, box);
  const b = meanColour(visible, box);
  return Math.min(2, Math.max(0.2, luma(...a) / Math.max(1, luma(...b))));
}

/**
 * The area under the region as the paper around it would look: each pixel interpolated between the border pixels of
 * its row and its column (the printed design is lost — what an erasure or a careful retouch leaves).
 */
function inpaint(p: Photograph, box: Box): Float32Array {
  const { width, height, data } = p;
  const px = (x: number, y: number, c: number) =>
    data[(Math.min(height - 1, Math.max(0, y)) * width + Math.min(width - 1, Math.max(0, x))) * 3 + c];
  const out = new Float32Array(box.w * box.h * 3);
  const x0 = box.x - 1;
  const x1 = box.x + box.w;
  const y0 = box.y - 1;
  const y1 = box.y + box.h;
  for (let y = 0; y < box.h; y++) {
    for (let x = 0; x < box.w; x++) {
      const tx = (x + 1) / (box.w + 1);
      const ty = (y + 1) / (box.h + 1);
      for (let c = 0; c < 3; c++) {
        const row = px(x0, box.y + y, c) * (1 - tx) + px(x1, box.y + y, c) * tx;
        const col = px(box.x + x, y0, c) * (1 - ty) + px(box.x + x, y1, c) * ty;
        out[(y * box.w + x) * 3 + c] = (row + col) / 2;
      }
    }
  }
  return out;
}

/** Blends `colour(x, y)` into the photograph with the region's coverage as alpha. */
function paint(
  p: Photograph,
  region: RegionMask,
  box: Box,
  colour: (x: number, y: number, o: number, a: number) => [number, number, number],
): void {
  for (let y = box.y; y < box.y + box.h; y++) {
    for (let x = box.x; x < box.x + box.w; x++) {
      const a = region.at(x, y);
      if (a <= 0) continue;
      const o = (y * p.width + x) * 3;
      const [r, g, b] = colour(x - box.x, y - box.y, o, a);
      p.data[o] = clamp(p.data[o] * (1 - a) + r * a);
      p.data[o + 1] = clamp(p.data[o + 1] * (1 - a) + g * a);
      p.data[o + 2] = clamp(p.data[o + 2] * (1 - a) + b * a);
    }
  }
}

/** Peaks along the region's softened edge: where a cut or pasted print shows its border. */
const edge = (a: number) => 4 * a * (1 - a);

// ---------------------------------------------------------------------------------------------------------------
// Photo substitution

/** The substituted photograph as a print: RGB per pixel of the box. */
function facePrint(rgba: Buffer, w: number, h: number): Float32Array {
  const out = new Float32Array(w * h * 3);
  for (let i = 0, j = 0; j < out.length; i += 4, j += 3) {
    out[j] = rgba[i];
    out[j + 1] = rgba[i + 1];
    out[j + 2] = rgba[i + 2];
  }
  return out;
}

function substitutePortrait(
  p: Photograph,
  region: RegionMask,
  box: Box,
  print: Float32Array,
  subtlety: number,
  visible: Photograph | undefined,
): void {
  const crude = 1 - subtlety;
  const at = (x: number, y: number, c: number) => print[(y * box.w + x) * 3 + c];
  const lum = (x: number, y: number) => luma(at(x, y, 0), at(x, y, 1), at(x, y, 2));
  const cut = 25 + 45 * crude; // how dark the cut edge shows
  switch (p.light) {
    case 'uv365':
    case 'uv254': {
      // Photographic paper with optical brighteners: an even bluish glow, none of the document's UV pattern.
      const glow = [110 + 60 * crude, 120 + 50 * crude, 200 + 40 * crude];
      paint(p, region, box, (x, y, _o, a) => {
        const k = 0.85 + 0.15 * (lum(x, y) / 255) - edge(a) * 0.3;
        return [glow[0] * k, glow[1] * k, glow[2] * k];
      });
      break;
    }
    case 'ir': {
      // Dye prints are transparent in infrared: the face is gone, only the paper remains (the genuine engraving
      // is carbon-based and shows).
      const paper = inpaint(p, box);
      paint(p, region, box, (x, y, _o, a) => {
        const i = (y * box.w + x) * 3;
        const k = 1 - edge(a) * 0.25 - 0.05 * (1 - lum(x, y) / 255);
        return [paper[i] * k, paper[i + 1] * k, paper[i + 2] * k];
      });
      break;
    }
    case 'transmitted': {
      // The pasted print doubles the thickness: a dense patch where light shone through the page.
      const density = 0.5 + 0.2 * subtlety;
      paint(p, region, box, (x, y, o) => {
        const k = density * (0.9 + 0.1 * (lum(x, y) / 255));
        return [p.data[o] * k, p.data[o + 1] * k, p.data[o + 2] * k];
      });
      break;
    }
    default: {
      // Visible and oblique (and any other light): the new print, without the laminate's OVD over it; oblique frames
      // keep their own brightness.
      const k = brightnessRatio(p, visible, box);
      paint(p, region, box, (x, y, _o, a) => {
        const e = edge(a) * cut;
        return [at(x, y, 0) * k - e, at(x, y, 1) * k - e, at(x, y, 2) * k - e];
      });
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Data alteration

/** The printed ink: the mean of the darkest pixels under the region in visible light. */
function inkColour(p: Photograph, region: RegionMask, box: Box): [number, number, number] {
  const samples: [number, number, number, number][] = [];
  for (let y = box.y; y < box.y + box.h; y++) {
    for (let x = box.x; x < box.x + box.w; x++) {
      if (region.at(x, y) < 0.5) continue;
      const o = (y * p.width + x) * 3;
      samples.push([luma(p.data[o], p.data[o + 1], p.data[o + 2]), p.data[o], p.data[o + 1], p.data[o + 2]]);
    }
  }
  samples.sort((a, b) => a[0] - b[0]);
  const dark = samples.slice(0, Math.max(1, Math.floor(samples.length * 0.04)));
  const mean = [0, 0, 0];
  for (const s of dark) for (let c = 0; c < 3; c++) mean[c] += s[c + 1] / dark.length;
  return [mean[0], mean[1], mean[2]];
}

/** The share of the region printed in ink: bold type prints more. */
function inkCoverage(p: Photograph, region: RegionMask, box: Box, ink: [number, number, number]): number {
  const inkL = luma(...ink);
  let inked = 0;
  let n = 0;
  for (let y = box.y; y < box.y + box.h; y++) {
    for (let x = box.x; x < box.x + box.w; x++) {
      if (region.at(x, y) < 0.5) continue;
      const o = (y * p.width + x) * 3;
      if (luma(p.data[o], p.data[o + 1], p.data[o + 2]) < inkL + 40) inked++;
      n++;
    }
  }
  return n ? inked / n : 0;
}

/** A plausible replacement when none is given: a date of birth or a document number. */
function retypedText(rng: Rng): string {
  if (rng.next() < 0.5) {
    const months = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
    return `${String(rng.int(1, 28)).padStart(2, '0')} ${months[rng.int(0, 11)]} ${rng.int(1960, 2004)}`;
  }
  return `${String.fromCharCode(65 + rng.int(0, 25))}${String.fromCharCode(65 + rng.int(0, 25))}${rng.int(1000000, 9999999)}`;
}

/** The retyped text, in the face, size and position of a printed field, clipped to the region. */
function textMask(text: string, region: RegionMask, box: Box, width: number, height: number, coverage: number): Mask {
  const style: TextStyle = { font: coverage > 0.22 ? 'sans-bold' : 'sans', size: box.h };
  // Cap height about 60 % of the region's height, then narrower if it would not fit its width.
  style.size *= (0.6 * box.h) / Math.max(1, capHeight(style));
  const fit = (0.9 * box.w) / Math.max(1, measureText(text, style));
  if (fit < 1) style.size *= fit;
  const glyphs = new Mask(width, height);
  drawText(glyphs, text, box.x + 0.05 * box.w, box.y + (box.h + capHeight(style)) / 2, style);
  for (let y = box.y; y < box.y + box.h; y++) {
    for (let x = box.x; x < box.x + box.w; x++) {
      const i = y * width + x;
      glyphs.data[i] = Math.round(glyphs.data[i] * Math.min(1, region.at(x, y) * 1.5));
    }
  }
  return glyphs;
}

function alterField(
  p: Photograph,
  region: RegionMask,
  box: Box,
  glyphs: Mask,
  ink: [number, number, number],
  subtlety: number,
  visible: Photograph | undefined,
): void {
  const crude = 1 - subtlety;
  const paper = inpaint(p, box);
  const erased = (x: number, y: number): [number, number, number] => {
    const i = (y * box.w + x) * 3;
    return [paper[i], paper[i + 1], paper[i + 2]];
  };
  const glyph = (x: number, y: number) => glyphs.data[(box.y + y) * glyphs.w + box.x + x] / 255;
  switch (p.light) {
    case 'ir':
      // The new ink is transparent in infrared: the field reads blank where the genuine print showed.
      paint(p, region, box, (x, y) => erased(x, y));
      break;
    case 'uv365':
    case 'uv254': {
      // An ink eradicator leaves a fluorescent stain where it was applied.
      const stain = [40 + 50 * crude, 40 + 50 * crude, 70 + 60 * crude];
      paint(p, region, box, (x, y) => {
        const [r, g, b] = erased(x, y);
        return [r + stain[0], g + stain[1], b + stain[2]];
      });
      break;
    }
    case 'transmitted': {
      // Scraping thins the paper: brighter against the light, the old print gone and the new one on top.
      const k = 1.08 + 0.14 * crude;
      paint(p, region, box, (x, y) => {
        const g = glyph(x, y) * 0.8;
        const [r, gg, b] = erased(x, y);
        return [r * k * (1 - g), gg * k * (1 - g), b * k * (1 - g)];
      });
      break;
    }
    default: {
      const k = brightnessRatio(p, visible, box);
      paint(p, region, box, (x, y) => {
        const g = glyph(x, y);
        const [r, gg, b] = erased(x, y);
        return [r * (1 - g) + ink[0] * k * g, gg * (1 - g) + ink[1] * k * g, b * (1 - g) + ink[2] * k * g];
      });
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Feature removal

function removeFeature(p: Photograph, region: RegionMask, box: Box, kind: string): void {
  if (kind === 'microprint' && p.light === 'visible') {
    // Reprinted microtext cannot hold its lines: a blur, not a blank.
    const blurred = boxBlur(p, box, 3);
    paint(p, region, box, (x, y) => {
      const i = (y * box.w + x) * 3;
      return [blurred[i], blurred[i + 1], blurred[i + 2]];
    });
    return;
  }
  const paper = inpaint(p, box);
  paint(p, region, box, (x, y) => {
    const i = (y * box.w + x) * 3;
    return [paper[i], paper[i + 1], paper[i + 2]];
  });
}

function boxBlur(p: Photograph, box: Box, r: number): Float32Array {
  const out = new Float32Array(box.w * box.h * 3);
  for (let y = 0; y < box.h; y++) {
    for (let x = 0; x < box.w; x++) {
      const sum = [0, 0, 0];
      let n = 0;
      for (let dy = -r; dy <= r; dy++) {
        const yy = Math.min(p.height - 1, Math.max(0, box.y + y + dy));
        for (let dx = -r; dx <= r; dx++) {
          const xx = Math.min(p.width - 1, Math.max(0, box.x + x + dx));
          const o = (yy * p.width + xx) * 3;
          sum[0] += p.data[o];
          sum[1] += p.data[o + 1];
          sum[2] += p.data[o + 2];
          n++;
        }
      }
      const i = (y * box.w + x) * 3;
      out[i] = sum[0] / n;
      out[i + 1] = sum[1] / n;
      out[i + 2] = sum[2] / n;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Forged stamp

/** A round entry stamp inside the region: two rings, the words and a date, with the speckle of a rubber stamp. */
function stampMask(text: string, region: RegionMask, box: Box, width: number, height: number, rng: Rng): Mask {
  const m = new Mask(width, height);
  const cx = box.x + box.w / 2;
  const cy = box.y + box.h / 2;
  const rx = box.w * 0.46;
  const ry = box.h * 0.46;
  const rot = rng.range(-0.25, 0.25);
  const stroke = Math.max(1.5, Math.min(rx, ry) * 0.06);
  const ring = (k: number) => [
    ellipsePolygon(cx, cy, rx * k, ry * k, 96, rot),
    reversed(ellipsePolygon(cx, cy, rx * k - stroke, ry * k - stroke, 96, rot)),
  ];
  fillPolygons(m, ring(1), 1);
  fillPolygons(m, ring(0.8), 1);
  const size = Math.max(6, Math.min(rx, ry) * 0.32);
  const style: TextStyle = { font: 'sans-bold', size, anchor: 'middle', rotate: rot };
  const fit = (1.3 * rx) / Math.max(1, measureText(text, style));
  if (fit < 1) style.size *= fit;
  drawText(m, text.toUpperCase(), cx, cy, style);
  const date = `${String(rng.int(1, 28)).padStart(2, '0')}.${String(rng.int(1, 12)).padStart(2, '0')}.2025`;
  drawText(m, date, cx, cy + size * 1.1, { font: 'sans', size: size * 0.7, anchor: 'middle', rotate: rot });
  for (let y = box.y; y < box.y + box.h; y++) {
    for (let x = box.x; x < box.x + box.w; x++) {
      const i = y * width + x;
      const speckle = 0.55 + 0.45 * rng.next();
      m.data[i] = Math.round(m.data[i] * speckle * Math.min(1, region.at(x, y) * 1.5));
    }
  }
  return m;
}

function stampOn(p: Photograph, impression: Mask, subtlety: number, visible: Photograph | undefined): void {
  if (p.light === 'ir' || p.light === 'transmitted') return; // the dye shows neither in IR nor against the light
  const box = { x: 0, y: 0, w: p.width, h: p.height };
  const b = impression.bounds();
  if (b.x1 <= b.x0 || b.y1 <= b.y0) return;
  const area = { x: b.x0, y: b.y0, w: Math.max(1, b.x1 - b.x0), h: Math.max(1, b.y1 - b.y0) };
  const uv = p.light === 'uv365' || p.light === 'uv254';
  const k = uv ? 1 : brightnessRatio(p, visible, area);
  const ink = [92 * k, 58 * k, 150 * k];
  const strength = 0.9 - 0.25 * subtlety;
  for (let y = area.y; y < area.y + area.h; y++) {
    for (let x = area.x; x < area.x + area.w; x++) {
      const a = (impression.data[y * box.w + x] / 255) * strength;
      if (a <= 0) continue;
      const o = (y * p.width + x) * 3;
      for (let c = 0; c < 3; c++) {
        // A genuine control stamp's ink fluoresces; this one absorbs: a dark imprint under UV.
        const target = uv ? p.data[o + c] * 0.45 : ink[c];
        p.data[o + c] = clamp(p.data[o + c] * (1 - a) + target * a);
      }
    }
  }
}

// Portraits into density masks: the procedural face is rasterised once per size by librsvg (through sharp), then
// turned into the density an engraving laser, an inkjet, a ghost-image screen or a photographic print would lay down.
import sharp from 'sharp';
import { faceSvg, PORTRAIT_POSE, type FacePose, type FaceParams } from '../face';
import { Math, Float32Array } from '../hot-globals';
import type { RectMm } from '../scene';
import { Mask } from './raster';

export type PortraitStyle =
  'laser' | 'inkjet' | 'ghost' | 'ghost-solid' | 'print-c' | 'print-m' | 'print-y' | 'print-grey';

const PHOTO_BACKGROUND: [number, number, number] = [222, 224, 224];

const cache = new Map<string, Promise<Buffer>>();

/** RGBA pixels of a face at w × h (cached: a document draws the same face several times). */
export function faceRgba(params: FaceParams, pose: FacePose, w: number, h: number): Promise<Buffer> {
  const key = `${JSON.stringify(params)}|${JSON.stringify(pose)}|${w}x${h}`;
  let hit = cache.get(key);
  if (!hit) {
    const svg = faceSvg(params, pose, w, h).replace('<svg ', '<svg preserveAspectRatio="xMidYMid slice" ');
    hit = sharp(Buffer.from(svg), { density: 72 }).ensureAlpha().raw().toBuffer();
    cache.set(key, hit);
    if (cache.size > 24) cache.delete(cache.keys().next().value as string);
  }
  return hit;
}

export async function drawPortrait(
  mask: Mask,
  s: number,
  box: RectMm,
  params: FaceParams,
  style: PortraitStyle,
): Promise<void> {
  const x0 = Math.round(box.x * s);
  const y0 = Math.round(box.y * s);
  const w = Math.max(4, Math.round(box.w * s));
  const h = Math.max(4, Math.round(box.h * s));
  const isPrint = style.startsWith('print');
  const pose: FacePose = isPrint ? { ...PORTRAIT_POSE, background: PHOTO_BACKGROUND } : PORTRAIT_POSE;
  const rgba = await faceRgba(params, pose, w, h);
  const d = mask.data;
  mask.touch(x0, y0, x0 + w, y0 + h);
  const linePitch = style === 'ghost' ? Math.max(2, s * 0.2) : s * 0.085;
  const fine = s >= 10;
  let dither = 0x9e3779b9;
  const gamma = new Float32Array(256);
  for (let i = 0; i < 256; i++) gamma[i] = Math.pow(i / 255, 1.15) * 255;
  for (let y = 0; y < h; y++) {
    const laserRow = 0.84 + 0.16 * Math.cos((2 * Math.PI * y) / linePitch);
    const ghostRow = 0.55 + 0.45 * Math.cos((2 * Math.PI * y) / linePitch);
    const my = y0 + y;
    if (my < 0 || my >= mask.h) continue;
    const fy = Math.min(y, h - 1 - y) / h;
    for (let x = 0; x < w; x++) {
      const mx = x0 + x;
      if (mx < 0 || mx >= mask.w) continue;
      const p = (y * w + x) * 4;
      const r = rgba[p];
      const g = rgba[p + 1];
      const b = rgba[p + 2];
      const a = rgba[p + 3] / 255;
      let v: number;
      // Photographic prints are a little paler than the engraving they cover.
      if (style === 'print-c') v = (255 - r) * 0.78;
      else if (style === 'print-m') v = (255 - g) * 0.78;
      else if (style === 'print-y') v = (255 - b) * 0.78;
      else {
        const lum = 0.299 * r + 0.587 * g + 0.114 * b;
        const face = gamma[(255 - lum) | 0] * a;
        if (isPrint) v = (255 - lum) * 0.78;
        else if (style === 'ghost') v = face * 0.34;
        // A solid (unscreened) ghost with the same mean density as the line-screened one.
        else if (style === 'ghost-solid') v = face * 0.34 * 0.55;
        else {
          // Laser engraving: face plus a faint photo background fading out towards the box edges.
          const fx = Math.min(x, w - 1 - x) / w;
          const fade = Math.min(1, Math.min(fx, fy) * 14);
          v = face * 0.78 + (1 - a) * 12 * fade;
        }
      }
      if (style === 'laser' && fine) v *= laserRow;
      if (style === 'ghost') v *= ghostRow;
      if (style === 'inkjet' && fine) {
        // Stochastic inkjet dots: each pixel is either a droplet or paper.
        dither ^= dither << 13;
        dither ^= dither >>> 17;
        dither ^= dither << 5;
        v = ((dither >>> 0) / 4294967296) * 255 < v ? 235 : 0;
      }
      const i = my * mask.w + mx;
      const cur = d[i];
      d[i] = Math.min(255, cur + v * (1 - cur / 255) + 0.5);
    }
  }
}

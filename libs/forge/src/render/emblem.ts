// State emblems as filled polygons (mm), drawn small in the header, large and faint behind the data, as the
// UV-fluorescent motif, the watermark and the see-through register.
import { Math } from '../hot-globals';
import type { EmblemKind } from '../states';
import { ellipsePolygon, reversed } from './raster';

type Poly = number[];

function tx(poly: Poly, cx: number, cy: number, s: number): Poly {
  return poly.map((v, i) => (i % 2 === 0 ? cx + v * s : cy + v * s));
}

function circle(x: number, y: number, r: number, n = 48): Poly {
  return ellipsePolygon(x, y, r, r, n);
}

function ring(x: number, y: number, r: number, w: number): Poly[] {
  return [circle(x, y, r), reversed(circle(x, y, r - w))];
}

/** Emblem polygons in unit space (about −1…1), to be scaled by the caller. */
function unitEmblem(kind: EmblemKind): Poly[] {
  const polys: Poly[] = [];
  switch (kind) {
    case 'sun': {
      polys.push(...ring(0, -0.15, 0.42, 0.1));
      polys.push(circle(0, -0.15, 0.24));
      for (let i = 0; i < 16; i++) {
        const a = (i / 16) * Math.PI * 2;
        const a1 = a - 0.09;
        const a2 = a + 0.09;
        const r0 = 0.5;
        const r1 = i % 2 ? 0.78 : 0.92;
        polys.push([
          Math.cos(a1) * r0,
          -0.15 + Math.sin(a1) * r0,
          Math.cos(a) * r1,
          -0.15 + Math.sin(a) * r1,
          Math.cos(a2) * r0,
          -0.15 + Math.sin(a2) * r0,
        ]);
      }
      for (let k = 0; k < 3; k++) {
        const y = 0.55 + k * 0.15;
        const top: number[] = [];
        const bot: number[] = [];
        for (let i = 0; i <= 40; i++) {
          const x = -0.85 + (i / 40) * 1.7;
          const yy = y + 0.04 * Math.sin(i * 0.9);
          top.push(x, yy);
          bot.unshift(x, yy + 0.06);
        }
        polys.push([...top, ...bot]);
      }
      break;
    }
    case 'tree': {
      polys.push([-0.08, 0.9, 0.08, 0.9, 0.06, 0.1, -0.06, 0.1]);
      polys.push([-0.05, 0.35, -0.45, 0.05, -0.42, 0.0, -0.02, 0.27]);
      polys.push([0.05, 0.3, 0.5, -0.05, 0.47, -0.1, 0.02, 0.22]);
      const leaves: [number, number, number][] = [
        [0, -0.45, 0.32],
        [-0.38, -0.2, 0.26],
        [0.38, -0.22, 0.26],
        [-0.55, 0.1, 0.2],
        [0.56, 0.05, 0.2],
        [-0.2, -0.7, 0.2],
        [0.22, -0.68, 0.2],
      ];
      for (const [x, y, r] of leaves) polys.push(...ring(x, y, r, 0.07), circle(x, y, r * 0.35, 24));
      polys.push([-0.9, 0.9, 0.9, 0.9, 0.9, 0.98, -0.9, 0.98]);
      break;
    }
    case 'tower': {
      const outer: Poly = [
        -0.45, 0.9, -0.45, -0.35, -0.55, -0.35, -0.55, -0.6, -0.38, -0.6, -0.38, -0.48, -0.22, -0.48, -0.22, -0.6,
        -0.08, -0.6, -0.08, -0.48, 0.08, -0.48, 0.08, -0.6, 0.22, -0.6, 0.22, -0.48, 0.38, -0.48, 0.38, -0.6, 0.55,
        -0.6, 0.55, -0.35, 0.45, -0.35, 0.45, 0.9,
      ];
      polys.push(outer);
      const gate: Poly = [];
      for (let i = 0; i <= 16; i++) {
        const a = Math.PI + (i / 16) * Math.PI;
        gate.push(0.16 * Math.cos(a), 0.55 + 0.16 * Math.sin(a));
      }
      gate.push(0.16, 0.9, -0.16, 0.9);
      polys.push(reversed(gate));
      polys.push(reversed([-0.28, -0.1, -0.14, -0.1, -0.14, 0.15, -0.28, 0.15]));
      polys.push(reversed([0.14, -0.1, 0.28, -0.1, 0.28, 0.15, 0.14, 0.15]));
      // Crown above.
      polys.push([-0.35, -0.7, 0.35, -0.7, 0.42, -0.95, 0.2, -0.8, 0, -1.0, -0.2, -0.8, -0.42, -0.95]);
      polys.push(...ring(0, 0.25, 0.9, 0.05).map((p) => p));
      break;
    }
    case 'star': {
      const star: number[] = [];
      for (let i = 0; i < 16; i++) {
        const a = (i / 16) * Math.PI * 2 - Math.PI / 2;
        const r = i % 2 ? 0.35 : 0.9;
        star.push(r * Math.cos(a), r * Math.sin(a));
      }
      polys.push(star);
      polys.push(reversed(circle(0, 0, 0.18)));
      break;
    }
    case 'eagle': {
      polys.push([0, -0.7, 0.12, -0.55, 0.1, 0.4, 0.25, 0.8, -0.25, 0.8, -0.1, 0.4, -0.12, -0.55]);
      polys.push([0.1, -0.3, 0.9, -0.6, 0.8, -0.3, 0.95, -0.25, 0.75, 0.0, 0.85, 0.05, 0.6, 0.2, 0.1, 0.1]);
      polys.push([-0.1, -0.3, -0.9, -0.6, -0.8, -0.3, -0.95, -0.25, -0.75, 0.0, -0.85, 0.05, -0.6, 0.2, -0.1, 0.1]);
      polys.push(circle(0, -0.78, 0.12));
      break;
    }
    case 'crown': {
      polys.push([-0.7, 0.5, 0.7, 0.5, 0.8, -0.3, 0.4, 0.05, 0, -0.5, -0.4, 0.05, -0.8, -0.3]);
      polys.push([-0.7, 0.58, 0.7, 0.58, 0.7, 0.72, -0.7, 0.72]);
      for (const x of [-0.8, 0, 0.8]) polys.push(circle(x, x === 0 ? -0.6 : -0.38, 0.1));
      break;
    }
  }
  return polys;
}

/** Emblem polygons centred at (cx, cy) with half-size s (mm). */
export function emblemPolygons(kind: EmblemKind, cx: number, cy: number, s: number): Poly[] {
  return unitEmblem(kind).map((p) => tx(p, cx, cy, s));
}

/** Only the polygons left of (side=-1) or right of (side=1) the vertical axis, for the see-through register. */
export function emblemHalf(kind: EmblemKind, cx: number, cy: number, s: number, side: -1 | 1): Poly[] {
  return unitEmblem(kind)
    .filter((p) => {
      let sx = 0;
      for (let i = 0; i < p.length; i += 2) sx += p[i];
      const mean = sx / (p.length / 2);
      return side < 0 ? mean < 0 : mean >= 0;
    })
    .map((p) => tx(p, cx, cy, s));
}

// Parametric fine-line security designs (guilloche backgrounds and rosettes), in millimetres. Each state has a
// family; a page-substitution "other series" perturbs the parameters so the pattern no longer matches.
import { Math } from '../hot-globals';
import type { GuillocheFamily } from '../states';

export type Polyline = number[];

export interface GuillocheParams {
  family: GuillocheFamily;
  /** Line pitch of the background pattern, mm. */
  pitch: number;
  /** Wave amplitude, mm. */
  amp: number;
  /** Wavelength, mm. */
  wave: number;
  phase: number;
  /** Rosette petal count. */
  petals: number;
}

export function defaultGuilloche(family: GuillocheFamily): GuillocheParams {
  switch (family) {
    case 'rosette-waves':
      return { family, pitch: 0.62, amp: 1.6, wave: 14, phase: 0, petals: 12 };
    case 'spirograph-lissajous':
      return { family, pitch: 0.7, amp: 2.2, wave: 18, phase: 0.6, petals: 9 };
    case 'lattice-epicycloid':
      return { family, pitch: 0.9, amp: 1.2, wave: 10, phase: 1.1, petals: 15 };
  }
}

/** Background fine lines covering a w × h page. */
export function backgroundLines(p: GuillocheParams, w: number, h: number, step = 0.35): Polyline[] {
  const out: Polyline[] = [];
  const k = (2 * Math.PI) / p.wave;
  if (p.family === 'rosette-waves') {
    // Two interleaved families of sine waves with drifting phase: the moiré cells of a classic passport ground.
    for (let set = 0; set < 2; set++) {
      const n = Math.ceil((h + 6) / p.pitch);
      for (let i = 0; i < n; i++) {
        const y0 = -3 + i * p.pitch;
        const ph = p.phase + set * Math.PI + i * 0.05;
        const line: number[] = [];
        for (let x = -1; x <= w + 1; x += step) {
          const y =
            y0 + p.amp * Math.sin(k * x + ph) * (set ? 1 : 0.7) + 0.5 * p.amp * Math.sin(k * 0.37 * x - ph * 0.5);
          line.push(x, y);
        }
        out.push(line);
      }
    }
  } else if (p.family === 'spirograph-lissajous') {
    // Vertical modulated lines crossed by lissajous-like horizontal bands.
    const nv = Math.ceil((w + 6) / p.pitch);
    for (let i = 0; i < nv; i++) {
      const x0 = -3 + i * p.pitch;
      const line: number[] = [];
      for (let y = -1; y <= h + 1; y += step) {
        line.push(x0 + p.amp * Math.sin(k * y + p.phase + i * 0.08) * Math.cos(k * 0.21 * y + i * 0.013), y);
      }
      out.push(line);
    }
    const nh = Math.ceil((h + 6) / (p.pitch * 2.2));
    for (let i = 0; i < nh; i++) {
      const y0 = -3 + i * p.pitch * 2.2;
      const line: number[] = [];
      for (let x = -1; x <= w + 1; x += step)
        line.push(x, y0 + 0.8 * p.amp * Math.sin(k * 0.5 * x + i * 0.3 + p.phase));
      out.push(line);
    }
  } else {
    // Two diagonal families of waves crossing: a basket-weave lattice.
    const diag = w + h;
    const n = Math.ceil(diag / p.pitch);
    for (let set = 0; set < 2; set++) {
      const dir = set ? -1 : 1;
      for (let i = 0; i < n; i++) {
        const c = -h + i * p.pitch;
        const line: number[] = [];
        for (let t = -2; t <= Math.hypot(w, h) + 2; t += step) {
          // Travel along the diagonal; offset perpendicular by a sine.
          const off = p.amp * Math.sin(k * t + p.phase + i * 0.11 * dir);
          const x = set ? w - (c + t * 0.7071 + off * 0.7071) : c + t * 0.7071 - off * 0.7071;
          const y = t * 0.7071 + off * 0.7071 * dir;
          if (x < -2 || x > w + 2 || y < -2 || y > h + 2) {
            if (line.length >= 4) out.push(line.splice(0));
            else line.length = 0;
            continue;
          }
          line.push(x, y);
        }
        if (line.length >= 4) out.push(line);
      }
    }
  }
  return out;
}

/**
 * A rosette: bands of phase-shifted copies of a sinusoidally modulated circle (the interlaced "rope" of classic
 * guilloche), three bands at different radii and petal counts, around (cx, cy) with outer radius r, mm.
 */
export function rosetteLines(
  p: GuillocheParams,
  cx: number,
  cy: number,
  r: number,
  copies = 12,
  steps = 900,
): Polyline[] {
  const out: Polyline[] = [];
  const bands: { r0: number; amp: number; n: number; squash: number }[] =
    p.family === 'rosette-waves'
      ? [
          { r0: 0.9, amp: 0.07, n: p.petals * 2, squash: 0 },
          { r0: 0.62, amp: 0.13, n: p.petals, squash: 0.3 },
          { r0: 0.3, amp: 0.1, n: Math.round(p.petals / 2), squash: 0 },
        ]
      : p.family === 'spirograph-lissajous'
        ? [
            { r0: 0.88, amp: 0.09, n: p.petals * 2, squash: 0.5 },
            { r0: 0.58, amp: 0.16, n: p.petals, squash: 0 },
            { r0: 0.3, amp: 0.12, n: p.petals, squash: 0.6 },
          ]
        : [
            { r0: 0.86, amp: 0.1, n: p.petals, squash: 0.8 },
            { r0: 0.6, amp: 0.12, n: p.petals * 2, squash: 0 },
            { r0: 0.32, amp: 0.11, n: Math.round(p.petals / 3) * 2, squash: 0.4 },
          ];
  for (const b of bands) {
    for (let k = 0; k < copies; k++) {
      const ph = (k / copies) * ((Math.PI * 2) / b.n) + p.phase;
      const line: number[] = [];
      for (let i = 0; i <= steps; i++) {
        const a = (i / steps) * Math.PI * 2;
        const wave = Math.sin(b.n * a + ph);
        // squash > 0 sharpens the petals (|sin| shapes) for the lattice-like families.
        const shaped = b.squash ? Math.sign(wave) * Math.pow(Math.abs(wave), 1 - b.squash * 0.6) : wave;
        const rr = r * (b.r0 + b.amp * shaped);
        line.push(cx + rr * Math.cos(a), cy + rr * Math.sin(a));
      }
      out.push(line);
    }
  }
  return out;
}

/** A guilloche border band: lines following a rectangle's edge, wavering inside a band of the given width. */
export function borderBand(
  x: number,
  y: number,
  w: number,
  h: number,
  band: number,
  lines: number,
  waves: number,
  phase = 0,
  step = 0.3,
): Polyline[] {
  const out: Polyline[] = [];
  const per = 2 * (w + h);
  const steps = Math.ceil(per / step);
  for (let j = 0; j < lines; j++) {
    const line: number[] = [];
    for (let i = 0; i <= steps; i++) {
      const s = (i / steps) * per;
      const off = band * (0.5 + 0.45 * Math.sin((s / per) * Math.PI * 2 * waves + (j * Math.PI) / lines + phase));
      let px: number;
      let py: number;
      if (s < w) {
        px = x + s;
        py = y + off;
      } else if (s < w + h) {
        px = x + w - off;
        py = y + (s - w);
      } else if (s < 2 * w + h) {
        px = x + w - (s - w - h);
        py = y + h - off;
      } else {
        px = x + off;
        py = y + h - (s - 2 * w - h);
      }
      line.push(px, py);
    }
    out.push(line);
  }
  return out;
}

export function wavyLine(
  x0: number,
  x1: number,
  y: number,
  amp: number,
  wave: number,
  phase = 0,
  step = 0.3,
): Polyline {
  const out: number[] = [];
  for (let x = x0; x <= x1; x += step) out.push(x, y + amp * Math.sin(((x - x0) / wave) * Math.PI * 2 + phase));
  return out;
}

export function rectPath(x: number, y: number, w: number, h: number): Polyline {
  return [x, y, x + w, y, x + w, y + h, x, y + h, x, y];
}

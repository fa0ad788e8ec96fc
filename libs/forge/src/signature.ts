// Procedural handwritten signatures: a cursive garland (loops and humps of letter-like heights) from the holder's
// name and a seed, with a capital loop, slant and an optional flourish.
import { Math } from './hot-globals';
import { Rng } from './prng';

/** Polylines (mm) of a signature fitted into the box. */
export function signatureStrokes(
  name: string,
  seed: string,
  box: { x: number; y: number; w: number; h: number },
): number[][] {
  const rng = new Rng(`signature:${seed}`);
  const letters = [...name.replace(/[^A-Z]/gi, '').toLowerCase()].slice(0, 10);
  const n = Math.max(4, letters.length);
  const slant = rng.range(0.2, 0.5);
  const base = box.y + box.h * rng.range(0.6, 0.7);
  const xHeight = box.h * rng.range(0.18, 0.26);
  const capW = box.w * rng.range(0.1, 0.16);
  const step = (box.w * rng.range(0.62, 0.78) - capW) / n;
  const loop = step * rng.range(0.18, 0.3);
  const strokes: number[][] = [];
  // Capital: a tall loop leaning right, ending on the baseline where the garland starts.
  const cap: number[] = [];
  const capH = box.h * rng.range(0.62, 0.85);
  const x0 = box.x + box.w * 0.03;
  const style = rng.int(0, 2);
  for (let i = 0; i <= 48; i++) {
    const t = i / 48;
    const a = t * Math.PI * 2;
    let x: number;
    let y: number;
    if (style === 0) {
      // Tall loop.
      y = base - capH * (0.5 - 0.5 * Math.cos(a)) * (1 - 0.25 * t);
      x = x0 + capW * (0.5 - 0.5 * Math.cos(a * 0.5)) + Math.sin(a) * capW * 0.35 + (base - y) * slant;
    } else if (style === 1) {
      // Open oval, like a D or O, closing back to the baseline.
      y = base - capH * 0.5 + Math.cos(a * 1.1) * capH * 0.5;
      x = x0 + capW * 0.5 + Math.sin(a * 1.1) * capW * 0.55 + (base - y) * slant * 0.6;
    } else {
      // Down-stroke with a hook, like a J or T.
      y = base - capH + capH * Math.min(1, t * 1.6) + (t > 0.62 ? -Math.sin((t - 0.62) * 8) * capH * 0.12 : 0);
      x =
        x0 +
        capW * 0.3 +
        (t > 0.62 ? (t - 0.62) * capW * 1.8 : 0) +
        (base - y) * slant -
        (t < 0.1 ? (0.1 - t) * capW * 4 : 0);
    }
    cap.push(x, y);
  }
  strokes.push(cap);
  // Garland: one oscillation per letter; ascenders tall, others x-height, descenders dip below the baseline.
  const tall = new Set(['b', 'd', 'f', 'h', 'k', 'l', 't']);
  const desc = new Set(['g', 'j', 'p', 'q', 'y']);
  const heights = Array.from({ length: n }, (_, k) => {
    const ch = letters[k] ?? 'e';
    const j = rng.range(0.85, 1.15);
    return tall.has(ch) ? xHeight * 2.3 * j : desc.has(ch) ? -xHeight * 1.4 * j : xHeight * j;
  });
  const run: number[] = [];
  const sx = x0 + capW * 0.9;
  const steps = n * 24;
  for (let i = 0; i <= steps; i++) {
    const t = (i / steps) * n;
    const k = Math.min(n - 1, Math.floor(t));
    const f = t - k;
    const h = heights[k];
    const shape = 0.5 - 0.5 * Math.cos(f * Math.PI * 2);
    const y =
      h >= 0 ? base - h * shape : base - xHeight * shape * 0.6 - h * Math.sin(f * Math.PI) * (f > 0.5 ? 1 : 0.2);
    // The sideways swing makes loops on tall strokes, humps on short ones.
    const swing = Math.sin(f * Math.PI * 2) * loop * (h > xHeight * 1.5 ? 1.6 : 0.6);
    const fade = i > steps * 0.85 ? 1 - ((i - steps * 0.85) / (steps * 0.15)) * 0.6 : 1;
    run.push(sx + t * step - swing + (base - y) * slant, base - (base - y) * fade);
  }
  strokes.push(run);
  // Flourish: a sweeping stroke under the name.
  if (rng.bool(0.75)) {
    const fl: number[] = [];
    const a = box.x + box.w * rng.range(0.02, 0.2);
    const b = Math.min(box.x + box.w, sx + n * step + rng.range(0, step * 2));
    for (let i = 0; i <= 30; i++) {
      const t = i / 30;
      fl.push(a + (b - a) * t, base + box.h * (0.2 - 0.12 * t) + Math.sin(t * Math.PI) * box.h * 0.07);
    }
    strokes.push(fl);
  }
  return strokes.map((st) =>
    st.map((v, i) =>
      i % 2 === 0 ? Math.max(box.x, Math.min(box.x + box.w, v)) : Math.max(box.y, Math.min(box.y + box.h, v)),
    ),
  );
}

// The click heatmap's density: every locate point spread by a Gaussian kernel over a coarse grid (normalised 0–1
// coordinates), scaled so the densest cell is 1, then coloured from transparent yellow to opaque red.

export interface DensityGrid {
  cols: number;
  rows: number;
  /** Row-major, 0–1 (1 = the densest cell). */
  values: Float32Array;
}

/**
 * `aspect` is the image's width / height, so the kernel is round on the picture; `radius` is the kernel's sigma as
 * a share of the image's width.
 */
export function clickDensity(
  points: ReadonlyArray<{ x: number; y: number }>,
  { cols = 120, aspect = 1.42, radius = 0.025 }: { cols?: number; aspect?: number; radius?: number } = {},
): DensityGrid {
  const rows = Math.max(1, Math.round(cols / aspect));
  const values = new Float32Array(cols * rows);
  const sigma = radius * cols;
  const reach = Math.ceil(sigma * 3);
  const twoSigma2 = 2 * sigma * sigma;
  for (const p of points) {
    const cx = p.x * cols;
    const cy = p.y * rows;
    const x0 = Math.max(0, Math.floor(cx - reach));
    const x1 = Math.min(cols - 1, Math.ceil(cx + reach));
    const y0 = Math.max(0, Math.floor(cy - reach));
    const y1 = Math.min(rows - 1, Math.ceil(cy + reach));
    for (let y = y0; y <= y1; y++) {
      for (let x = x0; x <= x1; x++) {
        const dx = x + 0.5 - cx;
        const dy = y + 0.5 - cy;
        values[y * cols + x] += Math.exp(-(dx * dx + dy * dy) / twoSigma2);
      }
    }
  }
  let max = 0;
  for (const v of values) if (v > max) max = v;
  if (max > 0) for (let i = 0; i < values.length; i++) values[i] /= max;
  return { cols, rows, values };
}

/** RGBA of a density 0–1: nothing below a trace, then yellow → orange → red, more opaque as it rises. */
export function densityColour(v: number): [number, number, number, number] {
  if (v < 0.02) return [0, 0, 0, 0];
  const g = Math.round(220 * (1 - v));
  return [230, g, 30, Math.round(90 + 150 * v)];
}

/** The grid as RGBA pixels, one per cell, for an ImageData the canvas scales up smoothly. */
export function densityPixels(grid: DensityGrid): Uint8ClampedArray {
  const pixels = new Uint8ClampedArray(grid.cols * grid.rows * 4);
  grid.values.forEach((v, i) => pixels.set(densityColour(v), i * 4));
  return pixels;
}

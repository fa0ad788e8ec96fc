// Timing of one TD3 instance with all its lights, for the root `npm run bench`.
import { renderGenuine, renderImages } from './instance';
import { ALL_LIGHTS } from './render/render';

export interface BenchResult {
  /**
   * Wall time to lay out, rasterise, compose every light and encode every PNG of one TD3 data page, in a process
   * that has already produced one document of that state and resolution (the steady state of a batch: the
   * state's guilloche and the paper field are cached).
   */
  ms: number;
  /** The same for the very first document at that resolution (caches empty, JIT cold). */
  coldMs: number;
  /** Peak resident set size of the process so far, MB. */
  peakRssMb: number;
  images: number;
  bytes: number;
  dpi: number;
}

async function timeOne(
  state: string,
  seed: number | string,
  dpi: number,
): Promise<{ ms: number; images: number; bytes: number }> {
  const t0 = process.hrtime.bigint();
  const instance = renderGenuine({ state, type: 'TD3', seed, dpi });
  const images = await renderImages(instance, { lights: ALL_LIGHTS });
  return {
    ms: Number(process.hrtime.bigint() - t0) / 1e6,
    images: images.length,
    bytes: images.reduce((s, i) => s + i.png.length, 0),
  };
}

export async function benchGenerateTd3(
  opts: { dpi?: number; seed?: number | string; state?: string } = {},
): Promise<BenchResult> {
  const dpi = opts.dpi ?? 600;
  const state = opts.state ?? 'UTO';
  const cold = await timeOne(state, 'bench-cold', dpi);
  const warm = await timeOne(state, opts.seed ?? 1, dpi);
  return {
    ms: Math.round(warm.ms),
    coldMs: Math.round(cold.ms),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    images: warm.images,
    bytes: warm.bytes,
    dpi,
  };
}

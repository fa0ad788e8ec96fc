// Timing of one TD3 instance with all its lights, for the root `npm run bench`.
import { renderGenuine, renderImages } from './instance';
import { ALL_LIGHTS } from './render/render';

export interface BenchResult {
  /** Wall time to lay out, rasterise, compose every light and encode every PNG of one TD3 data page. */
  ms: number;
  /** Peak resident set size of the process so far, MB. */
  peakRssMb: number;
  images: number;
  bytes: number;
  dpi: number;
}

export async function benchGenerateTd3(opts: { dpi?: number; seed?: number | string; state?: string; warmup?: boolean } = {}): Promise<BenchResult> {
  const dpi = opts.dpi ?? 600;
  if (opts.warmup !== false) {
    // Load fonts and let the JIT see the hot loops once, at low resolution.
    await renderImages(renderGenuine({ state: opts.state ?? 'UTO', type: 'TD3', seed: 'warmup', dpi: 100 }));
  }
  const t0 = process.hrtime.bigint();
  const instance = renderGenuine({ state: opts.state ?? 'UTO', type: 'TD3', seed: opts.seed ?? 1, dpi });
  const images = await renderImages(instance, { lights: ALL_LIGHTS });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  return {
    ms: Math.round(ms),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    images: images.length,
    bytes: images.reduce((s, i) => s + i.png.length, 0),
    dpi,
  };
}

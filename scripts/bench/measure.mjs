// Small measuring helpers shared by the benchmarks.
import { performance } from 'node:perf_hooks';

/** Median wall time of `runs` calls of fn, in ms. */
export async function time(fn, runs = 3) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

/** The p-th percentile (0–100) of samples, nearest-rank. */
export function percentile(samples, p) {
  const sorted = [...samples].sort((a, b) => a - b);
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

#!/usr/bin/env node
// `npm run bench`: performance figures, each printed with a ratio against a baseline measured in the same run,
// so numbers compare across machines. Not a test: it reports, it does not assert.
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';

const require = createRequire(import.meta.url);
const results = [];

function report(name, value, unit, baseline, goal) {
  const ratio = baseline ? value / baseline : undefined;
  results.push({ name, value, unit, baseline, ratio, goal });
  console.log(
    `${name.padEnd(52)} ${value.toFixed(1).padStart(9)} ${unit.padEnd(3)}` +
      (baseline !== undefined ? `  baseline ${baseline.toFixed(1)} ${unit}  ratio ${ratio.toFixed(2)}` : '') +
      (goal ? `  (goal ${goal})` : ''),
  );
}

async function time(fn, runs = 3) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

async function forgeBench() {
  let forge;
  try {
    forge = require('../libs/forge/dist/index.js');
  } catch {
    console.log('forge: not built (npm run build) — skipped');
    return;
  }
  if (typeof forge.benchGenerateTd3 !== 'function') {
    console.log('forge: no benchGenerateTd3 export — skipped');
    return;
  }
  const sharp = require('sharp');
  // Baseline: the same number of bare sharp PNG encodes of a TD3-sized (600 dpi) flat image.
  const first = await forge.benchGenerateTd3();
  const images = first.images ?? 8;
  const baseline = await time(async () => {
    for (let i = 0; i < images; i++) {
      await sharp({ create: { width: 2953, height: 2079, channels: 3, background: '#f3efe4' } }).png({ compressionLevel: 6 }).toBuffer();
    }
  });
  const samples = [first];
  for (let i = 0; i < 2; i++) samples.push(await forge.benchGenerateTd3());
  samples.sort((a, b) => a.ms - b.ms);
  const mid = samples[1];
  report('forge: one TD3 instance, all lights, 600 dpi', mid.ms, 'ms', baseline, '≤ 1500 ms on 2 cores');
  report('forge: peak RSS while generating', Math.max(...samples.map((s) => s.peakRssMb)), 'MB');
}

await forgeBench();
console.log(`\n${results.length} figure(s) measured`);

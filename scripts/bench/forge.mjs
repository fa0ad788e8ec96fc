// Benchmark: forge — one synthetic TD3 instance under every light at 600 dpi, against bare sharp PNG encodes of the
// same number of flat images of the same size.
import { createRequire } from 'node:module';
import { time } from './measure.mjs';

const require = createRequire(import.meta.url);

export const name = 'forge';

export async function run(report) {
  let forge;
  try {
    forge = require('../../libs/forge/dist/index.js');
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
      await sharp({ create: { width: 2953, height: 2079, channels: 3, background: '#f3efe4' } })
        .png({ compressionLevel: 6 })
        .toBuffer();
    }
  });
  const samples = [first];
  for (let i = 0; i < 2; i++) samples.push(await forge.benchGenerateTd3());
  samples.sort((a, b) => a.ms - b.ms);
  const mid = samples[1];
  report('forge: one TD3 instance, all lights, 600 dpi', mid.ms, 'ms', baseline, '≤ 1500 ms on 2 cores');
  report('forge: peak RSS while generating', Math.max(...samples.map((s) => s.peakRssMb)), 'MB');
}

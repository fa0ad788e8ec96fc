// Benchmark: media ingest — a generated 6000 × 4000 JPEG through the API's real pipeline module against sharp writing
// the DeepZoom tiles alone. Each measurement runs in a fresh child process (ingest-child.mjs) so its peak RSS is its
// own.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchImage } from './bench-image.mjs';

export const name = 'ingest';

export async function run(report) {
  if (!fs.existsSync(new URL('../../apps/api/dist/media/image-pipeline.js', import.meta.url))) {
    console.log('media ingest: API not built (npm run build) — skipped');
    return;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'firstline-bench-'));
  try {
    const src = path.join(dir, 'source.jpg');
    await benchImage(src);
    const child = fileURLToPath(new URL('./ingest-child.mjs', import.meta.url));
    const run = (mode) => {
      const out = fs.mkdtempSync(path.join(dir, `${mode}-`));
      const r = spawnSync(process.execPath, [child, mode, src, out], {
        encoding: 'utf8',
        maxBuffer: 1 << 20,
      });
      fs.rmSync(out, { recursive: true, force: true });
      if (r.status !== 0) throw new Error(`${mode} ingest failed: ${r.stderr}`);
      return JSON.parse(r.stdout);
    };
    const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const bare = [];
    const full = [];
    for (let i = 0; i < 3; i++) {
      bare.push(run('bare'));
      full.push(run('pipeline'));
    }
    report(
      'media: ingest 6000×4000 JPEG (9 variants + tiles)',
      median(full.map((r) => r.ms)),
      'ms',
      median(bare.map((r) => r.ms)),
      'ratio ≤ 1.5 vs tiles only',
    );
    report('media: peak RSS during ingest', Math.max(...full.map((r) => r.peakRssMb)), 'MB', undefined, '≤ 600 MB');
    report('media: peak RSS, bare sharp tiles (reference)', Math.max(...bare.map((r) => r.peakRssMb)), 'MB');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

#!/usr/bin/env node
// `npm run bench`: performance figures, each printed with a ratio against a baseline measured in the same run,
// so numbers compare across machines. Not a test: it reports, it does not assert.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

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

// ---------------------------------------------------------------------------------------------- media ingest
// Each measurement runs in a fresh child process. Its peak RSS is sampled every 5 ms (libvips works on its own
// threads, so the event loop is free): getrusage's maxrss would not do, as Linux carries it over fork and exec from
// this parent, which held the 72 MB raw source.

/** In the child: `bare` writes only the DeepZoom tiles with sharp; `pipeline` runs the API's real ingest path. */
async function ingestChild(mode, src, out) {
  let peak = process.memoryUsage.rss();
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 5);
  const t0 = performance.now();
  if (mode === 'bare') {
    const sharp = require('sharp');
    await sharp(src).webp().tile({ size: 256, layout: 'dz' }).toFile(path.join(out, 'image.dz'));
  } else {
    const pipeline = require('../apps/api/dist/media/image-pipeline.js');
    const sniff = require('../apps/api/dist/media/sniff.js');
    pipeline.configureSharp({ concurrency: 0 });
    const maxPixels = 100_000_000;
    // What MediaService does: sniff, polyglot scan, inspect (header + strict full decode), then derive everything.
    const format = sniff.sniffFormat(await sniff.readHead(src));
    await sniff.assertNoEmbeddedMarkup(src);
    await pipeline.inspectImage(src, format, maxPixels);
    await pipeline.deriveImage(src, out, { maxPixels });
  }
  const ms = performance.now() - t0;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage.rss());
  process.stdout.write(JSON.stringify({ ms, peakRssMb: peak / 1024 / 1024 }));
}

async function ingestBench() {
  if (!fs.existsSync(new URL('../apps/api/dist/media/image-pipeline.js', import.meta.url))) {
    console.log('media ingest: API not built (npm run build) — skipped');
    return;
  }
  const sharp = require('sharp');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'firstline-bench-'));
  try {
    // A 6000 × 4000 "photograph": smooth shading with fine detail, so encoders do realistic work.
    const width = 6000;
    const height = 4000;
    const raw = Buffer.alloc(width * height * 3);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const i = (y * width + x) * 3;
        const fine = ((x * 7 + y * 13) ^ (x * y)) & 31;
        raw[i] = (180 + 60 * Math.sin(x / 300) + fine) & 255;
        raw[i + 1] = (170 + 50 * Math.cos(y / 240) + fine) & 255;
        raw[i + 2] = (150 + 40 * Math.sin((x + y) / 500) + fine) & 255;
      }
    }
    const src = path.join(dir, 'source.jpg');
    await sharp(raw, { raw: { width, height, channels: 3 } })
      .jpeg({ quality: 90 })
      .toFile(src);
    const self = fileURLToPath(import.meta.url);
    const run = (mode) => {
      const out = fs.mkdtempSync(path.join(dir, `${mode}-`));
      const r = spawnSync(process.execPath, [self, '--ingest-child', mode, src, out], {
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

/** The trainee's web app in Chromium (apps/web/e2e/bench-trainee.mjs): JS size and the first image when throttled. */
async function traineeWebBench() {
  const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!fs.existsSync(chromium)) {
    console.log(`web: Chromium not found at ${chromium} — skipped (apt-get install chromium)`);
    return;
  }
  const script = path.join(
    path.dirname(fileURLToPath(import.meta.url)),
    '..',
    'apps',
    'web',
    'e2e',
    'bench-trainee.mjs',
  );
  const r = spawnSync(process.execPath, [script], { encoding: 'utf8', maxBuffer: 1 << 22, env: { ...process.env } });
  if (r.status !== 0) {
    console.log(`web: bench failed — ${r.stderr.split('\n').slice(-8).join('\n')}`);
    return;
  }
  for (const line of r.stdout.split('\n').filter((l) => l.startsWith('{'))) {
    const f = JSON.parse(line);
    report(f.name, f.value, f.unit, f.baseline, f.goal);
  }
}

if (process.argv[2] === '--ingest-child') {
  await ingestChild(process.argv[3], process.argv[4], process.argv[5]);
} else {
  await forgeBench();
  await ingestBench();
  await traineeWebBench();
  console.log(`\n${results.length} figure(s) measured`);
}

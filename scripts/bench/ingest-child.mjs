// In a child process of the ingest benchmark: `bare` writes only the DeepZoom tiles with sharp; `pipeline` runs the
// API's real ingest path. Its peak RSS is sampled every 5 ms (libvips works on its own threads, so the event loop is
// free): getrusage's maxrss would not do, as Linux carries it over fork and exec from the parent, which held the
// 72 MB raw source. Prints {ms, peakRssMb}.
import { createRequire } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const require = createRequire(import.meta.url);

async function ingestChild(mode, src, out) {
  let peak = process.memoryUsage.rss();
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 5);
  const t0 = performance.now();
  if (mode === 'bare') {
    const sharp = require('sharp');
    await sharp(src).webp().tile({ size: 256, layout: 'dz' }).toFile(path.join(out, 'image.dz'));
  } else {
    const pipeline = require('../../apps/api/dist/media/image-pipeline.js');
    const sniff = require('../../apps/api/dist/media/sniff.js');
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

await ingestChild(process.argv[2], process.argv[3], process.argv[4]);

// Benchmark: the S3 media driver against the local one, in the same run — ingest of the 6000 × 4000 bench image
// (store, fetch for processing, derive, store the derived files) and DeepZoom tile serving p95 through sendFile. The
// S3 server (s3rver) runs on loopback in this process; each measurement runs in a fresh child (storage-child.mjs),
// the drivers alternating.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchImage } from './bench-image.mjs';

const require = createRequire(import.meta.url);

export const name = 'storage';

function runChild(driver, src, env) {
  const work = fs.mkdtempSync(path.join(path.dirname(src), `${driver}-`));
  const child = fileURLToPath(new URL('./storage-child.mjs', import.meta.url));
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [child, driver, src, work], {
      env: { ...process.env, ...env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    });
    let out = '';
    let err = '';
    proc.stdout.on('data', (d) => (out += d));
    proc.stderr.on('data', (d) => (err += d));
    proc.on('exit', (code) => {
      fs.rmSync(work, { recursive: true, force: true });
      if (code !== 0) reject(new Error(`${driver} storage bench failed: ${err}`));
      else resolve(JSON.parse(out));
    });
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)];

export async function run(report) {
  if (!fs.existsSync(new URL('../../apps/api/dist/media/s3-storage.js', import.meta.url))) {
    console.log('media storage: API not built (npm run build) — skipped');
    return;
  }
  let S3rver;
  try {
    S3rver = require('s3rver');
  } catch {
    console.log('media storage: s3rver not installed (a dev dependency: npm install) — skipped');
    return;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'firstline-bench-storage-'));
  const bucket = 'bench-media';
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory: path.join(dir, 's3'),
    configureBuckets: [{ name: bucket, configs: [] }],
  });
  try {
    const { port } = await server.run();
    const s3env = {
      S3_BUCKET: bucket,
      S3_PREFIX: 'bench/',
      S3_REGION: 'us-east-1',
      S3_ENDPOINT: `http://127.0.0.1:${port}`,
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
    };
    const src = path.join(dir, 'source.jpg');
    await benchImage(src);
    const local = [];
    const s3 = [];
    for (let i = 0; i < 3; i++) {
      local.push(await runChild('local', src, {}));
      s3.push(await runChild('s3', src, s3env));
    }
    report(
      'media S3: ingest 6000×4000 JPEG via s3rver',
      median(s3.map((r) => r.ingestMs)),
      'ms',
      median(local.map((r) => r.ingestMs)),
      'ratio ≤ 1.5 vs local driver',
    );
    report(
      `media S3: tile serving p95 (${s3[0].tiles} tiles, 8 clients)`,
      median(s3.map((r) => p95(r.servePerTileMs))),
      'ms',
      median(local.map((r) => p95(r.servePerTileMs))),
      'ratio ≤ 2 vs local driver',
    );
  } finally {
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// In a child process of the storage benchmark, for one media driver (`local` or `s3`, the S3 settings in the
// environment): the API's real path from an accepted upload to a ready image (store the source, fetch it for
// processing, derive tiles and variants, store them 16 at a time as they are finished, drop the source), timed; then
// tile serving as the signed route does it (stat for the validators, then the bytes through sendFile on an Express
// server), with 8 clients on kept-alive loopback connections. Prints {ingestMs, servePerTileMs: [...], tiles}.
import fs from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const require = createRequire(import.meta.url);
const api = (p) => require(`../../apps/api/dist/${p}`);

const [driver, src, work] = process.argv.slice(2);
const { newStorageId, putFiles, SOURCE_FILE } = api('media/storage.js');
const { configureSharp, deriveImage } = api('media/image-pipeline.js');
const { sendFile } = api('common/http/send-file.js');

function makeStorage() {
  if (driver === 'local') return new (api('media/local-storage.js').LocalMediaStorage)(path.join(work, 'media'));
  const e = process.env;
  return new (api('media/s3-storage.js').S3MediaStorage)({
    bucket: e.S3_BUCKET,
    prefix: e.S3_PREFIX,
    region: e.S3_REGION,
    endpoint: e.S3_ENDPOINT,
    forcePathStyle: true,
    accessKeyId: e.S3_ACCESS_KEY_ID,
    secretAccessKey: e.S3_SECRET_ACCESS_KEY,
  });
}

async function ingest(storage) {
  const upload = path.join(work, 'upload.jpg');
  fs.copyFileSync(src, upload);
  const t0 = performance.now();
  const id = newStorageId();
  await storage.putFile(`${id}/${SOURCE_FILE}`, upload, { move: true });
  const job = fs.mkdtempSync(path.join(work, 'job-'));
  const source = path.join(job, SOURCE_FILE);
  await storage.getToFile(`${id}/${SOURCE_FILE}`, source);
  const out = path.join(job, 'out');
  fs.mkdirSync(out);
  const result = await deriveImage(source, out, {
    maxPixels: 100_000_000,
    target: null,
    onFiles: (files) =>
      putFiles(
        storage,
        files.map((file) => ({ key: `${id}/${file}`, file: path.join(out, file) })),
        { move: true, concurrency: 16 },
      ),
  });
  await storage.delete(`${id}/${SOURCE_FILE}`);
  const ms = performance.now() - t0;
  fs.rmSync(job, { recursive: true, force: true });
  return { id, ms, tiles: result.files.filter((f) => f.startsWith('image_files/')) };
}

async function serve(storage, id, tiles) {
  const express = require('express');
  const app = express();
  app.get('/t/{*file}', async (req, res) => {
    const key = `${id}/${req.params.file.join('/')}`;
    const stat = await storage.stat(key);
    if (!stat) return res.status(404).end();
    await sendFile(req, res, {
      ...stat,
      contentType: 'image/webp',
      cacheControl: 'private, max-age=600',
      open: (range) => storage.get(key, range),
    });
  });
  const server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
  const port = server.address().port;
  const get = (file) =>
    new Promise((resolve, reject) => {
      const t0 = performance.now();
      http
        .get({ host: '127.0.0.1', port, path: `/t/${file}`, agent }, (res) => {
          res.resume();
          res.on('end', () =>
            res.statusCode === 200 ? resolve(performance.now() - t0) : reject(new Error(`${res.statusCode}`)),
          );
        })
        .on('error', reject);
    });
  // Warm up the connections and the store, then 1,500 tile requests from 8 clients in a fixed shuffled order.
  for (let i = 0; i < 16; i++) await get(tiles[i % tiles.length]);
  const order = Array.from({ length: 1500 }, (_, i) => tiles[(i * 7919) % tiles.length]);
  const times = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < order.length) times.push(await get(order[next++]));
    }),
  );
  agent.destroy();
  server.close();
  return times;
}

configureSharp({ concurrency: 0 });
const storage = makeStorage();
const { id, ms, tiles } = await ingest(storage);
const servePerTileMs = await serve(storage, id, tiles);
await storage.deletePrefix(`${id}/`);
storage.onModuleDestroy?.();
process.stdout.write(JSON.stringify({ ingestMs: ms, servePerTileMs, tiles: tiles.length }));

// Benchmark: forging one exercise (issue 12's goal: ≤ 10 s at 200 dpi, every desk light, ingest included). The API's
// job — draw the document, render every desk light, ingest the images through the media pipeline and wait until they
// are processed, create the exercise — against the ingest alone of the same document's images pre-rendered: uploaded
// as specimen photographs through the same pipeline, until processed. Alternately, a few rounds of each.
// Runs on DATABASE_URL's server, or on an embedded PostgreSQL when it is unset.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { apiDist as dist, signIn, startApi } from './api-process.mjs';
import { openBenchDatabase } from './bench-database.mjs';
import { percentile } from './measure.mjs';

const require = createRequire(import.meta.url);

export const name = 'authoring';

const ROUNDS = 3;
const DPI = 200;
const REQUEST = { issuingState: 'UTO', documentType: 'TD3', fraudType: 'forged:photo-substitution', subtlety: 0.5 };

export async function run(report) {
  if (!fs.existsSync(dist('authoring/index.js'))) {
    console.log('authoring: API not built (npm run build) — skipped');
    return;
  }
  const forge = require('../../libs/forge/dist/index.js');
  const { url, dataDir, close } = await openBenchDatabase('authoring');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'firstline-bench-forge-'));
  let api = null;
  try {
    api = await startApi(url, dataDir, { DEMO_DPI: String(DPI) });
    const token = await signIn(api.base, 'instructor1');
    const call = (route, init = {}) =>
      fetch(api.base + route, { ...init, headers: { authorization: `Bearer ${token}`, ...init.headers } });

    const forged = async (seed) => {
      const res = await call('/api/exercises/forge', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...REQUEST, seed }),
      });
      if (res.status !== 202) throw new Error(`forge: ${res.status} ${await res.text()}`);
      const { id } = await res.json();
      for (;;) {
        const job = await (await call(`/api/exercise-jobs/${id}`)).json();
        if (job.status === 'done') return job;
        if (job.status === 'failed') throw new Error(`forge job failed: ${job.error}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    };

    // The baseline's images: the same document, drawn and rendered here beforehand (not timed).
    const rendered = async (seed) => {
      const base = forge.renderGenuine({ state: 'UTO', type: 'TD3', seed: `forge-${seed}`, dpi: DPI });
      const { instance, truth } = forge.photoSubstitution(base, { subtlety: 0.5, seed });
      const dir = path.join(tmp, String(seed));
      const lights = forge.ALL_LIGHTS.filter((l) => l !== 'uv254');
      await forge.writeInstance(dir, instance, truth, { lights });
      return instance.images.filter((i) => i.light !== 'uv254').map((i) => ({ ...i, file: path.join(dir, i.file) }));
    };
    const ingested = async (images, round) => {
      const res = await call('/api/specimens', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ title: `Bench specimen ${round}`, issuingState: 'UTO', documentType: 'TD3' }),
      });
      if (res.status !== 201) throw new Error(`specimen: ${res.status} ${await res.text()}`);
      const specimen = await res.json();
      const assets = [];
      for (const img of images) {
        const form = new FormData();
        form.set('side', img.side);
        form.set('light', img.light);
        form.set('frame', String(img.frame ?? 1));
        form.set('file', new Blob([fs.readFileSync(img.file)], { type: 'image/png' }), path.basename(img.file));
        const up = await call(`/api/specimens/${specimen.id}/images`, { method: 'POST', body: form });
        if (up.status !== 202) throw new Error(`upload: ${up.status} ${await up.text()}`);
        assets.push((await up.json()).asset.id);
      }
      for (const id of assets) {
        for (;;) {
          const view = await (await call(`/api/media/${id}`)).json();
          if (view.status === 'ready') break;
          if (view.status === 'failed') throw new Error(`ingest failed: ${view.failureReason}`);
          await new Promise((r) => setTimeout(r, 50));
        }
      }
    };

    // Warm both once (first render loads the forge; the first upload warms the pipeline).
    await forged(1);
    await ingested(await rendered(1), 0);
    const forgeMs = [];
    const ingestMs = [];
    let images = 0;
    for (let round = 1; round <= ROUNDS; round++) {
      forgeMs.push(await timed(() => forged(100 + round)));
      const pre = await rendered(100 + round);
      images = pre.length;
      ingestMs.push(await timed(() => ingested(pre, round)));
    }
    report(
      `authoring: one forged exercise at ${DPI} dpi (${images} desk images, rendered + ingested), median of ${ROUNDS}`,
      percentile(forgeMs, 50) / 1000,
      's',
      percentile(ingestMs, 50) / 1000,
      '≤ 10 s',
    );
  } finally {
    if (api) await api.stop();
    await close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

async function timed(fn) {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

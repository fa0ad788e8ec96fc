// Benchmark: one officer's assessment generated from item models (issue's goal: a 20-item assessment in ≤ 20 s at
// 200 dpi, rendering and ingest included). An assessment of 20 item models is assigned to a cohort of one officer and
// timed from the assignment's 201 until every model has its document ready — each drawn, rendered under every desk
// light and ingested through the media pipeline by the API's background authoring jobs — against the ingest alone of
// documents of the same models rendered beforehand: uploaded as specimen photographs through the same pipeline, until
// processed. Runs on DATABASE_URL's server, or on an embedded PostgreSQL when it is unset.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { apiDist as dist, signIn, startApi } from './api-process.mjs';
import { openBenchDatabase } from './bench-database.mjs';
import { percentile } from './measure.mjs';

const require = createRequire(import.meta.url);

export const name = 'item-generation';

const DPI = 200;
const POLL_MS = 100;
/** The API's authoring queue runs this many jobs at once (exercise-jobs.service.ts). */
const JOBS_AT_ONCE = 2;
/** Generation is given this long before the benchmark gives up (a stalled queue, not a slow one). */
const GIVE_UP_MS = 15 * 60_000;

const STATES = ['UTO', 'ARC', 'BRG'];
const KINDS = [
  { fraudType: 'genuine' },
  { fraudType: 'forged:photo-substitution', operation: 'photo-substitution' },
  { fraudType: 'forged:data-alteration', operation: 'alter-data', target: 'dateOfBirth' },
  { fraudType: 'counterfeit', operation: 'counterfeit' },
];
/** 20 models: each kind five times (so a quarter genuine), the three training states, passports and ID cards. */
const MODELS = Array.from({ length: 20 }, (_, i) => ({
  issuingState: STATES[i % STATES.length],
  documentType: Math.floor(i / KINDS.length) % 2 ? 'TD1' : 'TD3',
  ...KINDS[i % KINDS.length],
  subtlety: [0.3, 0.5, 0.7][i % 3],
}));
/** The baseline's documents: every kind, passports and ID cards in the assessment's proportion (12 : 8). */
const BASELINE_MODELS = [0, 5, 10, 15, 16].map((i) => MODELS[i]);

export async function run(report) {
  if (!fs.existsSync(dist('item-models/index.js'))) {
    console.log('item-generation: API not built (npm run build) — skipped');
    return;
  }
  const forge = require('../../libs/forge/dist/index.js');
  // The API's own plan of a forge request, so the baseline's documents are drawn exactly as the jobs draw them.
  const { planForgery } = require(dist('authoring/forge-plan.js'));
  const { url, dataDir, close } = await openBenchDatabase('item_generation');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'firstline-bench-items-'));
  let api = null;
  try {
    api = await startApi(url, dataDir, { DEMO_DPI: String(DPI), ITEM_MODEL_BUFFER: '0' });
    const token = await signIn(api.base, 'instructor1');
    const call = async (route, { method = 'GET', body, expect = 200 } = {}) => {
      const res = await fetch(api.base + route, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
      if (res.status !== expect) throw new Error(`${method} ${route}: ${res.status} ${await res.text()}`);
      return res.status === 204 ? null : res.json();
    };
    const upload = async (route, form) => {
      const res = await fetch(api.base + route, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
        body: form,
      });
      if (res.status !== 202) throw new Error(`POST ${route}: ${res.status} ${await res.text()}`);
      return res.json();
    };

    const rendered = async (spec, seed) => {
      const { instance, truth } = planForgery(forge, { ...spec, seed }, DPI);
      const dir = path.join(tmp, String(seed));
      const lights = forge.ALL_LIGHTS.filter((l) => l !== 'uv254');
      await forge.writeInstance(dir, instance, truth, { lights });
      return instance.images.filter((i) => i.light !== 'uv254').map((i) => ({ ...i, file: path.join(dir, i.file) }));
    };
    const ingested = async (spec, images, n) => {
      const specimen = await call('/api/specimens', {
        method: 'POST',
        expect: 201,
        body: { title: `Bench item ${n}`, issuingState: spec.issuingState, documentType: spec.documentType },
      });
      const assets = [];
      for (const img of images) {
        const form = new FormData();
        form.set('side', img.side);
        form.set('light', img.light);
        form.set('frame', String(img.frame ?? 1));
        form.set('file', new Blob([fs.readFileSync(img.file)], { type: 'image/png' }), path.basename(img.file));
        assets.push((await upload(`/api/specimens/${specimen.id}/images`, form)).asset.id);
      }
      for (const id of assets) {
        for (;;) {
          const view = await call(`/api/media/${id}`);
          if (view.status === 'ready') break;
          if (view.status === 'failed') throw new Error(`ingest failed: ${view.failureReason}`);
          await sleep(50);
        }
      }
    };

    // The officer: a cohort of exactly one trainee of the instructor's unit.
    const me = await call('/api/auth/me');
    const trainees = await call(`/api/users?role=trainee&unitId=${me.unitId}&limit=1`);
    if (!trainees.items.length) throw new Error(`no trainee in ${me.unitName}`);
    const cohort = await call('/api/cohorts', {
      method: 'POST',
      expect: 201,
      body: { name: 'Bench item generation', unitId: me.unitId },
    });
    await call(`/api/cohorts/${cohort.id}/members`, {
      method: 'POST',
      expect: 201,
      body: { userIds: [trainees.items[0].id] },
    });

    const mod = await call('/api/modules', {
      method: 'POST',
      expect: 201,
      body: {
        title: 'Bench item-model assessment',
        description: 'Twenty item models: every officer gets documents of their own.',
        exerciseIds: [],
        itemModels: MODELS,
        settings: {
          mode: 'assessment',
          feedback: 'after-finish',
          timePerItemSeconds: 60,
          moduleTimeSeconds: 1800,
          drawCount: MODELS.length,
          minGenuineShare: 0.25,
          passMark: 80,
          attemptsAllowed: 1,
        },
      },
    });
    const published = await call(`/api/modules/${mod.id}/publish`, { method: 'POST' });

    // Warm both once, not timed: the first job loads the forge, the first upload warms the pipeline.
    const job = await call('/api/exercises/forge', { method: 'POST', expect: 202, body: { ...MODELS[1], seed: 1 } });
    for (;;) {
      const state = await call(`/api/exercise-jobs/${job.id}`);
      if (state.status === 'done') break;
      if (state.status === 'failed') throw new Error(`warm-up forge job failed: ${state.error}`);
      await sleep(50);
    }
    await ingested(BASELINE_MODELS[0], await rendered(BASELINE_MODELS[0], 2), 0);

    await call('/api/assignments', {
      method: 'POST',
      expect: 201,
      body: {
        moduleVersionId: published.publishedVersion.id,
        cohortId: cohort.id,
        opensAt: new Date(Date.now() - 60_000).toISOString(),
        closesAt: null,
      },
    });
    const t0 = performance.now();
    let status;
    for (;;) {
      status = await call(`/api/modules/${mod.id}/item-models`);
      const failed = status.models.filter((m) => m.failed > 0);
      if (failed.length) {
        const { model, lastError } = failed[0];
        throw new Error(
          `${failed.length} item model(s) failed to generate; ${model.issuingState} ${model.documentType} ` +
            `${model.fraudType}: ${lastError}`,
        );
      }
      if (status.models.length === MODELS.length && status.models.every((m) => m.ready >= 1)) break;
      if (performance.now() - t0 > GIVE_UP_MS) {
        const ready = status.models.filter((m) => m.ready >= 1).length;
        throw new Error(`only ${ready} of ${MODELS.length} documents ready after ${GIVE_UP_MS / 1000} s`);
      }
      await sleep(POLL_MS);
    }
    const generationS = (performance.now() - t0) / 1000;
    const documents = status.models.reduce((n, m) => n + m.ready, 0);
    if (status.officers !== 1 || documents !== MODELS.length)
      throw new Error(`expected ${MODELS.length} documents for 1 officer, got ${documents} for ${status.officers}`);

    // The baseline: the same models' documents, rendered beforehand, ingested one after another.
    const ingestS = [];
    for (const [n, spec] of BASELINE_MODELS.entries()) {
      const images = await rendered(spec, 100 + n);
      const t = performance.now();
      await ingested(spec, images, n + 1);
      ingestS.push((performance.now() - t) / 1000);
    }
    const perDocumentS = ingestS.reduce((a, b) => a + b, 0) / ingestS.length;
    const { renderS, jobIngestS } = await jobPhases(url);

    report('item generation: 20-item assessment', generationS, 's', MODELS.length * perDocumentS, '≤ 20 s');
    report('item generation: per item', generationS / MODELS.length, 's', perDocumentS);
    console.log(
      `  per generated document (median of ${MODELS.length}): drawing and rendering ${renderS.toFixed(1)} s, ` +
        `ingest ${jobIngestS.toFixed(1)} s`,
    );
  } finally {
    if (api) await api.stop();
    await close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * Where a generation job's time went, from its rows. Jobs start in the order they were queued (the order their first
 * images reached the pipeline), each once the one before has handed its images to the media pipeline and fewer than
 * two are running (the API's queue), so a job's start is replayed from the rows; its rendering ends when its first
 * image enters the pipeline, its ingest when it finishes.
 */
async function jobPhases(databaseUrl) {
  const { Client } = require('pg');
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const { rows } = await db.query(
      `SELECT j.created_at, j.finished_at, i.first_image, i.last_image
         FROM exercise_jobs j,
              LATERAL (SELECT min(a.created_at) AS first_image, max(a.created_at) AS last_image
                         FROM media_assets a WHERE a.id = ANY(j.asset_ids)) i
        WHERE j.kind = 'item-instance' AND j.status = 'done' ORDER BY i.first_image`,
    );
    const renderMs = [];
    const ingestMs = [];
    const finishes = [];
    let handedOver = 0;
    for (const r of rows) {
      let start = Math.max(r.created_at.getTime(), handedOver);
      for (;;) {
        const running = finishes.filter((f) => f > start);
        if (running.length < JOBS_AT_ONCE) break;
        start = Math.min(...running);
      }
      renderMs.push(r.first_image.getTime() - start);
      ingestMs.push(r.finished_at.getTime() - r.first_image.getTime());
      handedOver = r.last_image.getTime();
      finishes.push(r.finished_at.getTime());
    }
    return { renderS: percentile(renderMs, 50) / 1000, jobIngestS: percentile(ingestMs, 50) / 1000 };
  } finally {
    await db.end();
  }
}

function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}

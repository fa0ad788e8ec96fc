// The exam benchmark's load: officers who sign in and start an attempt (set-up, not measured), then take it.
// - Closed loop (capacity): autocannon, one connection per officer, each connection the officer's whole exam in order
//   — item n, its first preview image, the final answer to n with an idempotency key — with no think time.
// - Open loop (an exam day): each officer a timeline of its own — arrival at a random moment, then for each item the
//   item and its preview image, an exponentially distributed think time (mean 12 s, Frontex's figure), the answer. The
//   officers' arrivals are independent of the server's response times, which a fixed-connection load generator such
//   as autocannon cannot express; latencies go into HDR histograms (hdr-histogram-js, autocannon's own).
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import hdr from 'hdr-histogram-js';
import { signIn } from './api-process.mjs';

/** Runs `fn` over `items` with at most `limit` at a time. */
async function pool(items, limit, fn) {
  const out = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
  return out;
}

/** Signs every officer in: their access tokens, in order. */
export function signInAll(base, usernames) {
  return pool(usernames, 4, (username) => signIn(base, username));
}

/** Starts each signed-in officer's attempt at the assignment: [{ token, attemptId }]. */
export function startAttempts(base, tokens, assignmentId) {
  return pool(tokens, 4, async (token) => {
    const started = await fetch(`${base}/api/attempts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ assignmentId }),
    });
    if (started.status !== 201) throw new Error(`start: ${started.status} ${await started.text()}`);
    return { token, attemptId: (await started.json()).id };
  });
}

/** The answer an officer gives to item n: refer a third of the documents (as a counterfeit), accept the rest. */
export function answerFor(n) {
  return n % 3 === 0
    ? { final: true, decision: 'refer', fraudType: 'counterfeit' }
    : { final: true, decision: 'accept' };
}

/** The URL path of the item's first preview image (the smallest WebP of its first image). */
export function previewOf(item) {
  const variants = item.sides[0].images[0].urls.variants;
  return variants['640.webp'];
}

const auth = (o) => ({ authorization: `Bearer ${o.token}` });

/** Closed loop: every officer takes the whole exam at once. Returns { answers, errors, seconds, statuses }. */
export async function closedLoop(base, officers, itemCount) {
  let next = 0;
  let answers = 0;
  const statuses = {};
  // The load lasts until its last response: autocannon resolves only at its next sampling tick (every second), which
  // added up to a second to a run of 10–25 s, more to the shorter (the baseline's) than to the longer.
  let last = 0;
  const tally = (status) => {
    last = performance.now();
    statuses[status] = (statuses[status] ?? 0) + 1;
  };
  const requests = [];
  for (let n = 1; n <= itemCount; n++) {
    requests.push({
      method: 'GET',
      setupRequest: (req, ctx) => {
        if (!ctx.officer) ctx.officer = officers[next++];
        return { ...req, path: `/api/attempts/${ctx.officer.attemptId}/items/${n}`, headers: auth(ctx.officer) };
      },
      onResponse: (status, body, ctx) => {
        tally(status);
        ctx.image = status === 200 ? previewOf(JSON.parse(body)) : null;
      },
    });
    requests.push({
      method: 'GET',
      setupRequest: (req, ctx) => ({ ...req, path: ctx.image ?? '/api/health', headers: {} }),
      onResponse: (status) => tally(status),
    });
    requests.push({
      method: 'PUT',
      setupRequest: (req, ctx) => ({
        ...req,
        path: `/api/attempts/${ctx.officer.attemptId}/items/${n}/response`,
        headers: {
          ...auth(ctx.officer),
          'content-type': 'application/json',
          'idempotency-key': `bench-${ctx.officer.attemptId}-${n}`,
        },
        body: JSON.stringify(answerFor(n)),
      }),
      onResponse: (status) => {
        tally(status);
        if (status === 200) answers++;
      },
    });
  }
  const t0 = performance.now();
  const result = await autocannon({
    url: base,
    connections: officers.length,
    amount: officers.length * requests.length,
    requests,
    timeout: 30,
  });
  const seconds = ((last || performance.now()) - t0) / 1000;
  const errors = result.errors + result.timeouts + result.non2xx;
  return { answers, errors, seconds, statuses };
}

const exponential = (mean) => -Math.log(1 - Math.random()) * mean;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Open loop: each officer arrives at a random moment within the first think time, then answers item after item with
 * exponential think times until `durationMs` has passed. Returns histograms (µs) of submits and item fetches.
 */
export async function openLoop(base, officers, { thinkMs, durationMs }) {
  const histogram = () => hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 120_000_000 });
  const submit = histogram();
  const item = histogram();
  let errors = 0;
  const statuses = {};
  const end = performance.now() + durationMs;
  const timed = async (h, url, init) => {
    const t0 = performance.now();
    try {
      const res = await fetch(url, init);
      const body = await res.arrayBuffer();
      h?.recordValue(Math.round((performance.now() - t0) * 1000));
      statuses[res.status] = (statuses[res.status] ?? 0) + 1;
      if (!res.ok) errors++;
      return res.ok ? body : null;
    } catch {
      errors++;
      return null;
    }
  };
  const officer = async (o) => {
    await sleep(Math.random() * thinkMs);
    for (let n = 1; performance.now() < end; n++) {
      const body = await timed(item, `${base}/api/attempts/${o.attemptId}/items/${n}`, { headers: auth(o) });
      if (!body) return;
      const presented = JSON.parse(Buffer.from(body).toString());
      await timed(null, base + previewOf(presented));
      await sleep(exponential(thinkMs));
      if (performance.now() >= end) return;
      await timed(submit, `${base}/api/attempts/${o.attemptId}/items/${n}/response`, {
        method: 'PUT',
        headers: { ...auth(o), 'content-type': 'application/json', 'idempotency-key': `bench-${o.attemptId}-${n}` },
        body: JSON.stringify(answerFor(n)),
      });
      if (n === presented.itemCount) return;
    }
  };
  await Promise.all(officers.map(officer));
  return { submit, item, errors, statuses };
}

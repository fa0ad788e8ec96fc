#!/usr/bin/env node
// Trainee performance in real Chromium against a fresh server with the demo content (called by `npm run bench`):
//  1. JavaScript a trainee downloads for My training and the quiz player, gzipped, against the sign-in page's
//     JavaScript (what every user downloads) in the same run — goal ≤ 200 KB for the trainee routes;
//  2. time until the first document image is on screen in the player under throttling (1.6 Mbps down,
//     150 ms round trip), against the sign-in page's load under the same throttling — goal ≤ 2.5 s.
// Prints one JSON line per figure on stdout; progress on stderr.
import zlib from 'node:zlib';
import { chromium } from 'playwright-core';
import { startServer } from './server.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const THROTTLE = {
  offline: false,
  latency: 150,
  downloadThroughput: (1.6e6 / 8) | 0,
  uploadThroughput: (0.75e6 / 8) | 0,
};
const figures = [];
const step = (m) => process.stderr.write(`bench: ${m}\n`);
const emit = (f) => {
  figures.push(f);
  process.stdout.write(`${JSON.stringify(f)}\n`);
};

const server = await startServer();
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const scripts = new Map(); // url → gzipped bytes
  let phase = 'login';
  const byPhase = { login: new Set(), trainee: new Set() };
  page.on('response', async (res) => {
    const url = res.url();
    if (!url.startsWith(server.base) || !/\.js(\?|$)/.test(url)) return;
    byPhase[phase].add(url);
    if (!scripts.has(url)) scripts.set(url, zlib.gzipSync(await res.body(), { level: 9 }).length);
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');

  step('server ready');
  // Baseline: the sign-in page, throttled, cold cache.
  await cdp.send('Network.clearBrowserCache');
  await cdp.send('Network.emulateNetworkConditions', THROTTLE);
  let t0 = Date.now();
  await page.goto(`${server.base}/login`, { waitUntil: 'load' });
  await page.getByLabel('Username').waitFor();
  const loginMs = Date.now() - t0;
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: -1,
  });

  step(`sign-in page ${loginMs} ms`);
  phase = 'trainee';
  await page.getByLabel('Username').fill('trainee11');
  await page.getByLabel('Password', { exact: true }).fill('firstline-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('assignment').first().waitFor({ timeout: 30_000 });
  await page
    .getByTestId('assignment')
    .filter({ hasText: 'First-line document check — practice' })
    .getByTestId('start-attempt')
    .click();
  await page.getByTestId('document-viewer').waitFor();
  const playerUrl = page.url();
  step('player open');
  await page.waitForTimeout(1000);

  const sum = (urls) => [...urls].reduce((s, u) => s + (scripts.get(u) ?? 0), 0);
  const loginJs = sum(byPhase.login);
  const traineeJs = sum(new Set([...byPhase.login, ...byPhase.trainee]));
  emit({
    name: 'web: JS for My training + the quiz player (gzip)',
    value: traineeJs / 1024,
    unit: 'KB',
    baseline: loginJs / 1024,
    goal: '≤ 200 KB',
  });

  // The player, reloaded cold and throttled: until the first tile of the document has arrived and been painted.
  await cdp.send('Network.clearBrowserCache');
  await cdp.send('Network.emulateNetworkConditions', THROTTLE);
  const firstPreview = page.waitForResponse((r) => /\/640\.(avif|webp|jpeg)$/.test(r.url()) && r.status() === 200, {
    timeout: 60_000,
  });
  const firstTile = page.waitForResponse(
    (r) => /\/image_files\/\d+\/\d+_\d+\.\w+/.test(r.url()) && r.status() === 200,
    { timeout: 60_000 },
  );
  t0 = Date.now();
  if (process.env.BENCH_TRACE)
    page.on('requestfinished', async (r) =>
      step(
        `${Date.now() - t0} ms  ${(await r.sizes()).responseBodySize} B  ${r.url().replace(server.base, '').slice(0, 90)}`,
      ),
    );
  await page.goto(playerUrl, { waitUntil: 'commit' });
  await (await firstPreview).finished();
  // On screen: the preview <img> decoded, or already handed over to the canvas (which replaces the preview only
  // once it has drawn the same image).
  await page.waitForFunction(
    () => {
      const img = document.querySelector('[data-testid=viewer-preview]');
      if (img) return img.complete && img.naturalWidth > 0;
      return (
        !!document.querySelector('[data-testid=document-viewer] canvas') &&
        !document.querySelector('.fl-viewer__status')
      );
    },
    null,
    { polling: 'raf', timeout: 60_000 },
  );
  const previewMs = Date.now() - t0;
  emit({
    name: 'web: first document image (640 px preview), throttled',
    value: previewMs,
    unit: 'ms',
    baseline: loginMs,
    goal: '≤ 2500 ms',
  });
  const tile = await firstTile;
  step('first tile response');
  await tile.finished();
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const firstImageMs = Date.now() - t0;
  emit({
    name: 'web: first deep-zoom tile painted, 1.6 Mbps / 150 ms RTT',
    value: firstImageMs,
    unit: 'ms',
    baseline: loginMs,
    goal: '≤ 2500 ms',
  });
  await context.close();
} finally {
  await browser.close();
  await server.stop();
}

// Browser flows of exam day (run by run.mjs): the network drops for a whole minute in the middle of the timed
// assessment. The answers given meanwhile wait in the player's outbox (IndexedDB); once the network is back every one
// of them reaches the API by itself — no reload, no second press — each under one idempotency key, none stored twice,
// and the officer goes on with the exam.
import assert from 'node:assert/strict';

const ASSESSMENT = 'First-line assessment — timed';
/** How long the network stays down. */
const OUTAGE_MS = 60_000;

/** Gives item n the answer `decision` (a referral names a fraud type) and confirms it. */
async function answer(page, n, decision) {
  await page.locator(`[data-testid=quiz-item][data-item="${n}"]`).waitFor();
  await page.getByTestId(`decision-${decision}`).click();
  if (decision === 'refer') await page.getByRole('radio').first().check();
  await page.getByTestId('decision-confirm').click();
}

export async function examDayFlows({ flow, signIn, shot, server }) {
  await flow(
    'trainee in the timed assessment: the network drops for a minute — every answer arrives once it is back, none twice',
    async (page, context) => {
      await signIn(page, 'trainee13');
      // Every final answer the API acknowledged: item, idempotency key, status.
      const acknowledged = [];
      page.on('response', async (r) => {
        const m = /\/api\/attempts\/[0-9a-f-]+\/items\/(\d+)\/response$/.exec(r.url());
        if (!m || r.request().method() !== 'PUT' || !JSON.parse(r.request().postData()).final) return;
        const key = (await r.request().allHeaders())['idempotency-key'];
        acknowledged.push({ n: Number(m[1]), key, status: r.status() });
      });
      const exam = page.getByTestId('assignment').filter({ hasText: ASSESSMENT });
      await exam.getByTestId('start-attempt').click();
      await page.getByTestId('document-viewer').waitFor();
      await page.waitForURL(/\/app\/attempts\/[0-9a-f-]+$/);
      const attemptId = new URL(page.url()).pathname.split('/').pop();
      await answer(page, 1, 'accept');

      // The network drops: item 2 is on screen and gets its answer; nothing can leave the browser.
      await page.locator('[data-testid=quiz-item][data-item="2"]').waitFor();
      await context.setOffline(true);
      const dropped = Date.now();
      await answer(page, 2, 'refer');
      // The banner shows as soon as the browser is offline; the count follows once the outbox has stored the answer.
      await page
        .getByTestId('offline-banner')
        .filter({ hasText: /1 answer/ })
        .waitFor({ timeout: 10_000 });
      await shot(page, '40-assessment-offline');
      await page.waitForTimeout(Math.max(0, OUTAGE_MS - (Date.now() - dropped)));
      assert.ok(!acknowledged.some((a) => a.n === 2), 'nothing reached the API while the network was down');

      // Back: the outbox sends the waiting answer by itself and the exam goes on at item 3.
      await context.setOffline(false);
      await page.getByTestId('offline-banner').waitFor({ state: 'detached', timeout: 60_000 });
      await answer(page, 3, 'accept');
      await page.locator('[data-testid=quiz-item][data-item="4"]').waitFor({ timeout: 30_000 });
      await shot(page, '41-assessment-back-online');

      // Each answer was acknowledged under one key, none refused as a second answer.
      const byItem = new Map();
      for (const a of acknowledged) byItem.set(a.n, [...(byItem.get(a.n) ?? []), a]);
      assert.deepEqual([...byItem.keys()].sort(), [1, 2, 3]);
      for (const [n, sends] of byItem) {
        assert.equal(new Set(sends.map((s) => s.key)).size, 1, `item ${n} was sent under one idempotency key`);
        assert.ok(
          sends.every((s) => s.status === 200),
          `item ${n}: ${sends.map((s) => s.status).join(', ')}`,
        );
      }
      // The API holds each answer once, as given.
      const token = await page.evaluate(
        async () => (await (await fetch('/api/auth/refresh', { method: 'POST' })).json()).accessToken,
      );
      const get = (p) =>
        fetch(`${server.base}/api/attempts/${attemptId}${p}`, { headers: { Authorization: `Bearer ${token}` } }).then(
          (r) => r.json(),
        );
      const attempt = await get('');
      assert.deepEqual(attempt.answered.slice(0, 4), [true, true, true, false]);
      const item2 = await get('/items/2');
      assert.equal(item2.locked, true);
      assert.equal(item2.saved.decision, 'refer', 'item 2 holds the answer given offline');
    },
  );
}

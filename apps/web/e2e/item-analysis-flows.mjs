// Browser flows of the item analysis (run by run.mjs after the reports flows, once the trainee flows and the demo
// history have finished attempts at the demo assessment): the instructor opens the analysis from the module page,
// sorts by discrimination, opens a flagged item's click heatmap and goes to edit that exercise; the supervisor
// reaches it from Reports and only reads, in English, in Urdu and on a phone.
import assert from 'node:assert/strict';

const ASSESSMENT = 'First-line assessment — timed';

/** The row to open: a flagged fraudulent item (it has true regions), else any fraudulent one with enough responses. */
async function pickRow(table) {
  for (const selector of [
    '[data-testid=item-row][data-flagged][data-verdict=fraudulent]:not([data-too-few])',
    '[data-testid=item-row][data-verdict=fraudulent]:not([data-too-few])',
    '[data-testid=item-row][data-verdict=fraudulent]',
  ]) {
    const rows = table.locator(selector);
    if ((await rows.count()) > 0) return rows.first();
  }
  throw new Error('no fraudulent item in the pool');
}

/** Pixels of the heatmap canvas that carry some density. */
const drawnPixels = (canvas) =>
  canvas.evaluate((el) => {
    const data = el.getContext('2d').getImageData(0, 0, el.width, el.height).data;
    let n = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n++;
    return n;
  });

/** Waits for a recalculation asked for to finish (the button comes back). */
async function recalculate(page) {
  const button = page.getByTestId('calculation-status').getByRole('button', { name: 'Recalculate' });
  await button.click();
  await page.waitForFunction(
    () => !document.querySelector('[data-testid=calculation-status] button')?.disabled,
    undefined,
    { timeout: 60_000 },
  );
  await page.getByTestId('calculation-status').getByText('0 attempts since').waitFor();
}

export async function itemAnalysisFlows({ flow, signIn, shot: capture, h1, direction }) {
  const shot = async (page, file) => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await capture(page, file);
  };

  await flow('instructor: item analysis — sort by discrimination, heatmap of a flagged item, edit it', async (page) => {
    await signIn(page, 'instructor1');
    await page.getByRole('link', { name: 'Modules' }).click();
    await page.getByRole('link', { name: ASSESSMENT }).click();
    await h1(page, ASSESSMENT).waitFor();
    await page.getByRole('link', { name: 'Item analysis' }).waitFor();
    await shot(page, '58-module-item-analysis-link');
    await page.getByRole('link', { name: 'Item analysis' }).click();
    await page.waitForURL(/\/app\/reports\/modules\/[0-9a-f-]+\/analysis\?version=\d+$/);
    await h1(page, ASSESSMENT).waitFor();
    const table = page.getByTestId('items-table');
    await table.waitFor();
    // The trainee flows have finished attempts since the figures were stored: bring them in.
    await recalculate(page);
    await page.getByTestId('wright-map').waitFor();
    await page.getByTestId('test-statistics').waitFor();
    await shot(page, '60-item-analysis');

    await table.getByRole('button', { name: /Discrimination index/ }).click();
    assert.equal(
      await table.locator('th[aria-sort]').getAttribute('aria-sort'),
      'ascending',
      'the lowest discrimination first',
    );
    const row = await pickRow(table);
    const title = (await row.getByRole('rowheader').getByRole('button').textContent()).trim();
    await row.getByRole('rowheader').getByRole('button').click();
    const detail = page.getByTestId('item-detail');
    await detail.getByTestId('item-responses').waitFor();
    const canvas = detail.locator('[data-testid=heatmap-canvas][data-drawn]');
    await canvas.waitFor();
    const points = Number(await canvas.getAttribute('data-drawn'));
    if (points > 0) assert.ok((await drawnPixels(canvas)) > 0, 'the clicks are drawn as a density');
    assert.ok((await detail.getByTestId('truth-region').count()) >= 1, 'the true regions are outlined');
    await detail.getByTestId('miss-share').waitFor();
    await page.waitForFunction(() => [...document.querySelectorAll('.fl-ia-heatmap__image')].every((i) => i.complete));
    await detail.getByTestId('click-heatmap').scrollIntoViewIfNeeded();
    await shot(page, '61-item-detail-heatmap');
    console.log(`    opened "${title}" with ${points} points`);

    await detail.getByRole('link', { name: 'Edit exercise' }).click();
    await page.waitForURL(/\/app\/exercises\/[0-9a-f-]+$/);
    assert.match(new URL(page.url()).pathname, /^\/app\/exercises\/[0-9a-f-]{36}$/);
    // The editor of that exercise, ready for a new version, with how it worked across the modules that used it.
    await h1(page, title.replace(/^\d+\.\s*/, '')).waitFor();
    // Edit it: a clearer explanation, saved as a new version (officers have answered this one).
    const explanation = page.getByLabel(/^Explanation/);
    await explanation.fill(`${await explanation.inputValue()} Checked again after the item analysis.`);
    await page.getByRole('button', { name: 'Save as new version' }).click();
    await page.getByText(/^Saved as version \d+\.$/).waitFor();
    const usage = page.getByTestId('exercise-usage');
    await usage.getByRole('link', { name: new RegExp(`^${ASSESSMENT} — version \\d+$`) }).waitFor();
    await usage.scrollIntoViewIfNeeded();
    await shot(page, '66-exercise-usage-in-editor');
  });

  await flow('supervisor: item analysis from Reports, read-only', async (page) => {
    await signIn(page, 'supervisor1');
    await page.getByRole('link', { name: 'Reports' }).click();
    await h1(page, 'Reports').waitFor();
    await page.getByTestId('analysis-modules').waitFor();
    await shot(page, '59-reports-item-analysis-list');
    await page.getByTestId('analysis-modules').getByRole('link', { name: ASSESSMENT }).click();
    await h1(page, ASSESSMENT).waitFor();
    const table = page.getByTestId('items-table');
    await table.waitFor();
    await page.getByTestId('confusion-matrix').waitFor();
    const row = await pickRow(table);
    await row.getByRole('rowheader').getByRole('button').click();
    const detail = page.getByTestId('item-detail');
    await detail.getByTestId('miss-share').waitFor();
    assert.equal(await detail.getByRole('link', { name: 'Edit exercise' }).count(), 0, 'read-only: no edit');
    assert.equal(await detail.getByRole('button', { name: 'Remove from pool' }).count(), 0, 'read-only: no removal');
    await page.keyboard.press('Escape');
    await detail.waitFor({ state: 'detached' });

    await page.getByRole('button', { name: 'اردو' }).click();
    await page.waitForFunction(() => document.documentElement.getAttribute('dir') === 'rtl');
    assert.equal((await direction(page)).computed, 'rtl');
    await page.getByRole('heading', { name: 'رائٹ نقشہ' }).waitFor();
    await shot(page, '62-item-analysis-ur');
    await row.getByRole('rowheader').getByRole('button').click();
    await page.getByTestId('item-detail').getByTestId('miss-share').waitFor();
    await page.getByTestId('item-detail').getByTestId('click-heatmap').scrollIntoViewIfNeeded();
    await shot(page, '63-item-detail-ur');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'English' }).click();
    await page.waitForFunction(() => document.documentElement.getAttribute('dir') === 'ltr');

    // On a phone.
    await page.setViewportSize({ width: 390, height: 844 });
    await h1(page, ASSESSMENT).waitFor();
    await shot(page, '64-item-analysis-phone');
    await row.getByRole('rowheader').getByRole('button').click();
    await page.getByTestId('item-detail').getByTestId('miss-share').waitFor();
    await shot(page, '65-item-detail-phone');
  });
}

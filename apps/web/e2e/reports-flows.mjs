// Browser flows of the competence reports (run by run.mjs after the trainee flows, whose answers — with the demo
// history where the seed has it — give the reports something to show): the supervisor lands on the unit roll-up,
// reads the cohort dashboard, switches the heatmap and opens a cell, opens an officer and an attempt's review,
// downloads the CSV and PDF exports, and reads it all again in Urdu. Every screenshot is also an axe check (run.mjs
// `shot`).
import assert from 'node:assert/strict';
import fs from 'node:fs';

const UNIT = 'Islamabad International Airport — Immigration';
const COHORT = 'Islamabad Intake 2026-A';

/** Clicks what starts a download and returns the file (a CSV or PDF the app saved from a Blob). */
async function download(page, click) {
  // A PDF is printed by a headless Chromium on the server: allow it time on a busy machine.
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 90_000 }), click()]);
  const bytes = fs.readFileSync(await file.path());
  return { name: file.suggestedFilename(), bytes, text: bytes.toString('utf8') };
}

const isPdf = (file) => file.bytes.subarray(0, 5).toString('latin1') === '%PDF-';

export async function reportsFlows({ flow, signIn, signOut, shot: capture, h1, direction }) {
  // A full-page capture taken while scrolled draws the sticky top bar mid-page: capture from the top.
  const shot = async (page, file) => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await capture(page, file);
  };
  await flow(
    'supervisor: unit roll-up, cohort dashboard, heatmap, officer, review, CSV and PDF exports',
    async (page) => {
      await signIn(page, 'supervisor1');
      // The landing page leads with readiness: the unit roll-up.
      await h1(page, UNIT).waitFor();
      assert.equal(new URL(page.url()).pathname, '/app/overview');
      await page.getByTestId('readiness').waitFor();
      await page.getByRole('table', { name: `Cohorts of ${UNIT}` }).waitFor();
      await page.locator('.fl-small-multiple svg').first().waitFor();
      await shot(page, '30-supervisor-unit-rollup');

      const unitCsv = await download(page, () => page.getByRole('button', { name: 'Download CSV' }).click());
      assert.match(unitCsv.name, /\.csv$/);
      assert.equal(unitCsv.text.charCodeAt(0), 0xfeff, 'the CSV starts with a BOM for spreadsheet programs');
      assert.match(unitCsv.text, new RegExp(COHORT));

      // The members of a cohort are still one click away (read-only).
      await page.getByRole('table', { name: 'Cohorts and members' }).getByRole('link', { name: COHORT }).click();
      await h1(page, COHORT).waitFor();
      await page.getByRole('table', { name: 'Members' }).getByText('Ayesha Khan').waitFor();
      assert.equal(await page.getByRole('button', { name: 'Add trainees' }).count(), 0, 'read-only for a supervisor');

      // Reports → the cohort's dashboard.
      await page.getByRole('link', { name: 'Reports' }).click();
      await h1(page, 'Reports').waitFor();
      await shot(page, '31-supervisor-reports');
      await page.getByRole('link', { name: COHORT }).click();
      await h1(page, COHORT).waitFor();
      const table = page.getByTestId('officers-table');
      await table.getByRole('link', { name: 'Ayesha Khan' }).waitFor();
      await page.locator('[data-testid=decision-dot]').first().waitFor();
      const dots = await page.locator('[data-testid=decision-dot]').count();
      assert.ok(dots >= 1, 'officers who decided on both kinds of document are dots on the decision-space chart');
      await page.getByTestId('summary-cards').waitFor();
      await shot(page, '32-cohort-dashboard');

      // A dot names its officer on keyboard focus.
      await page.locator('[data-testid=decision-dot]').first().focus();
      await page.locator('.fl-ds-dot__label').waitFor();

      // Sorting: the first click on a column puts the worst first and says so.
      await table.getByRole('button', { name: /Missed forgeries/ }).click();
      assert.equal(
        await table.locator('th[aria-sort]').getAttribute('aria-sort'),
        'descending',
        'the sorted column is marked for screen readers',
      );

      const officersCsv = await download(page, () => page.getByRole('button', { name: 'Download CSV' }).click());
      assert.equal(officersCsv.text.charCodeAt(0), 0xfeff);
      assert.match(officersCsv.text, /Ayesha Khan/);
      const cohortPdf = await download(page, () => page.getByRole('button', { name: 'Cohort report (PDF)' }).click());
      assert.match(cohortPdf.name, /\.pdf$/);
      assert.ok(isPdf(cohortPdf), 'the cohort report is a PDF');

      // Weak spots: feature categories first, then light; a cell opens the items behind it.
      await page.getByRole('tab', { name: 'Weak spots' }).click();
      const heatmap = page.getByTestId('heatmap');
      await heatmap.waitFor();
      await shot(page, '33-cohort-heatmap');
      await page.getByRole('button', { name: 'Light', exact: true }).click();
      await page.waitForURL(/by=light/);
      await heatmap.getByRole('columnheader', { name: 'Visible' }).waitFor();
      await heatmap.locator('.fl-heat__button').first().click();
      const dialog = page.getByRole('dialog');
      await dialog.getByTestId('cell-items').waitFor();
      await shot(page, '34-heatmap-cell-items');
      await dialog.getByRole('button', { name: 'Close' }).click();
      await dialog.waitFor({ state: 'detached' });

      await page.getByRole('tab', { name: 'Trends' }).click();
      await page.locator('.fl-trend-chart svg').first().waitFor();
      await page.getByRole('combobox', { name: 'Compare with an officer' }).selectOption({ label: 'Ayesha Khan' });
      await page.waitForURL(/officer=/);
      await page.locator('.fl-trend-chart .recharts-legend-item').nth(1).waitFor();
      await shot(page, '35-cohort-trends');

      // The officer's profile, from the dashboard; then one attempt's review.
      await page.getByRole('tab', { name: 'Officers' }).click();
      await page.getByTestId('officers-table').getByRole('link', { name: 'Ayesha Khan' }).click();
      await h1(page, 'Ayesha Khan').waitFor();
      await page.getByTestId('officer-figures').waitFor();
      await page.getByRole('table', { name: 'Attempts' }).waitFor();
      await shot(page, '36-officer-profile');
      const attemptsCsv = await download(page, () => page.getByRole('button', { name: 'Attempts CSV' }).click());
      assert.equal(attemptsCsv.text.charCodeAt(0), 0xfeff);
      const transcript = await download(page, () => page.getByRole('button', { name: 'Transcript (PDF)' }).click());
      assert.match(transcript.name, /\.pdf$/);
      assert.ok(isPdf(transcript), 'the transcript is a PDF');
      await page.getByRole('table', { name: 'Attempts' }).getByRole('link', { name: 'Open review' }).first().click();
      await page.getByTestId('attempt-score').waitFor();
      await page.getByTestId('review-item').first().waitFor();
      await shot(page, '37-officer-attempt-review');
      await page.getByRole('link', { name: 'Back to the officer' }).click();
      await h1(page, 'Ayesha Khan').waitFor();
      await signOut(page);
    },
  );

  await flow('supervisor in Urdu: unit roll-up, dashboard, heatmap and officer right-to-left', async (page) => {
    await signIn(page, 'supervisor1');
    await h1(page, UNIT).waitFor();
    await page.getByRole('button', { name: 'اردو' }).click();
    await page.waitForFunction(() => document.documentElement.getAttribute('dir') === 'rtl');
    assert.deepEqual(await direction(page), { dir: 'rtl', lang: 'ur', computed: 'rtl' });
    await page.getByText('ڈیسک کے لیے تیار').first().waitFor();
    await page.locator('.fl-small-multiple svg').first().waitFor();
    await shot(page, '38-unit-rollup-ur');

    await page.getByRole('link', { name: 'رپورٹیں' }).click();
    await h1(page, 'رپورٹیں').waitFor();
    await page.getByRole('link', { name: COHORT }).click();
    await h1(page, COHORT).waitFor();
    await page.getByTestId('officers-table').getByRole('link', { name: 'Ayesha Khan' }).waitFor();
    await page.locator('[data-testid=decision-dot]').first().waitFor();
    assert.equal((await direction(page)).computed, 'rtl');
    await shot(page, '39-cohort-dashboard-ur');

    await page.getByRole('tab', { name: 'کمزور پہلو' }).click();
    await page.getByTestId('heatmap').waitFor();
    await shot(page, '40-cohort-heatmap-ur');
    await page.getByRole('tab', { name: 'رجحانات' }).click();
    await page.locator('.fl-trend-chart svg').first().waitFor();
    await shot(page, '41-cohort-trends-ur');

    await page.getByRole('tab', { name: 'افسران' }).click();
    await page.getByTestId('officers-table').getByRole('link', { name: 'Ayesha Khan' }).click();
    await h1(page, 'Ayesha Khan').waitFor();
    await page.getByTestId('officer-figures').waitFor();
    await shot(page, '42-officer-profile-ur');
    // The transcript is printed in the reader's language.
    const [request] = await Promise.all([
      page.waitForRequest((r) => r.url().includes('/transcript.pdf')),
      download(page, () => page.getByRole('button', { name: /تعلیمی ریکارڈ/ }).click()),
    ]);
    assert.equal(new URL(request.url()).searchParams.get('lang'), 'ur');
    await page.getByRole('button', { name: 'English' }).click();
    await page.waitForFunction(() => document.documentElement.getAttribute('dir') === 'ltr');
  });

  await flow(
    'instructor: Reports lists the cohorts they run; My progress shows the trainee’s own errors',
    async (page) => {
      await signIn(page, 'instructor1');
      await h1(page, 'My cohorts').waitFor();
      await page.getByRole('link', { name: 'Reports' }).click();
      await h1(page, 'Reports').waitFor();
      await page.getByRole('link', { name: COHORT }).waitFor();
      assert.equal(await page.getByRole('link', { name: 'Unit report' }).count(), 0, 'instructors see cohorts only');
      await signOut(page);

      await signIn(page, 'trainee01');
      await page.getByTestId('assignment').first().waitFor();
      await page.getByRole('link', { name: 'My progress' }).click();
      await page.getByTestId('my-competence').waitFor();
      await shot(page, '43-trainee-progress-competence');
    },
  );
}

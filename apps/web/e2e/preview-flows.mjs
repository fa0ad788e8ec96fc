// Browser flows of "Preview as trainee": an instructor opens an exercise's preview from the editor, answers it in the
// trainee's player, presses Try it and reads the score and feedback, tries another answer and goes back to the
// editor; the same screen in Urdu at phone width. Every screenshot is also an axe check (run.mjs).
import assert from 'node:assert/strict';

export async function previewFlows({ flow, signIn, shot: capture, h1, direction }) {
  // A full-page capture taken while scrolled draws the sticky top bar mid-page: capture from the top.
  const shot = async (page, file) => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await capture(page, file);
  };
  /** At phone width nothing may push the page sideways. */
  const fitsWidth = async (page) => {
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    assert.ok(overflow <= 1, `the page is ${overflow} px wider than the screen`);
  };
  const openPreview = async (page) => {
    await page.getByRole('link', { name: 'Exercises' }).click();
    await h1(page, 'Exercise library').waitFor();
    const rows = page.locator('.fl-table tbody tr');
    await rows.first().waitFor();
    // A forgery shows more of the player (where, what kind, which features) than a genuine document: take one.
    const search = page.getByRole('searchbox', { name: 'Search title, state or tag' });
    await search.fill('data alteration');
    await page.waitForFunction(() =>
      [...document.querySelectorAll('.fl-table tbody tr')].every((tr) => tr.textContent.includes('data alteration')),
    );
    const link = rows.first().getByRole('link');
    const title = (await link.innerText()).trim();
    await link.click();
    await h1(page, title).waitFor();
    await page.getByRole('link', { name: 'Preview as trainee' }).click();
    await page.waitForURL(/\/app\/exercises\/[0-9a-f-]{36}\/preview$/);
    await h1(page, title).waitFor();
    await page.getByTestId('document-viewer').waitFor();
    return title;
  };

  await flow(
    'instructor: preview an exercise as the trainee sees it — answer, Try it, score, try again',
    async (page) => {
      await signIn(page, 'instructor1');
      await h1(page, 'My cohorts').waitFor();
      const title = await openPreview(page);
      await page.getByText('Preview — nothing is stored').waitFor();
      await shot(page, '80-preview');

      // Refer, mark the middle of the document when the item asks where, name a fraud type when it asks: Try it.
      await page.getByTestId('decision-refer').click();
      const viewer = await page.getByTestId('document-viewer').boundingBox();
      if (await page.getByTestId('point-count').count()) {
        await page.mouse.click(viewer.x + viewer.width * 0.5, viewer.y + viewer.height * 0.5);
        await page.getByTestId('suspect-marker').first().waitFor();
      }
      const fraudTypes = page.getByRole('group', { name: 'What kind of fraud is it?' }).getByRole('radio');
      if (await fraudTypes.count()) await fraudTypes.first().check();
      const tryIt = page.getByTestId('decision-confirm');
      assert.equal((await tryIt.innerText()).trim(), 'Try it');
      await tryIt.click();
      const feedback = page.getByTestId('preview-feedback');
      await feedback.waitFor();
      await feedback.getByText('What the trainee would see').waitFor();
      const score = await feedback.getByText('Score for this item').locator('xpath=following-sibling::dd').innerText();
      assert.match(score.trim(), /^\d{1,3}%$/);
      await feedback.getByTestId('part-scores').waitFor();
      await shot(page, '81-preview-tried');
      // The panel scrolls on its own below its feedback; on a taller screen the score by part shows at its foot.
      await page.setViewportSize({ width: 1280, height: 1400 });
      await feedback.getByTestId('preview-again').waitFor();
      await shot(page, '81-preview-tried-parts');
      await page.setViewportSize({ width: 1280, height: 800 });

      // Another answer: Accept. Its feedback is its own.
      await page.getByTestId('preview-again').click();
      await page.getByTestId('decision-accept').click();
      await page.getByTestId('decision-confirm').click();
      await feedback.waitFor();
      const verdict = (await feedback.getByTestId('feedback-verdict').innerText()).trim();
      assert.ok(['Right decision', 'Wrong decision'].includes(verdict), verdict);
      await shot(page, '82-preview-accept');

      // Back to the editor.
      await page.getByRole('link', { name: 'Back to the exercise editor' }).click();
      await h1(page, title).waitFor();
      await page.getByRole('button', { name: 'Save as new version' }).waitFor();
    },
  );

  await flow('instructor in Urdu: the preview right-to-left, at desk and phone width', async (page) => {
    await signIn(page, 'instructor1');
    await h1(page, 'My cohorts').waitFor();
    await openPreview(page);
    await page.getByRole('button', { name: 'اردو' }).click();
    await page.waitForFunction(() => document.documentElement.getAttribute('dir') === 'rtl');
    assert.deepEqual(await direction(page), { dir: 'rtl', lang: 'ur', computed: 'rtl' });
    await page.getByText('پیش منظر — کچھ محفوظ نہیں ہوتا').waitFor();
    await page.getByTestId('decision-accept').click();
    await page.getByTestId('decision-confirm').click();
    await page.getByTestId('preview-feedback').waitFor();
    await shot(page, '83-preview-ur');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(300);
    await fitsWidth(page);
    await shot(page, '84-preview-ur-390');
    await page.getByTestId('preview-again').click();
    await page.getByTestId('decision-refer').click();
    await fitsWidth(page);
    await shot(page, '85-preview-ur-390-refer');
    // Back to English (the choice is saved with the account, and other flows sign in as instructor1 too).
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByText('Preview — nothing is stored').waitFor();
  });
}

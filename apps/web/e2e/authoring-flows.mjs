// Browser flows of authoring: an instructor forges a synthetic document — previews it under every light with the
// truth outlined, forges it in the background, follows the job and opens the exercise it made.
import assert from 'node:assert/strict';

export async function authoringFlows({ flow, signIn, shot, h1, server }) {
  await flow(
    'instructor: forge a synthetic document — preview every light, forge it, open the exercise',
    async (page) => {
      await signIn(page, 'instructor1');
      await h1(page, 'My cohorts').waitFor();
      await page.getByRole('link', { name: 'Exercises' }).click();
      await page.getByRole('link', { name: 'Forge a document' }).click();
      await h1(page, 'Forge a synthetic document').waitFor();
      await page.getByLabel('Issuing state').selectOption('ARC');
      await page.getByLabel('Fraud type').selectOption('forged:data-alteration');
      await page.getByLabel('Forgery operation').selectOption('tamper-mrz');
      await page.getByLabel('Field changed').selectOption('dateOfBirth');
      await page.getByLabel('Seed').fill('2718');
      await page.getByRole('button', { name: 'Preview every light' }).click();
      const preview = page.getByTestId('forge-preview');
      await preview.waitFor({ timeout: 30_000 });
      const lights = await preview.locator('figcaption').allInnerTexts();
      for (const light of ['Visible', 'UV 365 nm', 'Infrared', 'Transmitted', 'Oblique'])
        assert.ok(
          lights.some((l) => l.includes(light)),
          `no ${light} preview in ${lights.join(' | ')}`,
        );
      // The truth is shown: the tampered field outlined where it shows, and explained.
      assert.ok((await preview.locator('polygon').count()) > 0, 'no true region outlined');
      await preview.getByText('Explanation').waitFor();
      await shot(page, '70-forge-preview');

      await page.getByRole('button', { name: 'Forge the exercise' }).click();
      await page.getByTestId('forge-job').waitFor();
      await shot(page, '71-forge-job');
      await page.getByText('The exercise is ready.').waitFor({ timeout: 90_000 });
      await page.getByRole('link', { name: 'Open the exercise' }).click();
      await page.waitForURL(/\/app\/exercises\/[0-9a-f-]{36}$/);
      // The editor opens on what the job made: its title, ready to edit as a new version.
      await h1(page, /^ARC TD3 — data alteration \(seed 2718\)/).waitFor();
      await page.getByRole('button', { name: 'Save as new version' }).waitFor();
      await shot(page, '73-forged-exercise-in-editor');
    },
  );

  await flow('instructor in Urdu: the forge screen right-to-left', async (page) => {
    await signIn(page, 'instructor1');
    await h1(page, 'My cohorts').waitFor();
    await page.goto(`${server.base}/app/exercises/forge`);
    await h1(page, 'Forge a synthetic document').waitFor();
    await page.getByRole('button', { name: 'اردو' }).click();
    await h1(page, 'مصنوعی دستاویز تیار کریں').waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
    await page.getByRole('button', { name: 'ہر روشنی میں پیش منظر' }).click();
    await page.getByTestId('forge-preview').waitFor({ timeout: 30_000 });
    await shot(page, '72-forge-preview-ur');
    await page.getByRole('button', { name: 'English' }).click();
    await h1(page, 'Forge a synthetic document').waitFor();
  });
}

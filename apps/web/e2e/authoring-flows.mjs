// Browser flows of authoring: an instructor forges a synthetic document — previews it under every light with the
// truth outlined, forges it in the background, follows the job and opens the exercise it made; and forges on a
// genuine specimen — draws the region over its portrait, substitutes it, puts the exercise into a new module,
// publishes and assigns it — and a trainee of the cohort then meets that document in My training.
import assert from 'node:assert/strict';

export async function authoringFlows({ flow, signIn, signOut, shot, h1, server }) {
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

  await flow(
    'instructor: forge on a specimen — draw over the portrait, substitute it, module, publish, assign; trainee meets it',
    async (page) => {
      const module = `Photo substitution check ${Date.now() % 100000}`;
      await signIn(page, 'instructor1');
      await h1(page, 'My cohorts').waitFor();
      await page.getByRole('link', { name: 'Exercises' }).click();
      await page.getByRole('link', { name: 'Forge on a specimen' }).click();
      await h1(page, 'Forge on a specimen').waitFor();
      await page.getByLabel('Specimen', { exact: true }).selectOption({ label: 'Utopia — passport (TD3) specimen' });
      await page.getByLabel('Side').waitFor();
      const canvas = page.getByTestId('polygon-canvas');
      await page.locator('[data-testid=polygon-canvas] image').waitFor();
      await page.getByRole('button', { name: 'Draw the region' }).click();
      // The portrait of the demo passport lies on the left of the data page.
      const box = await canvas.boundingBox();
      for (const [x, y] of [
        [0.07, 0.2],
        [0.27, 0.2],
        [0.27, 0.6],
        [0.07, 0.6],
      ])
        await canvas.click({ position: { x: box.width * x, y: box.height * y } });
      await page.getByRole('button', { name: 'Close shape' }).click();
      await page.getByText('Region drawn with 4 points.').waitFor();
      await page.getByLabel('Face of the substitute').selectOption('M');
      await page.getByLabel('Seed').fill('4242');
      await page.getByRole('checkbox', { name: /Show the annotated features/ }).check();
      await shot(page, '74-specimen-forge-region');
      await page.getByRole('button', { name: 'اردو' }).click();
      await h1(page, 'نمونے پر جعل سازی').waitFor();
      await shot(page, '74-specimen-forge-region-ur');
      await page.getByRole('button', { name: 'English' }).click();
      await h1(page, 'Forge on a specimen').waitFor();
      await page.getByRole('button', { name: 'Forge the exercise' }).click();
      await page.getByText('The exercise is ready.').waitFor({ timeout: 90_000 });
      await page.getByRole('link', { name: 'Open the exercise' }).click();
      await page.waitForURL(/\/app\/exercises\/[0-9a-f-]{36}$/);
      const title = 'Utopia — passport (TD3) specimen — photo substitution (seed 4242)';
      await h1(page, title).waitFor();
      // The truth: the drawn region with the portrait among its compromised features.
      await page.getByRole('checkbox', { name: 'Portrait', exact: true }).first().waitFor();
      assert.ok(await page.getByRole('checkbox', { name: 'Portrait', exact: true }).first().isChecked());
      await shot(page, '75-specimen-forged-exercise');

      // Previewed as the trainee will see it: refer it and mark the substituted portrait — full marks for the decision.
      await page.getByRole('link', { name: 'Preview as trainee' }).click();
      await page.waitForURL(/\/preview$/);
      await page.getByText('Preview — nothing is stored').waitFor();
      await page.getByTestId('decision-refer').click();
      const viewer = await page.getByTestId('document-viewer').boundingBox();
      await page.mouse.click(viewer.x + viewer.width * 0.2, viewer.y + viewer.height * 0.45);
      await page.getByTestId('suspect-marker').first().waitFor();
      await page
        .getByRole('group', { name: 'What kind of fraud is it?' })
        .getByRole('radio', { name: /photo substitution/i })
        .check();
      await page.getByTestId('decision-confirm').click();
      const feedback = page.getByTestId('preview-feedback');
      await feedback.waitFor();
      assert.equal((await feedback.getByTestId('feedback-verdict').innerText()).trim(), 'Right decision');
      await page.evaluate(() => window.scrollTo(0, 0)); // a full-page capture while scrolled draws the top bar mid-page
      await shot(page, '75-specimen-forgery-preview');
      await page.getByRole('link', { name: 'Back to the exercise editor' }).click();
      await h1(page, title).waitFor();

      // Into a new practice module, published and assigned to the instructor's cohort.
      await page.goto(`${server.base}/app/modules/new`);
      await h1(page, 'New module').waitFor();
      await page.getByRole('textbox', { name: /^Title/ }).fill(module);
      await page.getByLabel('Search exercises').fill('seed 4242');
      await page.getByRole('checkbox', { name: `Include ${title}` }).check();
      await page.getByRole('button', { name: 'Create draft' }).click();
      await h1(page, module).waitFor();
      await page.getByRole('button', { name: 'Publish' }).click();
      await page.getByText('Version 1 published', { exact: true }).waitFor();
      await page.getByRole('button', { name: 'Assign' }).click();
      const assign = page.getByRole('dialog');
      const cohort = assign.getByLabel('Cohort');
      await cohort.selectOption(
        await cohort.locator('option', { hasText: 'Islamabad Intake 2026-A' }).getAttribute('value'),
      );
      await assign.getByRole('button', { name: 'Assign' }).click();
      await page.getByRole('table', { name: 'Assignments' }).getByText('Islamabad Intake 2026-A').waitFor();
      await shot(page, '76-specimen-forged-module-assigned');
      await signOut(page);

      // A trainee of that cohort meets the forged document in My training.
      await signIn(page, 'trainee01');
      const assignment = page.getByTestId('assignment').filter({ hasText: module });
      await assignment.waitFor();
      await assignment.getByTestId('start-attempt').click();
      const image = page.locator('img[src*="/api/media/s/"]').first();
      await image.waitFor();
      assert.ok(await image.evaluate((img) => img.complete && img.naturalWidth > 0), 'the document image loads');
      await shot(page, '77-trainee-meets-specimen-forgery');
    },
  );
}

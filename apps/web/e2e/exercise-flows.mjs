// Browser flows of the exercise library and editor: an instructor filters the library, opens an exercise, draws a
// tampered region on the document image, saves a new version, duplicates the exercise and retires the copy; the
// same screens in Urdu and at phone width. Every screenshot is also an axe check (run.mjs).
import assert from 'node:assert/strict';

export async function exerciseFlows({ flow, signIn, shot: capture, h1, direction }) {
  // A full-page capture taken while scrolled draws the sticky top bar mid-page: capture from the top.
  const shot = async (page, file) => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await capture(page, file);
  };
  /** At phone width nothing may push the page sideways (a wide table scrolls inside its own box). */
  const fitsWidth = async (page) => {
    const wide = await page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      if (document.documentElement.scrollWidth <= width) return [];
      return [...document.querySelectorAll('body *')]
        .filter((el) => {
          const r = el.getBoundingClientRect();
          return r.width > 0 && (r.right > width + 1 || r.left < -1);
        })
        .slice(0, 8)
        .map(
          (el) =>
            `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} ${Math.round(el.getBoundingClientRect().left)}..${Math.round(el.getBoundingClientRect().right)}`,
        );
    });
    assert.deepEqual(wide, [], 'elements wider than the screen');
  };
  // The table's name is translated: find it by its place.
  const rows = (page) => page.locator('.fl-table tbody tr');

  await flow(
    'instructor: exercise library — filter, open, draw a region, save a new version, duplicate, retire',
    async (page) => {
      await signIn(page, 'instructor1');
      await page.getByRole('link', { name: 'Exercises' }).click();
      await h1(page, 'Exercise library').waitFor();
      await rows(page).first().waitFor();
      await shot(page, '60-exercise-library');

      // Filter by document type, then by the fraud type of the first row: every row left matches both.
      await page.getByLabel('Document type').selectOption('TD3');
      await page.waitForFunction(() =>
        [...document.querySelectorAll('table tbody tr')].every((tr) => tr.textContent.includes('TD3')),
      );
      const fraud = (await rows(page).first().locator('.fl-badge').first().innerText()).trim();
      await page.getByLabel('Fraud type').selectOption({ label: fraud });
      await page.waitForFunction(
        (label) =>
          [...document.querySelectorAll('table tbody tr')].every(
            (tr) => tr.querySelector('.fl-badge')?.textContent === label,
          ),
        fraud,
      );
      const link = rows(page).first().getByRole('link');
      const title = (await link.innerText()).trim();
      await link.click();

      // The editor: the heading is the exercise's title.
      await h1(page, title).waitFor();
      const save = page.getByRole('button', { name: 'Save as new version' });
      assert.equal(await save.isDisabled(), true, 'nothing to save before a change');
      const regionsBefore = await page.getByRole('group', { name: /^Region \d+/ }).count();
      await page.getByRole('button', { name: 'Draw a region' }).click();
      const canvas = page.getByTestId('polygon-canvas');
      await page.locator('[data-testid=polygon-canvas] image').waitFor();
      const box = await canvas.boundingBox();
      for (const [x, y] of [
        [0.6, 0.3],
        [0.8, 0.3],
        [0.8, 0.45],
        [0.6, 0.45],
      ])
        await canvas.click({ position: { x: box.width * x, y: box.height * y } });
      await page.getByRole('button', { name: 'Close shape' }).click();
      const region = page.getByRole('group', { name: new RegExp(`^Region ${regionsBefore + 1}`) });
      await region.getByText('4 corners').waitFor();
      await region.getByLabel('Compromised features').selectOption('viz-data');
      await region.getByRole('checkbox', { name: 'UV 365 nm' }).check();
      await region.getByLabel('Note').fill('Date of birth retyped over an erased field.');
      await shot(page, '61-exercise-editor');
      await save.click();
      const saved = page.getByText(/^Saved( as version \d+\.|\. Version \d+ was changed in place)/);
      await saved.waitFor();
      const version = Number((await saved.innerText()).match(/\d+/)[0]);
      await page.getByText(`Version ${version}`, { exact: true }).waitFor();
      assert.equal(await page.getByRole('group', { name: /^Region \d+/ }).count(), regionsBefore + 1);

      // Reload: the region is stored.
      await page.reload();
      await h1(page, title).waitFor();
      await page.getByRole('group', { name: new RegExp(`^Region ${regionsBefore + 1}`) }).waitFor();

      // Duplicate from the library: the copy opens in the editor.
      await page.getByRole('link', { name: 'Back to the exercise library' }).click();
      await h1(page, 'Exercise library').waitFor();
      await page.getByRole('searchbox', { name: 'Search title, state or tag' }).fill(title);
      await page.getByRole('button', { name: `Duplicate ${title}` }).click();
      await h1(page, `${title} (copy)`).waitFor();
      await page.getByText('Version 1', { exact: true }).waitFor();
      await page.getByText('No module uses this exercise yet.').waitFor();

      // Retire the copy: it leaves the list, and comes back with "Show retired".
      await page.getByRole('link', { name: 'Back to the exercise library' }).click();
      await h1(page, 'Exercise library').waitFor();
      await page.getByRole('searchbox', { name: 'Search title, state or tag' }).fill(`${title} (copy)`);
      await page.getByRole('button', { name: `Retire ${title} (copy)` }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByText(/cannot be added to a new module version/).waitFor();
      await shot(page, '62-exercise-retire');
      await dialog.getByRole('button', { name: 'Retire' }).click();
      await page.getByText('No exercises match').waitFor();
      await page.getByRole('checkbox', { name: 'Show retired' }).check();
      await rows(page).first().getByText('Retired').waitFor();
      await page.getByRole('button', { name: `Restore ${title} (copy)` }).waitFor();
      await shot(page, '63-exercise-library-retired');
    },
  );

  await flow('instructor in Urdu: exercise library and editor right-to-left, at desk and phone width', async (page) => {
    await signIn(page, 'instructor1');
    await page.getByRole('link', { name: 'Exercises' }).click();
    await h1(page, 'Exercise library').waitFor();
    await rows(page).first().waitFor();
    await page.setViewportSize({ width: 390, height: 844 });
    await fitsWidth(page);
    await shot(page, '64-exercise-library-390');
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByRole('button', { name: 'اردو' }).click();
    await page.waitForFunction(() => document.documentElement.getAttribute('dir') === 'rtl');
    assert.deepEqual(await direction(page), { dir: 'rtl', lang: 'ur', computed: 'rtl' });
    await h1(page, 'مشقوں کی لائبریری').waitFor();
    await shot(page, '65-exercise-library-ur');
    await page.setViewportSize({ width: 390, height: 844 });
    await fitsWidth(page);
    await shot(page, '66-exercise-library-ur-390');
    await page.setViewportSize({ width: 1280, height: 800 });

    const link = rows(page).first().getByRole('link');
    const title = (await link.innerText()).trim();
    await link.click();
    await h1(page, title).waitFor();
    await page.getByRole('button', { name: 'نئے ورژن کے طور پر محفوظ کریں' }).waitFor();
    await page.locator('[data-testid=polygon-canvas] image').waitFor();
    await shot(page, '67-exercise-editor-ur');
    await page.setViewportSize({ width: 390, height: 844 });
    await fitsWidth(page);
    await shot(page, '68-exercise-editor-ur-390');
    // Back to English (the choice is saved with the account, and other flows sign in as instructor1 too).
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByRole('button', { name: 'English' }).click();
    await page.waitForFunction(() => document.documentElement.getAttribute('dir') === 'ltr');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('button', { name: 'Save as new version' }).waitFor();
    await fitsWidth(page);
    await shot(page, '69-exercise-editor-390');
  });
}

// Browser flows of "Upload your own": an instructor photographs a seized document (here: images drawn with sharp),
// uploads its data page under two desk lights, follows each upload to ready, continues to the editor and draws the
// tampered region there.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

// sharp belongs to the API (the one place that encodes images); the test only draws two photographs with it.
const sharp = createRequire(import.meta.url)('sharp');

/** A passport data page "photographed" under a light: a pale page with a portrait box and text lines. */
async function photograph(background, ink) {
  const width = 1250;
  const height = 880;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <rect width="100%" height="100%" fill="${background}"/>
    <rect x="70" y="180" width="300" height="390" fill="${ink}" opacity="0.35"/>
    ${[220, 290, 360, 430, 500].map((y) => `<rect x="440" y="${y}" width="560" height="26" fill="${ink}" opacity="0.6"/>`).join('')}
    <rect x="60" y="700" width="1130" height="40" fill="${ink}" opacity="0.7"/>
    <rect x="60" y="760" width="1130" height="40" fill="${ink}" opacity="0.7"/>
  </svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer();
}

export async function uploadFlows({ flow, signIn, shot: capture, h1, server }) {
  const shot = async (page, file) => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await capture(page, file);
  };

  await flow(
    'instructor: upload photographs of a seized document under two lights, continue to the editor, draw a region',
    async (page) => {
      const title = `UTO TD3 — seized at the desk ${Date.now()}`;
      await signIn(page, 'instructor1');
      await page.getByRole('link', { name: 'Exercises' }).click();
      await h1(page, 'Exercise library').waitFor();
      await page.getByRole('link', { name: 'Upload photographs' }).click();
      await h1(page, 'Upload photographs of a document').waitFor();

      await page.getByLabel('Title').fill(title);
      await page.getByLabel('Fraud type').selectOption('forged:photo-substitution');
      await page.getByLabel(/^Explanation/).fill('The portrait was replaced and a new laminate applied over it.');
      // Nothing uploaded yet: the page says so instead of creating anything.
      await page.getByRole('button', { name: 'Continue to the editor' }).click();
      await page.getByText('Upload at least one photograph.').waitFor();

      const visible = page.getByTestId('upload-data-page-visible');
      const uv = page.getByTestId('upload-data-page-uv365');
      await visible
        .getByLabel('Choose a photograph for Data page · Visible')
        .setInputFiles({ name: 'visible.jpg', mimeType: 'image/jpeg', buffer: await photograph('#efe8d6', '#3a3a3a') });
      await uv
        .getByLabel('Choose a photograph for Data page · UV 365 nm')
        .setInputFiles({ name: 'uv.jpg', mimeType: 'image/jpeg', buffer: await photograph('#1c1b4a', '#8fd3ff') });
      // A file that is not an image is refused in words and leaves the cell empty.
      await page
        .getByTestId('upload-data-page-ir')
        .getByLabel('Choose a photograph for Data page · Infrared')
        .setInputFiles({ name: 'scan.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('%PDF-1.7\n%%EOF\n') });
      await page
        .getByTestId('upload-data-page-ir')
        .getByText(/PDF files are not accepted/)
        .waitFor();

      await visible.getByText('Ready').waitFor({ timeout: 60_000 });
      await uv.getByText('Ready').waitFor({ timeout: 60_000 });
      await visible.getByText('1250 × 880').waitFor();
      await shot(page, '80-upload-photographs');

      await page.getByRole('button', { name: 'Continue to the editor' }).click();
      await page.waitForURL(/\/app\/exercises\/[0-9a-f-]{36}$/);
      await h1(page, title).waitFor();
      // No region yet: saved, with a warning.
      await page.getByText(/A forged or counterfeit document with no tampered region/).waitFor();

      await page.getByRole('button', { name: 'Draw a region' }).click();
      const canvas = page.getByTestId('polygon-canvas');
      await page.locator('[data-testid=polygon-canvas] image').waitFor();
      const box = await canvas.boundingBox();
      for (const [x, y] of [
        [0.05, 0.2],
        [0.3, 0.2],
        [0.3, 0.65],
        [0.05, 0.65],
      ])
        await canvas.click({ position: { x: box.width * x, y: box.height * y } });
      await page.getByRole('button', { name: 'Close shape' }).click();
      const region = page.getByRole('group', { name: /^Region 1/ });
      await region.getByText('4 corners').waitFor();
      await region.getByLabel('Compromised features').selectOption('portrait');
      await region.getByRole('checkbox', { name: 'UV 365 nm' }).check();
      await page.getByRole('button', { name: /^Save/ }).click();
      await page.getByText(/^Saved( as version \d+\.|\. Version \d+ was changed in place)/).waitFor();
      assert.equal(
        await page.getByText(/A forged or counterfeit document with no tampered region/).count(),
        0,
        'the warning stays after the region is saved',
      );
      await page.reload();
      await h1(page, title).waitFor();
      await page.getByRole('group', { name: /^Region 1/ }).waitFor();
      await shot(page, '81-uploaded-exercise-region');
    },
  );

  await flow('instructor in Urdu: the upload page right-to-left', async (page) => {
    await signIn(page, 'instructor1');
    await h1(page, 'My cohorts').waitFor();
    await page.goto(`${server.base}/app/exercises/upload`);
    await h1(page, 'Upload photographs of a document').waitFor();
    await page.getByRole('button', { name: 'اردو' }).click();
    await h1(page, 'کسی دستاویز کی تصاویر اپ لوڈ کریں').waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
    await page.getByRole('button', { name: 'ایڈیٹر میں جاری رکھیں' }).click();
    await page.getByText('کم از کم ایک تصویر اپ لوڈ کریں۔').waitFor();
    await shot(page, '82-upload-photographs-ur');
    await page.getByRole('button', { name: 'English' }).click();
    await h1(page, 'Upload photographs of a document').waitFor();
  });
}

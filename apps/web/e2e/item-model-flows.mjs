// Browser flow of item models: the demo's certification is built from item models. The instructor reads them in the
// module editor and, on the module page, how each officer's own documents are being generated — in English and
// right-to-left in Urdu. The flows' server generates no documents (ITEM_MODEL_GENERATION=false: rendering hundreds of
// them would compete with every other flow for the CPU), so a trainee who presses Start is told, in their language,
// that their own documents are still being generated, and nothing is started. Generation itself is the API suite's
// (apps/api/test/item-models.e2e-spec.ts).
import assert from 'node:assert/strict';

const CERTIFICATION = 'First-line certification — your own documents';

export async function itemModelFlows({ flow, signIn, shot, h1, direction }) {
  await flow(
    'instructor: the certification’s item models, and each officer’s own documents on the module page',
    async (page) => {
      await signIn(page, 'instructor1');
      await page.getByRole('link', { name: 'Modules' }).click();
      await page.getByRole('link', { name: CERTIFICATION }).click();
      await h1(page, CERTIFICATION).waitFor();

      const card = page.getByTestId('module-item-models');
      await card.waitFor();
      const models = card.getByTestId('item-model-generation');
      assert.equal(await models.count(), 8, 'the eight demo item models');
      // The officers of Islamabad Intake 2026-A (twelve seeded, one more once the import flow has run): one document
      // each per model, plus the spares.
      await card
        .getByText(/one for each of the 1[23] officers of the open assignments, plus 2 spare per model/)
        .waitFor();
      const first = await models.first().innerText();
      assert.match(first, /0 waiting · 0 being generated · 0 used/, first);
      await card.scrollIntoViewIfNeeded();
      await shot(page, '98-module-item-models');

      await page.getByRole('button', { name: 'اردو' }).click();
      await page.waitForFunction(() => document.documentElement.getAttribute('dir') === 'rtl');
      assert.equal((await direction(page)).computed, 'rtl');
      await card.scrollIntoViewIfNeeded();
      await shot(page, '99-module-item-models-ur');
      await page.getByRole('button', { name: 'English' }).click();
      await page.waitForFunction(() => document.documentElement.getAttribute('dir') === 'ltr');
    },
  );

  await flow(
    'trainee: Start before their own documents exist — told so in English and Urdu, nothing started',
    async (page) => {
      await signIn(page, 'trainee14');
      const row = page.getByTestId('assignment').filter({ hasText: CERTIFICATION });
      await row.getByTestId('start-attempt').click();
      await page
        .getByText(/^Your own documents for this assessment are still being generated \(0 of its 8 item models have/)
        .waitFor();
      assert.doesNotMatch(new URL(page.url()).pathname, /\/attempts\//, 'no attempt was opened');
      await shot(page, '100-certification-preparing');

      await page.getByRole('button', { name: 'اردو' }).click();
      await page.waitForFunction(() => document.documentElement.getAttribute('dir') === 'rtl');
      await row.getByTestId('start-attempt').click();
      await page.getByText(/^اس جانچ کے لیے آپ کی اپنی دستاویزات ابھی تیار ہو رہی ہیں/).waitFor();
      await shot(page, '101-certification-preparing-ur');
      await page.getByRole('button', { name: 'English' }).click();
    },
  );
}

// Ad-hoc: walk the running app as users do and save screenshots to /tmp/user (not part of the suites).
import { chromium } from 'playwright-core';
const base = process.argv[2];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox'] });
const shot = (p, n) => p.screenshot({ path: `/tmp/user/${n}.png`, fullPage: true });
const errors = [];
async function as(user, fn, viewport = { width: 1366, height: 768 }) {
  const ctx = await browser.newContext({ viewport });
  const page = await ctx.newPage();
  page.on('pageerror', (e) => errors.push(`${user}: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && !/status of 40[0149]/.test(m.text()) && errors.push(`${user}: ${m.text()}`));
  await page.goto(`${base}/login`);
  await page.getByLabel('Username').fill(user);
  await page.getByLabel('Password', { exact: true }).fill('firstline-demo');
  await page.getByRole('button', { name: /Sign in|سائن ان/ }).click();
  await page.waitForLoadState('networkidle');
  await fn(page);
  await ctx.close();
}
await as('trainee02', async (p) => {
  await p.getByTestId('assignment').first().waitFor();
  await shot(p, 'a-training');
  await p.getByTestId('assignment').filter({ hasText: 'Timed assessment' }).getByTestId('start-attempt').click().catch(() => p.getByTestId('start-attempt').nth(1).click());
  await p.getByTestId('document-viewer').locator('canvas').waitFor();
  await p.waitForTimeout(1500);
  await shot(p, 'b-assessment-player');
  await p.keyboard.press('4');
  await p.waitForTimeout(800);
  await shot(p, 'c-uv');
  await p.keyboard.press('a');
  await p.keyboard.press('a');
  await p.waitForTimeout(1500);
  await shot(p, 'd-next-item');
});
await as('instructor1', async (p) => {
  await p.waitForTimeout(1000);
  await shot(p, 'e-instructor-landing');
  await p.goto(`${base}/app/library`);
  await p.waitForLoadState('networkidle');
  await shot(p, 'f-library');
});
await as('supervisor1', async (p) => {
  await p.waitForTimeout(1000);
  await shot(p, 'g-supervisor');
});
console.log(errors.length ? errors.join('\n') : 'no page errors');
await browser.close();

#!/usr/bin/env node
// Browser end-to-end flows against a fresh FirstLine server (built API + built web app), in Debian's Chromium.
// Saves a screenshot of every screen to e2e/screenshots/. Prints "e2e: N passed, M failed" and exits non-zero on
// failure.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { authoringFlows } from './authoring-flows.mjs';
import { examDayFlows } from './exam-day-flows.mjs';
import { exerciseFlows } from './exercise-flows.mjs';
import { exposureFlows } from './exposure-flows.mjs';
import { itemAnalysisFlows } from './item-analysis-flows.mjs';
import { itemModelFlows } from './item-model-flows.mjs';
import { previewFlows } from './preview-flows.mjs';
import { reportsFlows } from './reports-flows.mjs';
import { startServer } from './server.mjs';
import { uploadFlows } from './upload-flows.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SHOTS = path.join(HERE, 'screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const PASSWORD = 'firstline-demo';
const WAIT = 15_000;
const only = process.argv.slice(2);

fs.rmSync(SHOTS, { recursive: true, force: true });
fs.mkdirSync(SHOTS, { recursive: true });

const results = [];
let server;
let browser;

/** One flow in its own browser context (own cookies). Page errors and contract drift warnings fail it. */
async function flow(name, fn, { viewport = { width: 1280, height: 800 }, hasTouch = false } = {}) {
  if (only.length && !only.some((o) => name.includes(o))) return;
  const context = await browser.newContext({ viewport, hasTouch, locale: 'en-GB', timezoneId: 'Asia/Karachi' });
  context.setDefaultTimeout(WAIT);
  // A production build checks responses against the contracts only when asked (see `contract` in api-client.ts).
  await context.addInitScript(() => localStorage.setItem('firstline.checkContracts', '1'));
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  if (process.env.E2E_TRACE) {
    page.on(
      'response',
      (r) =>
        r.url().includes('/api/') &&
        !r.url().includes('/media/') &&
        console.log(`    ${r.status()} ${r.request().method()} ${r.url().replace(/^https?:\/\/[^/]+/, '')}`),
    );
    page.on('requestfailed', (r) =>
      console.log(`    FAILED ${r.method()} ${r.url().slice(0, 120)} ${r.failure()?.errorText}`),
    );
  }
  page.on('console', (msg) => {
    const text = msg.text();
    if (text.includes('does not match its contract')) problems.push(`contract drift: ${text}`);
    // Expected: 4xx the flows provoke, and the dropped connection the offline flow simulates.
    else if (msg.type() === 'error' && !/status of (401|400|404|409|415|429)|net::ERR_INTERNET_DISCONNECTED/.test(text))
      problems.push(`console error: ${text}`);
  });
  const started = Date.now();
  try {
    await fn(page, context);
    assert.deepEqual(problems, [], 'the page reported problems');
    results.push({ name, ok: true });
    console.log(`  ✓ ${name} (${Date.now() - started} ms)`);
  } catch (err) {
    results.push({ name, ok: false });
    console.log(
      `  ✗ ${name}\n    ${String(err?.stack ?? err)
        .split('\n')
        .slice(0, 6)
        .join('\n    ')}`,
    );
    if (problems.length) console.log(`    problems: ${problems.join('\n      ')}`);
    await page
      .screenshot({ path: path.join(SHOTS, `FAILED-${name.replace(/\W+/g, '-')}.png`), fullPage: true })
      .catch(() => {});
  } finally {
    await context.close();
  }
}

/**
 * Whole page, or only the viewport when a modal dialog is open (a fixed backdrop does not extend in a full-page
 * capture).
 */
const shot = async (page, file) => {
  const modal = await page.locator('[role=dialog][aria-modal=true]').count();
  await page.evaluate(() => document.fonts.ready);
  if (modal) await page.waitForTimeout(250); // let the backdrop's fade-in finish
  await page.screenshot({ path: path.join(SHOTS, `${file}.png`), fullPage: modal === 0 });
  await audit(page, file);
};

/**
 * Every screen that gets a screenshot is also checked with axe-core against WCAG 2.1 A and AA (contrast, names,
 * labels, ARIA, language, …); a violation fails the flow, naming the rule and the elements.
 */
const AXE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
async function audit(page, file) {
  // Evaluated through the DevTools protocol: the app's Content-Security-Policy rightly refuses inline scripts.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    });
    return result.violations.map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(' | ')}${v.nodes.length > 3 ? ` (+${v.nodes.length - 3})` : ''}`,
    );
  });
  assert.deepEqual(violations, [], `accessibility (WCAG 2.1 AA) on ${file}`);
}
const h1 = (page, name) => page.getByRole('heading', { level: 1, name });

async function signIn(page, username, password = PASSWORD) {
  await page.goto(`${server.base}/login`);
  await h1(page, 'Sign in').waitFor();
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

async function signOut(page, label = 'Sign out', heading = 'Sign in') {
  await page.getByRole('button', { name: label }).click();
  await h1(page, heading).waitFor();
  assert.match(new URL(page.url()).pathname, /^\/login/);
}

async function direction(page) {
  return page.evaluate(() => ({
    dir: document.documentElement.getAttribute('dir'),
    lang: document.documentElement.getAttribute('lang'),
    computed: getComputedStyle(document.body).direction,
  }));
}

async function main() {
  if (!fs.existsSync(CHROMIUM))
    throw new Error(`Chromium not found at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);
  server = await startServer();
  console.log(`e2e: FirstLine at ${server.base} on ${server.database}`);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });

  await flow('login page: product, purpose, and a wrong password gets one neutral message', async (page) => {
    await page.goto(`${server.base}/`);
    await h1(page, 'Sign in').waitFor();
    assert.match(new URL(page.url()).pathname, /^\/login/);
    await page.getByText('Document-security training for the first line').waitFor();
    await shot(page, '01-login');
    await page.setViewportSize({ width: 1024, height: 768 });
    await shot(page, '01-login-1024');

    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Enter your username').waitFor();
    await page.getByLabel('Username').fill('admin');
    await page.getByLabel('Password', { exact: true }).fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    assert.match(await alert.innerText(), /The username or password is incorrect/);
    assert.equal(await page.getByLabel('Password', { exact: true }).inputValue(), '');
    await shot(page, '02-login-error');
    const stored = await page.evaluate(
      () => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }),
    );
    assert.doesNotMatch(stored, /eyJ/, 'no token in web storage');
  });

  await flow('admin: users (search, filter, create), units, audit log, sign out', async (page) => {
    await signIn(page, 'admin');
    await h1(page, 'Users').waitFor();
    assert.equal(new URL(page.url()).pathname, '/app/admin/users');
    const table = page.getByRole('table', { name: 'Users' });
    await table.getByText('Insp. Saadia Karim').waitFor();
    const current = page.getByTestId('current-user');
    assert.match(await current.innerText(), /Platform Administrator[\s\S]*Administrator/);
    await shot(page, '03-admin-users');

    await page.getByLabel('Role').selectOption('instructor');
    await page.waitForFunction(() => document.querySelectorAll('table tbody tr').length === 2);
    await page.getByLabel('Role').selectOption('');
    await page.getByRole('searchbox', { name: 'Search users' }).fill('trainee0');
    await page.waitForFunction(() => document.querySelectorAll('table tbody tr').length === 9);
    await page.getByRole('searchbox', { name: 'Search users' }).fill('');

    await page.getByRole('button', { name: 'New user' }).click();
    const dialog = page.getByRole('dialog', { name: 'New user' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'New user' }).click();
    await dialog.getByText("Enter the user's name").waitFor();
    await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill('Sgt. Kamran Aslam');
    await dialog.getByRole('textbox', { name: 'Username', exact: true }).fill('kamran.aslam');
    await dialog
      .getByRole('combobox', { name: 'Unit', exact: true })
      .selectOption({ label: 'Islamabad International Airport — Immigration (ISB-IMM)' });
    await dialog.getByRole('textbox', { name: 'Service number', exact: true }).fill('FIA-20999');
    await dialog.getByRole('textbox', { name: 'Initial password', exact: true }).fill('welcome-to-firstline');
    await shot(page, '04-admin-new-user');
    await dialog.getByRole('button', { name: 'New user' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('searchbox', { name: 'Search users' }).fill('kamran');
    await table.getByText('Sgt. Kamran Aslam').waitFor();

    await page.getByRole('button', { name: 'Edit Sgt. Kamran Aslam' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit Sgt. Kamran Aslam' });
    await edit.getByRole('combobox', { name: 'Role', exact: true }).selectOption('instructor');
    await edit.getByRole('checkbox', { name: 'Account is active', exact: true }).uncheck();
    await shot(page, '04-admin-edit-user');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await edit.waitFor({ state: 'detached' });
    const row = table.getByRole('row').filter({ hasText: 'Sgt. Kamran Aslam' });
    await row.getByText('Deactivated').waitFor();
    await row.getByText('Instructor').waitFor();

    await page.getByRole('link', { name: 'Units' }).click();
    await h1(page, 'Units').waitFor();
    await page.getByRole('table', { name: 'Units' }).getByText('LHE-IMM').waitFor();
    await page.getByRole('button', { name: 'New unit' }).click();
    const unitDialog = page.getByRole('dialog', { name: 'New unit' });
    await unitDialog
      .getByRole('textbox', { name: 'Unit name', exact: true })
      .fill('Karachi Jinnah International Airport — Immigration');
    await unitDialog.getByRole('textbox', { name: 'Code', exact: true }).fill('khi-imm');
    await unitDialog.getByRole('button', { name: 'New unit' }).click();
    await unitDialog.waitFor({ state: 'detached' });
    await page.getByRole('table', { name: 'Units' }).getByText('KHI-IMM').waitFor();
    await shot(page, '05-admin-units');

    await page.getByRole('link', { name: 'Audit log' }).click();
    await h1(page, 'Audit log').waitFor();
    await page.getByRole('table', { name: 'Audit log' }).getByText('unit.create').first().waitFor();
    await shot(page, '06-admin-audit');

    await signOut(page);
    await page.goto(`${server.base}/app/admin/users`);
    await h1(page, 'Sign in').waitFor();
  });

  await flow('instructor: CSV import with a per-row error report, new cohort, add and remove members', async (page) => {
    await signIn(page, 'instructor1');
    await h1(page, 'My cohorts').waitFor();
    assert.equal(new URL(page.url()).pathname, '/app/cohorts');
    await page.getByRole('link', { name: 'Islamabad Intake 2026-A' }).waitFor();
    await shot(page, '08-instructor-cohorts');

    await page.getByRole('link', { name: 'Import trainees' }).click();
    await h1(page, 'Import trainees').waitFor();
    const bad = [
      'service_number,name,unit,cohort,language',
      'FIA-30001,Constable Adeel Shah,ISB-IMM,Islamabad Intake 2026-A,ur',
      'FIA-30002,,ISB-IMM,,en',
      'FIA-30003,Constable Mehwish Ali,LHE-IMM,,fr',
      'FIA-30001,Constable Duplicate,ISB-IMM,,en',
    ].join('\n');
    await page.setInputFiles('#import-file', { name: 'intake.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
    await page.getByRole('button', { name: 'Check and import' }).click();
    const errors = page.getByRole('table', { name: 'Problems found in the file' });
    await errors.waitFor();
    const cells = await errors
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent.trim())));
    assert.ok(cells.length >= 3, `expected at least 3 problems, got ${JSON.stringify(cells)}`);
    assert.ok(
      cells.some(([row, col]) => row === '3' && col === 'name'),
      'row 3 has no name',
    );
    assert.ok(
      cells.some(([row, col]) => row === '4' && col === 'language'),
      'row 4 has a bad language',
    );
    assert.ok(
      cells.some(([row, col]) => row === '5' && col === 'service_number'),
      'row 5 repeats a service number',
    );
    await page.getByText('The file was not imported').first().waitFor();
    await shot(page, '09-instructor-import-errors');

    const good = [
      'service_number,name,unit,cohort,language',
      'FIA-30001,Constable Adeel Shah,ISB-IMM,Islamabad Intake 2026-A,ur',
      'FIA-30002,Constable Rabia Noor,ISB-IMM,,en',
    ].join('\n');
    await page.setInputFiles('#import-file', { name: 'intake.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
    await page.getByRole('button', { name: 'Check and import' }).click();
    await page.getByText('2 trainee accounts created').waitFor();
    await page.getByRole('table', { name: 'Accounts created' }).getByText('fia-30001', { exact: true }).waitFor();
    await shot(page, '10-instructor-import-done');

    await page.getByRole('link', { name: 'My cohorts' }).click();
    await h1(page, 'My cohorts').waitFor();
    const intakeA = page.getByRole('row').filter({ hasText: 'Islamabad Intake 2026-A' });
    await intakeA.getByText('13', { exact: true }).waitFor(); // 12 seeded + the imported FIA-30001
    await page.getByRole('button', { name: 'New cohort' }).click();
    const create = page.getByRole('dialog', { name: 'New cohort' });
    await create.getByRole('textbox', { name: 'Cohort name', exact: true }).fill('Islamabad Intake 2027-A');
    await create.getByLabel('Start date').fill('2027-01-10');
    await create.getByLabel('End date').fill('2027-03-26');
    await shot(page, '11-instructor-new-cohort');
    await create.getByRole('button', { name: 'New cohort' }).click();
    await h1(page, 'Islamabad Intake 2027-A').waitFor();
    await page.getByText('No members yet').waitFor();
    await shot(page, '12-instructor-cohort-empty');

    await page.getByRole('button', { name: 'Add trainees' }).first().click();
    const add = page.getByRole('dialog');
    await add.getByRole('checkbox', { name: /Constable Rabia Noor/ }).check();
    await add.getByRole('checkbox', { name: /Constable Adeel Shah/ }).check();
    await shot(page, '13-instructor-add-members');
    await add.getByRole('button', { name: 'Add 2 trainees' }).click();
    await add.waitFor({ state: 'detached' });
    const members = page.getByRole('table', { name: 'Members' });
    await members.getByText('Constable Rabia Noor').waitFor();
    await members.getByText('Constable Adeel Shah').waitFor();
    await page.getByText('2 members').waitFor();
    await shot(page, '14-instructor-cohort');

    await page.getByRole('button', { name: 'Remove Constable Adeel Shah from the cohort' }).click();
    const confirm = page.getByRole('dialog', { name: 'Remove from cohort?' });
    await shot(page, '15-instructor-remove-member');
    await confirm.getByRole('button', { name: 'Remove' }).click();
    await confirm.waitFor({ state: 'detached' });
    await page
      .locator('.fl-page-header')
      .getByText(/\b1 member\b/)
      .waitFor();
    assert.equal(await members.getByText('Constable Adeel Shah').count(), 0);

    await page.getByRole('link', { name: 'All cohorts' }).click();
    await page
      .getByRole('row')
      .filter({ hasText: 'Islamabad Intake 2027-A' })
      .getByText('1', { exact: true })
      .waitFor();
    await signOut(page);
  });

  await flow(
    'trainee: practice module — lights, loupe, a referral with points, practice feedback, results',
    async (page) => {
      await signIn(page, 'trainee01');
      await page.getByTestId('assignment').first().waitFor();
      assert.equal(new URL(page.url()).pathname, '/app/training');
      assert.equal(await page.getByTestId('assignment').count(), 4, 'four demo modules are assigned');
      await shot(page, '16-trainee-training');

      const practice = page.getByTestId('assignment').filter({ hasText: 'First-line document check — practice' });
      const tiles = [];
      page.on(
        'response',
        (r) => /\/image_files\/\d+\/\d+_\d+\.webp$/.test(r.url()) && r.status() === 200 && tiles.push(r.url()),
      );
      await practice.getByTestId('start-attempt').click();
      await page.getByTestId('document-viewer').waitFor();
      await page.waitForURL(/\/app\/attempts\/[0-9a-f-]+$/);
      const attemptId = new URL(page.url()).pathname.split('/').pop();
      await page.waitForTimeout(800); // tiles
      await shot(page, '17-player-visible');

      // The light switch keeps the document where it is; the loupe follows the pointer.
      const uv = page.getByTestId('light-uv365');
      assert.ok(await uv.count(), 'UV 365 is among the lights');
      assert.ok(tiles.length > 0, 'the viewer draws DeepZoom tiles');
      // The canvas shows the document: its centre is not the empty viewer background.
      const painted = await page.locator('[data-testid=document-viewer] canvas').evaluate((c) => {
        const [r, g, b] = c.getContext('2d').getImageData(c.width / 2, c.height / 2, 1, 1).data;
        return [r, g, b].join(',');
      });
      assert.notEqual(painted, '0,0,0', 'the document is painted on the canvas');
      await page.getByTestId('zoom-in').click();
      const seen = tiles.length;
      await uv.click();
      assert.equal(await uv.getAttribute('aria-pressed'), 'true');
      await page.waitForTimeout(800);
      assert.ok(tiles.length > seen, 'UV 365 has tiles of its own');
      await shot(page, '18-player-uv365');
      // Oblique light at another tilt angle: the OVD changes.
      await page.getByTestId('light-oblique').click();
      await page.getByTestId('tilt-3').click();
      assert.equal(await page.getByTestId('tilt-3').getAttribute('aria-pressed'), 'true');
      await page.waitForTimeout(800);
      await shot(page, '18-player-oblique-tilt-3');
      await page.getByTestId('light-visible').click();
      await page.getByTestId('loupe-toggle').click();
      const box = await page.getByTestId('document-viewer').boundingBox();
      await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.6, { steps: 3 });
      await page.getByTestId('loupe').waitFor();
      await page.waitForTimeout(600);
      await shot(page, '19-player-loupe');
      await page.getByTestId('loupe-toggle').click();
      // A 1024-px tablet and a wide screen: the document, its tools and the decision all fit.
      for (const [width, height] of [
        [1024, 768],
        [1920, 1080],
      ]) {
        await page.setViewportSize({ width, height });
        await page.waitForTimeout(400);
        const viewer = await page.getByTestId('document-viewer').boundingBox();
        const accept = await page.getByTestId('decision-accept').boundingBox();
        assert.ok(
          viewer.width >= width * 0.45 && viewer.x + viewer.width <= width,
          `the document fills its column at ${width} px`,
        );
        assert.ok(
          accept.x + accept.width <= width && accept.y + accept.height <= height,
          `Accept is on screen at ${width} × ${height}`,
        );
        await shot(page, `19-player-${width}`);
      }
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.waitForTimeout(400);

      // Item 1: refer, mark a suspect point, name a fraud type, confirm → practice feedback with the truth.
      await page.getByTestId('decision-refer').click();
      await page.mouse.click(box.x + box.width * 0.5, box.y + box.height * 0.5);
      await page.getByTestId('suspect-marker').first().waitFor();

      // The viewer moves the marker with the document: a drag carries it along (and places no new point); a wheel
      // zoom about a point beside it pushes it straight away from that point.
      const marker = page.getByTestId('suspect-marker').first();
      const centre = async () => {
        const b = await marker.boundingBox();
        return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
      };
      const m0 = await centre();
      await page.mouse.move(m0.x + 80, m0.y + 80);
      await page.mouse.down();
      await page.mouse.move(m0.x - 40, m0.y + 20, { steps: 6 });
      await page.mouse.up();
      await page.waitForTimeout(200);
      const m1 = await centre();
      assert.ok(
        Math.abs(m1.x - (m0.x - 120)) < 2 && Math.abs(m1.y - (m0.y - 60)) < 2,
        `a drag moves the document: ${JSON.stringify({ m0, m1 })}`,
      );
      assert.equal(await page.getByTestId('suspect-marker').count(), 1, 'a drag places no point');
      await page.mouse.move(m1.x + 60, m1.y);
      await page.mouse.wheel(0, -100);
      await page.waitForTimeout(200);
      const m2 = await centre();
      assert.ok(
        m2.x < m1.x - 5 && Math.abs(m2.y - m1.y) < 2,
        `a wheel zoom about a point keeps that point still: ${JSON.stringify({ m1, m2 })}`,
      );
      // Over the marker itself the wheel still zooms (about the marker, which therefore stays put).
      await page.mouse.move(m2.x, m2.y);
      const before = await page
        .getByTestId('document-viewer')
        .locator('canvas')
        .evaluate((c) => c.toDataURL().length);
      await page.mouse.wheel(0, 100);
      await page.waitForTimeout(300);
      const m3 = await centre();
      assert.ok(Math.hypot(m3.x - m2.x, m3.y - m2.y) < 2, 'zooming about the marker leaves it where it is');
      const after = await page
        .getByTestId('document-viewer')
        .locator('canvas')
        .evaluate((c) => c.toDataURL().length);
      assert.notEqual(after, before, 'the wheel over a marker zooms the document');
      await page.getByRole('radio').first().check();
      await page.getByTestId('decision-confirm').click();
      await page.getByTestId('feedback').waitFor();
      await page.getByTestId('feedback-verdict').waitFor();
      await shot(page, '20-player-feedback');
      await page.getByTestId('next-item').click();

      // The rest: accept, with the keyboard (A, then Enter to confirm, N for the next item).
      for (let n = 2; n <= 12; n++) {
        await page.locator(`[data-testid=quiz-item][data-item="${n}"]`).waitFor();
        await page.getByTestId('decision-accept').click();
        await page.getByTestId('decision-confirm').click();
        await page.getByTestId('feedback').waitFor();
        await page.getByTestId('next-item').click();
      }
      await page.getByTestId('finish-attempt').click();
      await page.waitForURL(new RegExp(`/app/attempts/${attemptId}/results$`));
      await page.getByTestId('attempt-score').waitFor();
      await page.getByTestId('decision-outcomes').waitFor();
      await shot(page, '21-trainee-results');

      await page.goto(`${server.base}/app/progress`);
      await page.getByTestId('progress-chart').waitFor();
      await shot(page, '22-trainee-progress');
    },
  );

  await flow(
    'trainee: offline mid-module, reload, back online — every answer arrives exactly once',
    async (page, context) => {
      await signIn(page, 'trainee02');
      const practice = page.getByTestId('assignment').filter({ hasText: 'First-line document check — practice' });
      const tiles = [];
      page.on(
        'response',
        (r) => /\/image_files\/\d+\/\d+_\d+\.webp$/.test(r.url()) && r.status() === 200 && tiles.push(r.url()),
      );
      await practice.getByTestId('start-attempt').click();
      await page.getByTestId('document-viewer').waitFor();
      const attemptId = new URL(page.url()).pathname.split('/').pop();
      await page.getByTestId('decision-accept').click();
      await page.getByTestId('decision-confirm').click();
      await page.getByTestId('feedback').waitFor();
      await page.getByTestId('next-item').click();
      await page.locator('[data-testid=quiz-item][data-item="2"]').waitFor();

      // The network to the exam API drops: the answer to item 2 waits in the outbox.
      const puts = [];
      page.on('request', (r) => r.method() === 'PUT' && r.url().includes('/response') && puts.push(r.url()));
      await context.route('**/api/attempts/**', (route) => route.abort('internetdisconnected'));
      await page.getByTestId('decision-refer').click();
      await page.getByRole('radio').first().check();
      await page.getByTestId('decision-confirm').click();
      await page.getByTestId('offline-banner').waitFor();
      assert.match(await page.getByTestId('offline-banner').innerText(), /1 answer/);
      await shot(page, '23-player-offline');

      // A reload while still offline loses nothing.
      await page.reload();
      await page.getByTestId('offline-banner').waitFor();
      await shot(page, '24-player-offline-reloaded');

      // Back online: the outbox drains, the banner goes, the attempt continues at item 3.
      await context.unroute('**/api/attempts/**');
      await page.reload();
      await page.locator('[data-testid=quiz-item][data-item="3"]').waitFor({ timeout: 30_000 });
      await page.getByTestId('offline-banner').waitFor({ state: 'detached', timeout: 30_000 });
      const token = await page.evaluate(
        async () => (await (await fetch('/api/auth/refresh', { method: 'POST' })).json()).accessToken,
      );
      const attempt = await (
        await fetch(`${server.base}/api/attempts/${attemptId}`, { headers: { Authorization: `Bearer ${token}` } })
      ).json();
      assert.deepEqual(attempt.answered.slice(0, 3), [true, true, false]);
      assert.equal(attempt.currentItem, 3);
      const review = await fetch(`${server.base}/api/attempts/${attemptId}/items/2`, {
        headers: { Authorization: `Bearer ${token}` },
      }).then((r) => r.json());
      assert.equal(review.locked, true);
      assert.equal(review.saved.decision, 'refer', 'item 2 holds the answer given offline');
    },
  );

  await flow(
    'trainee on a 1024-px touch tablet: a tap marks a point, two fingers pinch the document',
    async (page) => {
      await signIn(page, 'trainee04');
      await page
        .getByTestId('assignment')
        .filter({ hasText: 'First-line document check — practice' })
        .getByTestId('start-attempt')
        .click();
      await page.getByTestId('document-viewer').locator('canvas').waitFor();
      const box = await page.getByTestId('document-viewer').boundingBox();
      const c = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
      await page.getByTestId('decision-refer').tap();
      await page.touchscreen.tap(c.x, c.y);
      const marker = page.getByTestId('suspect-marker').first();
      await marker.waitFor();
      const centre = async () => {
        const b = await marker.boundingBox();
        return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
      };
      const m0 = await centre();
      // Two fingers 100 px right of the marker spread apart: the document grows about them, the marker moves left.
      const cdp = await page.context().newCDPSession(page);
      const touch = (type, spread) =>
        cdp.send('Input.dispatchTouchEvent', {
          type,
          touchPoints:
            type === 'touchEnd'
              ? []
              : [
                  { x: c.x + 100 - spread, y: c.y, id: 1 },
                  { x: c.x + 100 + spread, y: c.y, id: 2 },
                ],
        });
      await touch('touchStart', 30);
      for (let spread = 40; spread <= 90; spread += 10) await touch('touchMove', spread);
      await touch('touchEnd', 0);
      await page.waitForTimeout(300);
      const m1 = await centre();
      assert.ok(
        m1.x < m0.x - 50 && Math.abs(m1.y - m0.y) < 3,
        `a pinch zooms about the fingers: ${JSON.stringify({ m0, m1 })}`,
      );
      assert.equal(await page.getByTestId('suspect-marker').count(), 1, 'a pinch places no point');
      await shot(page, '28-player-tablet-pinch');
    },
    { viewport: { width: 1024, height: 768 }, hasTouch: true },
  );

  await flow('trainee in Urdu: My training, lessons and the player right-to-left', async (page) => {
    await signIn(page, 'trainee03');
    await page.getByTestId('assignment').first().waitFor();
    await page.getByRole('button', { name: 'اردو' }).click();
    await page.waitForFunction(() => document.documentElement.getAttribute('dir') === 'rtl');
    assert.deepEqual(await direction(page), { dir: 'rtl', lang: 'ur', computed: 'rtl' });
    await shot(page, '25-trainee-training-ur');

    const practice = page.getByTestId('assignment').filter({ hasText: 'First-line document check — practice' });
    await practice.getByRole('link', { name: /سبق|اسباق/ }).click();
    await page.getByTestId('lesson-feature').first().waitFor();
    await page.waitForTimeout(800);
    assert.equal((await direction(page)).computed, 'rtl');
    await shot(page, '26-lessons-ur');

    await page.goBack();
    await page.getByTestId('assignment').filter({ hasText: '12-second drill' }).getByTestId('start-attempt').click();
    await page.getByTestId('document-viewer').waitFor();
    await page.waitForTimeout(800);
    assert.equal((await direction(page)).computed, 'rtl');
    await shot(page, '27-player-ur');
    await page
      .getByRole('button', { name: 'English' })
      .click()
      .catch(() => undefined);
  });

  await flow('admin in Urdu: users, import errors and audit render right-to-left', async (page) => {
    await signIn(page, 'admin');
    await h1(page, 'Users').waitFor();
    await page.getByRole('button', { name: 'اردو' }).click();
    await h1(page, 'صارفین').waitFor();
    assert.equal((await direction(page)).computed, 'rtl');
    await page.getByRole('table', { name: 'صارفین' }).getByText('Insp. Saadia Karim').waitFor();
    await shot(page, '19-admin-users-ur');

    await page.getByRole('link', { name: 'CSV سے درآمد' }).click();
    await h1(page, 'زیرِ تربیت افسران درآمد کریں').waitFor();
    const bad = [
      'service_number,name,unit,cohort,language',
      'FIA-40001,Constable Sara Javed,NOWHERE,,en',
      'x,Constable Bad Number,ISB-IMM,,en',
    ].join('\n');
    await page.setInputFiles('#import-file', { name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
    await page.getByRole('button', { name: 'جانچیں اور درآمد کریں' }).click();
    await page.getByRole('table', { name: 'فائل میں ملنے والے مسائل' }).waitFor();
    await shot(page, '20-admin-import-errors-ur');

    await page.getByRole('button', { name: 'English' }).click();
    await h1(page, 'Import trainees').waitFor();
    assert.equal((await direction(page)).computed, 'ltr');
    await signOut(page);
  });
  // The reports last: by then the trainee flows above have answered items for them to show.
  await examDayFlows({ flow, signIn, shot, server });
  await reportsFlows({ flow, signIn, signOut, shot, h1, direction });
  await itemAnalysisFlows({ flow, signIn, shot, h1, direction });
  await authoringFlows({ flow, signIn, signOut, shot, h1, server });
  await exerciseFlows({ flow, signIn, shot, h1, direction });
  await previewFlows({ flow, signIn, shot, h1, direction });
  await uploadFlows({ flow, signIn, shot, h1, server });
  await exposureFlows({ flow, signIn, shot, h1, direction, server });
  await itemModelFlows({ flow, signIn, shot, h1, direction });
}

let fatal = null;
try {
  await main();
} catch (err) {
  fatal = err;
  console.error(`e2e: ${err?.stack ?? err}`);
} finally {
  await browser?.close().catch(() => {});
  await server?.stop().catch((err) => console.error(`e2e: stopping the server failed: ${err.message}`));
}
const passed = results.filter((r) => r.ok).length;
const failed = results.length - passed + (fatal ? 1 : 0);
console.log(`screenshots: ${path.relative(process.cwd(), SHOTS) || SHOTS}`);
console.log(`e2e: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);

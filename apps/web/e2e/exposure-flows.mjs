// Browser flow of exposure control: after a trainee has practised (through the API, as a script would harvest), the
// instructor reads on the assessment's module screen how much of its pool the cohort has seen — a bar per cohort —
// and the library's "Seen by" column, in English and right-to-left in Urdu.
import assert from 'node:assert/strict';

const ASSESSMENT = 'First-line assessment — timed';
const PRACTICE = 'First-line document check — practice';

/**
 * Practises the demo practice module once as `username` through the API (Node's fetch: no cookie reaches the
 * browser), answering every item; returns how many items it answered.
 */
async function practiseThroughApi(base, username) {
  const call = async (method, path, token, body, key) => {
    const headers = { 'content-type': 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    if (key) headers['idempotency-key'] = key;
    const res = await fetch(base + path, { method, headers, body: body ? JSON.stringify(body) : undefined });
    assert.ok(res.ok, `${method} ${path}: ${res.status}`);
    return res.status === 204 ? null : res.json();
  };
  const { accessToken: token } = await call('POST', '/api/auth/login', null, { username, password: 'firstline-demo' });
  const practice = (await call('GET', '/api/me/assignments', token)).find((a) => a.module.title === PRACTICE);
  assert.ok(practice, `${username} has the practice module`);
  const attempt = await call('POST', '/api/attempts', token, { assignmentId: practice.id });
  for (let n = 1; n <= attempt.itemCount; n++) {
    await call('GET', `/api/attempts/${attempt.id}/items/${n}`, token);
    const path = `/api/attempts/${attempt.id}/items/${n}/response`;
    await call('PUT', path, token, { decision: 'refer', final: true }, `exposure-flow-${attempt.id}-${n}`);
  }
  await call('POST', `/api/attempts/${attempt.id}/finish`, token);
  return attempt.itemCount;
}

export async function exposureFlows({ flow, signIn, shot, h1, direction, server }) {
  await flow(
    'instructor: exposure control — how much of the assessment pool the cohort has seen, and "Seen by" in the library',
    async (page) => {
      const practised = await practiseThroughApi(server.base, 'trainee03');
      await signIn(page, 'instructor1');
      await page.getByRole('link', { name: 'Modules' }).click();
      await page.getByRole('link', { name: ASSESSMENT }).click();
      await h1(page, ASSESSMENT).waitFor();
      const panel = page.getByTestId('module-exposure');
      await panel.waitFor();
      await panel.getByText(/^Each officer needs \d+ documents they have not seen/).waitFor();
      // The demo library here is small: the assessment shares it with practice, so the cohort has seen part of it.
      const cohort = panel.getByRole('listitem').filter({ hasText: 'Islamabad Intake 2026-A' });
      const bar = cohort.getByRole('img');
      const label = await bar.getAttribute('aria-label');
      const seen = Number(/^(\d+) of (\d+) documents seen/.exec(label)?.[1]);
      assert.ok(seen >= practised, `the bar says ${label}; trainee03 practised ${practised}`);
      await cohort.getByText(/have too few unseen documents|has too few unseen documents/).waitFor();
      // …and the practice module assigned to the same cohort is named as what shows them.
      await panel
        .getByText(
          `“${PRACTICE}”, practice assigned to Islamabad Intake 2026-A, shows the truth of 16 documents of this pool.`,
        )
        .waitFor();
      await panel.scrollIntoViewIfNeeded();
      await shot(page, '95-module-exposure');

      await page.getByRole('button', { name: 'اردو' }).click();
      await page.waitForFunction(() => document.documentElement.getAttribute('dir') === 'rtl');
      assert.equal((await direction(page)).computed, 'rtl');
      await panel.getByText(/ہر افسر کو/).waitFor();
      await panel.scrollIntoViewIfNeeded();
      await shot(page, '96-module-exposure-ur');
      await page.getByRole('button', { name: 'English' }).click();
      await page.waitForFunction(() => document.documentElement.getAttribute('dir') === 'ltr');

      await page.getByRole('link', { name: 'Exercises' }).click();
      const table = page.getByRole('table').first();
      await table.getByRole('columnheader', { name: 'Seen by' }).waitFor();
      const counts = await table.locator('td .fl-num[title$="seen its truth"]').allInnerTexts();
      assert.ok(
        counts.some((c) => Number(c) >= 1),
        `no exercise seen by anyone: ${counts.join(', ')}`,
      );
      await shot(page, '97-library-seen-by');
    },
  );
}

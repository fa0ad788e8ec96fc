#!/usr/bin/env node
// `npm test`: lint (ESLint with the import boundaries, Prettier, knip), build everything, then run every suite in
// turn — the lint rules' own tests, libs (unit), API (unit + e2e on a fresh database),
// web (components), and the browser end-to-end flows in Chromium. Each API/e2e run makes and drops its own
// database on DATABASE_URL's server, or uses an embedded PostgreSQL when DATABASE_URL is unset.
import { spawn } from 'node:child_process';
import fs from 'node:fs';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const browserRequired = process.env.CI === 'true' || process.env.REQUIRE_BROWSER_TESTS === '1';
const skipBuild = process.argv.includes('--no-build');
const skipLint = process.argv.includes('--no-lint');

function run(label, cmd, args) {
  return new Promise((resolve) => {
    process.stdout.write(`\n── ${label} ──\n`);
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    let out = '';
    const tee = (stream) => (d) => {
      out += d;
      stream.write(d);
    };
    child.stdout.on('data', tee(process.stdout));
    child.stderr.on('data', tee(process.stderr));
    child.on('exit', (code) => resolve({ label, code, out }));
  });
}

/**
 * Test counts from jest ("Tests: 1 failed, 20 passed"), vitest ("Tests  20 passed"), our e2e ("e2e: 5 passed,
 * 0 failed") or node's test runner in TAP ("# pass 17", "# fail 0").
 */
function counts(out) {
  // eslint-disable-next-line no-control-regex -- strips the terminal's colour codes (ESC [ … m)
  const plain = out.replace(/\x1b\[[0-9;]*m/g, '');
  let passed = 0;
  let failed = 0;
  for (const line of plain.split('\n')) {
    const tap = /^# (pass|fail) (\d+)$/.exec(line);
    if (tap) {
      if (tap[1] === 'pass') passed += Number(tap[2]);
      else failed += Number(tap[2]);
      continue;
    }
    if (!/^\s*(Tests:?\s|e2e:)/.test(line)) continue;
    passed += Number(/(\d+) passed/.exec(line)?.[1] ?? 0);
    failed += Number(/(\d+) failed/.exec(line)?.[1] ?? 0);
  }
  return { passed, failed };
}

const steps = [
  ['lint rules (tools/eslint)', 'node', ['--test', '--test-reporter=tap', 'tools/eslint/']],
  ['libs/contracts', 'npm', ['test', '-w', 'libs/contracts', '--', '--passWithNoTests']],
  ['libs/scoring', 'npm', ['test', '-w', 'libs/scoring']],
  ['libs/forge', 'npm', ['test', '-w', 'libs/forge']],
  ['apps/api (unit + e2e)', 'npm', ['test', '-w', 'apps/api']],
  ['apps/web (components)', 'npm', ['test', '-w', 'apps/web']],
];

async function main() {
  console.log(
    `FirstLine tests on ${process.env.DATABASE_URL ? 'the PostgreSQL server in DATABASE_URL' : 'an embedded PostgreSQL'}`,
  );
  // A lint error fails the run, but the suites still run so one CI run shows everything that is wrong.
  const results = [];
  if (!skipLint) {
    const lint = await run('lint (ESLint, Prettier, knip)', 'npm', ['run', 'lint']);
    if (lint.code !== 0) console.error('\nlint failed: `npm run format` fixes formatting and import order');
    results.push(lint);
  }
  if (!skipBuild) {
    const build = await run('build', 'npm', ['run', 'build']);
    if (build.code !== 0) {
      console.error('\nbuild failed');
      process.exit(1);
    }
  }
  if (fs.existsSync(CHROMIUM))
    steps.push(['apps/web (browser e2e in Chromium)', 'npm', ['run', 'e2e', '-w', 'apps/web']]);
  else if (browserRequired) {
    console.error(
      `\nChromium not found at ${CHROMIUM}: the browser e2e tests are required here (install Debian's chromium, or set CHROMIUM_PATH)`,
    );
    process.exit(1);
  } else
    console.warn(
      `\nskipping the browser e2e tests: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`,
    );

  for (const [label, cmd, args] of steps) results.push(await run(label, cmd, args));
  let passed = 0;
  let failed = 0;
  console.log('\n── summary ──');
  for (const r of results) {
    const c = counts(r.out);
    passed += c.passed;
    failed += c.failed + (r.code !== 0 && c.failed === 0 ? 1 : 0);
    console.log(
      `${r.code === 0 ? 'ok  ' : 'FAIL'} ${r.label}: ${c.passed} passed, ${c.failed} failed${r.code !== 0 ? ` (exit ${r.code})` : ''}`,
    );
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(results.every((r) => r.code === 0) ? 0 : 1);
}

main();

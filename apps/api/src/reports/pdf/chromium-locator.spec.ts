import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { locateChromium } from './chromium-locator';

describe('locateChromium', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'firstline-chromium-'));
  const browser = path.join(dir, 'chromium');
  const plainFile = path.join(dir, 'not-executable');
  beforeAll(() => {
    fs.writeFileSync(browser, '#!/bin/sh\n', { mode: 0o755 });
    fs.writeFileSync(plainFile, '', { mode: 0o644 });
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('takes CHROMIUM_PATH when it names an executable', () => {
    expect(locateChromium(browser, [])).toEqual({ found: true, path: browser });
  });

  it('says CHROMIUM_PATH is wrong, and how to install Chromium, when it names nothing usable', () => {
    const missing = locateChromium(path.join(dir, 'nope'), [browser]);
    expect(missing.found).toBe(false);
    if (missing.found) return;
    expect(missing.problem).toContain(`CHROMIUM_PATH (${path.join(dir, 'nope')})`);
    expect(missing.problem).toContain('apt-get install chromium');
    expect(missing.problem).toContain('set CHROMIUM_PATH');
  });

  it('falls back to the first executable candidate, skipping missing and non-executable files', () => {
    expect(locateChromium(undefined, [path.join(dir, 'nope'), plainFile, browser])).toEqual({
      found: true,
      path: browser,
    });
  });

  it('lists where it looked when there is no candidate', () => {
    const none = locateChromium(undefined, [path.join(dir, 'a'), path.join(dir, 'b')]);
    expect(none).toEqual({
      found: false,
      problem: expect.stringContaining(`${path.join(dir, 'a')}, ${path.join(dir, 'b')}`),
    });
  });
});

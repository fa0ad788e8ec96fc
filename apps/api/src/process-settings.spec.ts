// The API's process settings are written in three places that must agree: process-settings.ts (which the benchmarks
// start the API with), the root package.json's `npm start` and the Docker image. And Node must take the flags as meant.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { API_ALLOCATOR_ENV, API_NODE_FLAGS, API_PROCESS_ENV } from './process-settings';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const MAIN = 'apps/api/dist/main.js';

/** The Dockerfile's instructions of the final stage, continuation lines joined. */
function finalStage(): string[] {
  const lines = fs
    .readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8')
    .replace(/\\\n/g, ' ')
    .split('\n')
    .filter((l) => l.trim() && !l.trim().startsWith('#'));
  const from = lines.map((l) => l.startsWith('FROM ')).lastIndexOf(true);
  return lines.slice(from);
}

describe('process settings', () => {
  it('npm start runs the API with the flags', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(pkg.scripts.start).toBe(['node', ...API_NODE_FLAGS, MAIN].join(' '));
  });

  it('the Docker image runs the API with the flags and the environment', () => {
    const stage = finalStage();
    const cmd = stage.find((l) => l.startsWith('CMD '));
    expect(JSON.parse(cmd!.slice(4))).toEqual(['node', ...API_NODE_FLAGS, MAIN]);
    const env = Object.fromEntries(
      stage
        .filter((l) => l.startsWith('ENV '))
        .flatMap((l) => l.slice(4).trim().split(/\s+/))
        .map((pair) => pair.split('=') as [string, string]),
    );
    for (const [name, value] of Object.entries({ ...API_PROCESS_ENV, ...API_ALLOCATOR_ENV }))
      expect(env[name]).toBe(value);
  });

  it('the Docker image installs jemalloc and links it where it preloads it from', () => {
    const run = finalStage().find((l) => l.startsWith('RUN ') && l.includes('apt-get install'));
    expect(run).toMatch(/\blibjemalloc2\b/);
    expect(run).toContain(`ln -s`);
    expect(run).toContain(API_ALLOCATOR_ENV.LD_PRELOAD);
  });

  it('Node takes the flags: the heap limit is what the flag says', () => {
    const run = spawnSync(
      process.execPath,
      [...API_NODE_FLAGS, '-p', 'require("node:v8").getHeapStatistics().heap_size_limit'],
      { encoding: 'utf8' },
    );
    expect(run.status).toBe(0);
    const limitMb = Number(run.stdout.trim()) / 2 ** 20;
    const flagMb = Number(/^--max-old-space-size=(\d+)$/.exec(API_NODE_FLAGS[0])![1]);
    // The limit is the old generation's plus the young generation's reservation.
    expect(limitMb).toBeGreaterThanOrEqual(flagMb);
    expect(limitMb).toBeLessThan(flagMb + 128);
  });
});

// Benchmark: the trainee's web app in Chromium (apps/web/e2e/bench-trainee.mjs): JS size and the first image when
// throttled.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const name = 'web';

export async function run(report) {
  const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!fs.existsSync(chromium)) {
    console.log(`web: Chromium not found at ${chromium} — skipped (apt-get install chromium)`);
    return;
  }
  const script = path.join(
    path.dirname(fileURLToPath(import.meta.url)),
    '..',
    '..',
    'apps',
    'web',
    'e2e',
    'bench-trainee.mjs',
  );
  const r = spawnSync(process.execPath, [script], { encoding: 'utf8', maxBuffer: 1 << 22, env: { ...process.env } });
  if (r.status !== 0) {
    console.log(`web: bench failed — ${r.stderr.split('\n').slice(-8).join('\n')}`);
    return;
  }
  for (const line of r.stdout.split('\n').filter((l) => l.startsWith('{'))) {
    const f = JSON.parse(line);
    report(f.name, f.value, f.unit, f.baseline, f.goal);
  }
}

#!/usr/bin/env node
// `npm run bench`: performance figures, each printed with a ratio against a baseline measured in the same run, so
// numbers compare across machines. Not a test: it reports, it does not assert.
//   npm run bench                      every benchmark
//   npm run bench -- --only reports    one, or a comma-separated list of: forge, ingest, storage, web, reports,
//                                      item-analysis, authoring, item-generation, exam, first-start
//   npm run bench -- --json FILE       also write every figure as [{name, value, unit, baseline, ratio, goal}]
import fs from 'node:fs';
import * as authoring from './bench/authoring.mjs';
import * as exam from './bench/exam.mjs';
import * as firstStart from './bench/first-start.mjs';
import * as forge from './bench/forge.mjs';
import * as ingest from './bench/ingest.mjs';
import * as itemAnalysis from './bench/item-analysis.mjs';
import * as itemGeneration from './bench/item-generation.mjs';
import * as reports from './bench/reports.mjs';
import * as storage from './bench/storage.mjs';
import * as web from './bench/trainee-web.mjs';

const BENCHMARKS = [forge, ingest, storage, web, reports, itemAnalysis, authoring, itemGeneration, exam, firstStart];

function parseArgs(argv) {
  const args = { json: null, only: null };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = () => {
      const v = argv[++i];
      if (!v || v.startsWith('--')) throw new Error(`${flag} needs a value`);
      return v;
    };
    if (flag === '--json') args.json = value();
    else if (flag === '--only') args.only = value().split(',');
    else throw new Error(`unknown argument ${flag} (use --only NAME[,NAME] and --json FILE)`);
  }
  const known = BENCHMARKS.map((b) => b.name);
  const unknown = (args.only ?? []).filter((n) => !known.includes(n));
  if (unknown.length) throw new Error(`unknown benchmark ${unknown.join(', ')}; known: ${known.join(', ')}`);
  return args;
}

let args;
try {
  args = parseArgs(process.argv.slice(2));
} catch (e) {
  console.error(`bench: ${e.message}`);
  process.exit(2);
}

const results = [];
function report(name, value, unit, baseline, goal) {
  // A baseline of 0 (no errors, say) has no meaningful ratio: it is printed and written without one.
  const ratio = baseline ? value / baseline : undefined;
  results.push({ name, value, unit, baseline: baseline ?? null, ratio: ratio ?? null, goal: goal ?? null });
  console.log(
    `${name.padEnd(52)} ${value.toFixed(1).padStart(9)} ${unit.padEnd(3)}` +
      (baseline !== undefined ? `  baseline ${baseline.toFixed(1)} ${unit}` : '') +
      (ratio !== undefined ? `  ratio ${ratio.toFixed(2)}` : '') +
      (goal ? `  (goal ${goal})` : ''),
  );
}

for (const bench of BENCHMARKS) {
  if (args.only && !args.only.includes(bench.name)) continue;
  await bench.run(report);
}
console.log(`\n${results.length} figure(s) measured`);
if (args.json) {
  fs.writeFileSync(args.json, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`written to ${args.json}`);
}

#!/usr/bin/env node
// firstline-forge: write seeded batches of specimen documents and forgeries, one folder per instance.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { FRAUD_TYPES, LIGHTS, type FraudType, type Light } from '@firstline/contracts';
import { batchItem, planBatch, type BatchOptions } from './batch';
import { benchGenerateTd3 } from './bench';
import { manifestEntry, type DemoManifestEntry } from './demo';
import type { DocumentFormat } from './identity';
import { writeInstance } from './io';
import { TRAINING_STATE_CODES_FORGE } from './states';

const HELP = `Usage: firstline-forge --out DIR [options]
       (from the repository root: npm run forge -- --out DIR [options])

  --out DIR             folder to write into (one sub-folder per instance, plus batch.json)
  --state CODES         issuing state(s), comma-separated: ${TRAINING_STATE_CODES_FORGE.join(', ')} (default: all)
  --type TYPES          td3, td1 or both, comma-separated (default: td3,td1)
  --count N             number of instances (default: 1)
  --seed S              seed; the same seed gives byte-identical output (default: 1)
  --genuine-ratio R     share of genuine instances, 0–1 (default: 0.5)
  --fraud-types LIST    fraud types for the forged share, comma-separated (default: all):
                        ${FRAUD_TYPES.filter((t) => t !== 'genuine').join(', ')}
  --dpi N               resolution, 50–1200 (default: 600)
  --lights LIST         lights to render, comma-separated (default: all): ${LIGHTS.join(', ')}
  --bench               time one TD3 instance with all lights and print JSON
  --help                this text
`;

class UsageError extends Error {}

function list(value: string | undefined): string[] | undefined {
  return value === undefined
    ? undefined
    : value
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean);
}

function number(
  flag: string,
  value: string | undefined,
  min: number,
  max: number,
  integer: boolean,
): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || (integer && !Number.isInteger(n)) || n < min || n > max) {
    throw new UsageError(
      `--${flag}: expected ${integer ? 'an integer' : 'a number'} from ${min} to ${max}, got "${value}"`,
    );
  }
  return n;
}

export function parseCli(
  argv: string[],
): { help: true } | { bench: true; dpi?: number } | { out: string; batch: BatchOptions; lights?: Light[] } {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        out: { type: 'string' },
        state: { type: 'string' },
        type: { type: 'string' },
        count: { type: 'string' },
        seed: { type: 'string' },
        'genuine-ratio': { type: 'string' },
        'fraud-types': { type: 'string' },
        dpi: { type: 'string' },
        lights: { type: 'string' },
        bench: { type: 'boolean' },
        help: { type: 'boolean' },
      },
      strict: true,
      allowPositionals: false,
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const flags = parsed.values;
  if (flags.help) return { help: true };
  const dpi = number('dpi', flags.dpi, 50, 1200, true);
  if (flags.bench) return { bench: true, dpi };
  if (!flags.out) throw new UsageError('--out: required (the folder to write into)');
  const states = list(flags.state)?.map((s) => s.toUpperCase());
  for (const s of states ?? [])
    if (!TRAINING_STATE_CODES_FORGE.includes(s))
      throw new UsageError(`--state: unknown state "${s}" (expected ${TRAINING_STATE_CODES_FORGE.join(', ')})`);
  const types = list(flags.type)?.map((t) => t.toUpperCase());
  for (const t of types ?? [])
    if (t !== 'TD1' && t !== 'TD3') throw new UsageError(`--type: unknown document type "${t}" (expected td3 or td1)`);
  const fraudTypes = list(flags['fraud-types']);
  for (const t of fraudTypes ?? [])
    if (!FRAUD_TYPES.includes(t as FraudType))
      throw new UsageError(`--fraud-types: unknown fraud type "${t}" (expected ${FRAUD_TYPES.join(', ')})`);
  const lights = list(flags.lights);
  for (const l of lights ?? [])
    if (!LIGHTS.includes(l as Light))
      throw new UsageError(`--lights: unknown light "${l}" (expected ${LIGHTS.join(', ')})`);
  const genuineRatio = number('genuine-ratio', flags['genuine-ratio'], 0, 1, false);
  const count = number('count', flags.count, 1, 100000, true) ?? 1;
  const realFraud = fraudTypes?.filter((t) => t !== 'genuine');
  if (realFraud && realFraud.length === 0 && genuineRatio !== undefined && genuineRatio < 1) {
    throw new UsageError(
      '--fraud-types: no fraud type left for the forged share (use --genuine-ratio 1 for genuine only)',
    );
  }
  const td3Only = (realFraud ?? []).filter((t) => t === 'forged:page-substitution' || t === 'forged:visa-or-stamp');
  if (types && !types.includes('TD3') && td3Only.length)
    throw new UsageError(`--fraud-types: ${td3Only.join(', ')} need --type td3`);
  return {
    out: flags.out,
    lights: lights as Light[] | undefined,
    batch: {
      count,
      seed: flags.seed ?? '1',
      genuineRatio: genuineRatio ?? (realFraud && realFraud.length === 0 ? 1 : 0.5),
      fraudTypes: realFraud as FraudType[] | undefined,
      states,
      types: types as DocumentFormat[] | undefined,
      dpi,
    },
  };
}

export async function runCli(
  argv: string[],
  log: (line: string) => void = (l) => process.stdout.write(`${l}\n`),
): Promise<number> {
  let cmd;
  try {
    cmd = parseCli(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`firstline-forge: ${e.message}\n\n${HELP}`);
      return 2;
    }
    throw e;
  }
  if ('help' in cmd) {
    log(HELP);
    return 0;
  }
  if ('bench' in cmd) {
    log(JSON.stringify(await benchGenerateTd3({ dpi: cmd.dpi })));
    return 0;
  }
  const plan = planBatch(cmd.batch);
  await mkdir(cmd.out, { recursive: true });
  const manifest: DemoManifestEntry[] = [];
  const width = Math.max(4, String(plan.length - 1).length);
  for (let i = 0; i < plan.length; i++) {
    const item = batchItem(cmd.batch, i, plan[i]);
    const folder = String(i).padStart(width, '0');
    await writeInstance(join(cmd.out, folder), item.instance, item.truth, { lights: cmd.lights });
    manifest.push(manifestEntry(folder, item));
    log(`${folder}  ${item.instance.documentType} ${item.instance.state.code}  ${item.truth.fraudType}`);
  }
  await writeFile(join(cmd.out, 'batch.json'), `${JSON.stringify({ options: cmd.batch, items: manifest }, null, 2)}\n`);
  return 0;
}

if (require.main === module) {
  runCli(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e) => {
      process.stderr.write(`firstline-forge: ${(e as Error).stack ?? e}\n`);
      process.exit(1);
    },
  );
}

// The demo library the seeder installs on first start: six specimens (three states × TD3/TD1) and sixty exercises
// covering every fraud type with at least 40 % genuine, all from a fixed seed so every install shows the same.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generateBatch, type BatchItem } from './batch';
import { genuineTruth } from './forgery';
import { renderGenuine } from './instance';
import { writeInstance } from './io';
import { TRAINING_STATE_CODES_FORGE } from './states';
import type { DocumentInstance, GroundTruth } from './types';

export interface DemoLibraryOptions {
  seed?: string;
  /** 200 dpi keeps the library around 0.45 GB; use 600 for print-quality specimens. */
  dpi?: number;
  exercises?: number;
  genuineRatio?: number;
}

export const DEMO_DEFAULTS = { seed: 'firstline-demo', dpi: 200, exercises: 60, genuineRatio: 0.45 } as const;

/** One genuine specimen per state and document type; the TD3 specimens include a visa page with stamps. */
export function demoSpecimens(opts: DemoLibraryOptions = {}): { instance: DocumentInstance; truth: GroundTruth }[] {
  const options = { ...DEMO_DEFAULTS, ...opts };
  return TRAINING_STATE_CODES_FORGE.flatMap((state) =>
    (['TD3', 'TD1'] as const).map((type) => {
      const instance = renderGenuine({
        state,
        type,
        seed: `${options.seed}:specimen`,
        dpi: options.dpi,
        withVisaPage: type === 'TD3',
      });
      return { instance, truth: genuineTruth(instance) };
    }),
  );
}

export function demoExercises(opts: DemoLibraryOptions = {}): BatchItem[] {
  const options = { ...DEMO_DEFAULTS, ...opts };
  return generateBatch({
    count: options.exercises,
    seed: `${options.seed}:exercises`,
    genuineRatio: options.genuineRatio,
    dpi: options.dpi,
  });
}

export interface DemoManifestEntry {
  folder: string;
  id: string;
  state: string;
  documentType: string;
  verdict: string;
  fraudType: string;
}

/** How a manifest (the demo library's, or a CLI batch.json) lists one instance written to folder. */
export function manifestEntry(
  folder: string,
  item: { instance: DocumentInstance; truth: GroundTruth },
): DemoManifestEntry {
  return {
    folder,
    id: item.instance.id,
    state: item.instance.state.code,
    documentType: item.instance.documentType,
    verdict: item.truth.verdict,
    fraudType: item.truth.fraudType,
  };
}

export interface DemoManifest {
  /** RENDER_VERSION of the forge that drew it: a library drawn by older rendering code is drawn again. */
  renderVersion: number;
  options: Required<DemoLibraryOptions>;
  specimens: DemoManifestEntry[];
  exercises: DemoManifestEntry[];
}

const MANIFEST = 'manifest.json';
/** Raised whenever a change to the rendering changes the pictures (2: long header lines are set to fit). */
export const RENDER_VERSION = 2;

/**
 * Write the demo library under dir (specimens/<n>/, exercises/<n>/, manifest.json). Idempotent: when a manifest
 * with the same options exists, nothing is rendered again.
 */
export async function writeDemoLibrary(
  dir: string,
  opts: DemoLibraryOptions = {},
  log: (line: string) => void = () => undefined,
): Promise<DemoManifest> {
  const options = { ...DEMO_DEFAULTS, ...opts };
  try {
    const existing = JSON.parse(await readFile(join(dir, MANIFEST), 'utf8')) as DemoManifest;
    if (existing.renderVersion === RENDER_VERSION && JSON.stringify(existing.options) === JSON.stringify(options))
      return existing;
  } catch {
    // No manifest yet: generate.
  }
  await mkdir(dir, { recursive: true });
  const specimens: DemoManifestEntry[] = [];
  for (const [i, item] of demoSpecimens(options).entries()) {
    const folder = join('specimens', String(i).padStart(2, '0'));
    await writeInstance(join(dir, folder), item.instance, item.truth);
    specimens.push(manifestEntry(folder, item));
    log(`specimen ${folder} ${item.instance.state.code} ${item.instance.documentType}`);
  }
  const exercises: DemoManifestEntry[] = [];
  for (const item of demoExercises(options)) {
    const folder = join('exercises', String(item.index).padStart(3, '0'));
    await writeInstance(join(dir, folder), item.instance, item.truth);
    exercises.push(manifestEntry(folder, item));
    log(`exercise ${folder} ${item.truth.fraudType}`);
  }
  const manifest: DemoManifest = { renderVersion: RENDER_VERSION, options, specimens, exercises };
  // The manifest is written last: its presence means the library is complete.
  await writeFile(join(dir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

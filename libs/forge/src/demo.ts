// The demo library the seeder installs on first start: six specimens (three states × TD3/TD1) and sixty exercises
// covering every fraud type with at least 40 % genuine, all from a fixed seed so every install shows the same.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { batchItem, generateBatch, planBatch, type BatchItem, type BatchOptions } from './batch';
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

export const DEMO_DEFAULTS = { seed: 'firstline-demo', dpi: 200, exercises: 68, genuineRatio: 0.45 } as const;

/** How many specimens the demo library has: one per training state and document type. */
export const DEMO_SPECIMEN_COUNT = TRAINING_STATE_CODES_FORGE.length * 2;

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
  return generateBatch(demoBatch({ ...DEMO_DEFAULTS, ...opts }));
}

/** The batch the demo exercises are drawn from (item i is the same whether drawn alone or with the rest). */
function demoBatch(options: Required<DemoLibraryOptions>): BatchOptions {
  return {
    count: options.exercises,
    seed: `${options.seed}:exercises`,
    genuineRatio: options.genuineRatio,
    dpi: options.dpi,
  };
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

/** A part of the demo library, handed to `onPart` as soon as it is on disk. */
export interface DemoLibraryPart {
  /** 0: the specimens and the first `firstPart` exercises; 1: the remaining exercises. */
  index: 0 | 1;
  specimens: DemoManifestEntry[];
  exercises: DemoManifestEntry[];
}

export interface DemoLibraryHooks {
  /** One line per document drawn. */
  log?: (line: string) => void;
  /** How many exercises are drawn with the specimens, before the rest (default: all of them). */
  firstPart?: number;
  /**
   * Awaited after each document is on disk, before the next is drawn, so its images can be put to use (and
   * processed) while the next is drawn. Called for every document of a library drawn earlier, too.
   */
  onDocument?: (kind: 'specimen' | 'exercise', entry: DemoManifestEntry) => Promise<void>;
  /**
   * Awaited after each part is on disk and before the next is drawn, so a first part can be put to use while the
   * rest is still to come (the seeder publishes the practice modules from it). Called for both parts of a library
   * drawn earlier, too.
   */
  onPart?: (part: DemoLibraryPart) => Promise<void>;
}

/**
 * Write the demo library under dir (specimens/<n>/, exercises/<n>/, manifest.json) in two parts: the specimens and
 * the first `firstPart` exercises, then the rest. Idempotent: when a manifest with the same options exists, nothing
 * is rendered again.
 */
export async function writeDemoLibrary(
  dir: string,
  opts: DemoLibraryOptions = {},
  hooks: DemoLibraryHooks = {},
): Promise<DemoManifest> {
  const options = { ...DEMO_DEFAULTS, ...opts };
  const log = hooks.log ?? (() => undefined);
  const onPart = hooks.onPart ?? (async () => undefined);
  const onDocument = hooks.onDocument ?? (async () => undefined);
  const split = Math.min(options.exercises, Math.max(0, hooks.firstPart ?? options.exercises));
  const existing = await readManifest(dir);
  if (existing?.renderVersion === RENDER_VERSION && JSON.stringify(existing.options) === JSON.stringify(options)) {
    const parts = [existing.exercises.slice(0, split), existing.exercises.slice(split)];
    for (const entry of existing.specimens) await onDocument('specimen', entry);
    for (const entry of parts[0]) await onDocument('exercise', entry);
    await onPart({ index: 0, specimens: existing.specimens, exercises: parts[0] });
    for (const entry of parts[1]) await onDocument('exercise', entry);
    await onPart({ index: 1, specimens: [], exercises: parts[1] });
    return existing;
  }
  await mkdir(dir, { recursive: true });
  const specimens: DemoManifestEntry[] = [];
  for (const [i, item] of demoSpecimens(options).entries()) {
    const folder = join('specimens', String(i).padStart(2, '0'));
    await writeInstance(join(dir, folder), item.instance, item.truth);
    specimens.push(manifestEntry(folder, item));
    log(`specimen ${folder} ${item.instance.state.code} ${item.instance.documentType}`);
    await onDocument('specimen', specimens[specimens.length - 1]);
  }
  const batch = demoBatch(options);
  const plan = planBatch(batch);
  const drawExercises = async (from: number, to: number): Promise<DemoManifestEntry[]> => {
    const entries: DemoManifestEntry[] = [];
    for (let index = from; index < to; index++) {
      // One at a time: a document's images are written and dropped before the next is drawn.
      const item = batchItem(batch, index, plan[index]);
      const folder = join('exercises', String(index).padStart(3, '0'));
      await writeInstance(join(dir, folder), item.instance, item.truth);
      entries.push(manifestEntry(folder, item));
      log(`exercise ${folder} ${item.truth.fraudType}`);
      await onDocument('exercise', entries[entries.length - 1]);
    }
    return entries;
  };
  const first = await drawExercises(0, split);
  await onPart({ index: 0, specimens, exercises: first });
  const rest = await drawExercises(split, options.exercises);
  const manifest: DemoManifest = { renderVersion: RENDER_VERSION, options, specimens, exercises: [...first, ...rest] };
  // The manifest is written last: its presence means the library is complete.
  await writeFile(join(dir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  await onPart({ index: 1, specimens: [], exercises: rest });
  return manifest;
}

async function readManifest(dir: string): Promise<DemoManifest | null> {
  try {
    return JSON.parse(await readFile(join(dir, MANIFEST), 'utf8')) as DemoManifest;
  } catch {
    return null; // no manifest yet: the library is drawn
  }
}

import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FRAUD_TYPES } from '@firstline/contracts';
import { demoExercises, demoSpecimens, RENDER_VERSION, writeDemoLibrary, type DemoLibraryPart } from './demo';

describe('demo library', () => {
  it('plans 6 specimens: 3 states × TD3/TD1, each with its security features', () => {
    const specimens = demoSpecimens({ dpi: 60 });
    expect(specimens.map((s) => `${s.instance.state.code}-${s.instance.documentType}`)).toEqual([
      'UTO-TD3',
      'UTO-TD1',
      'ARC-TD3',
      'ARC-TD1',
      'BRG-TD3',
      'BRG-TD1',
    ]);
    for (const s of specimens) expect(s.instance.features.length).toBeGreaterThan(12);
  });

  it('plans 68 exercises covering every fraud type, ≥ 40 % genuine', () => {
    const exercises = demoExercises({ dpi: 60 });
    expect(exercises).toHaveLength(68);
    expect(new Set(exercises.map((e) => e.truth.fraudType))).toEqual(new Set(FRAUD_TYPES));
    expect(exercises.filter((e) => e.truth.verdict === 'genuine').length / 68).toBeGreaterThanOrEqual(0.4);
  });

  describe('on disk', () => {
    const opts = { dpi: 50, exercises: 2 };
    let dir: string;
    let manifest: string;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'forge-demo-'));
      manifest = join(dir, 'manifest.json');
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('is drawn once and reused', async () => {
      const first = await writeDemoLibrary(dir, opts);
      expect(first.renderVersion).toBe(RENDER_VERSION);
      const drawnAt = statSync(manifest).mtimeMs;
      expect(await writeDemoLibrary(dir, opts)).toEqual(first);
      expect(statSync(manifest).mtimeMs).toBe(drawnAt);
    }, 120_000);

    it('hands over the first part before the rest is drawn, and both parts of a library drawn earlier', async () => {
      const seen: Array<{ index: number; specimens: number; exercises: string[]; restOnDisk: boolean }> = [];
      const documents: string[] = [];
      const onDocument = async (kind: string, entry: { folder: string }) => {
        documents.push(`${kind} ${entry.folder}`);
      };
      const onPart = async (part: DemoLibraryPart) => {
        seen.push({
          index: part.index,
          specimens: part.specimens.length,
          exercises: part.exercises.map((e) => e.folder),
          restOnDisk: existsSync(join(dir, 'exercises', '001')),
        });
      };
      const manifest = await writeDemoLibrary(dir, opts, { firstPart: 1, onPart, onDocument });
      expect(seen).toEqual([
        { index: 0, specimens: 6, exercises: ['exercises/000'], restOnDisk: false },
        { index: 1, specimens: 0, exercises: ['exercises/001'], restOnDisk: true },
      ]);
      // The parts drawn one by one are the batch drawn whole.
      expect(manifest.exercises.map((e) => e.id)).toEqual(demoExercises(opts).map((e) => e.instance.id));
      // Each document is handed over as soon as it is written, the specimens first.
      const order = [
        ...[0, 1, 2, 3, 4, 5].map((i) => `specimen specimens/0${i}`),
        'exercise exercises/000',
        'exercise exercises/001',
      ];
      expect(documents).toEqual(order);
      seen.length = 0;
      documents.length = 0;
      await writeDemoLibrary(dir, opts, { firstPart: 1, onPart, onDocument });
      expect(documents).toEqual(order);
      expect(seen.map((p) => [p.index, p.specimens, p.exercises])).toEqual([
        [0, 6, ['exercises/000']],
        [1, 0, ['exercises/001']],
      ]);
    }, 120_000);

    it('is drawn again when it was drawn by older rendering code (or has no version at all)', async () => {
      await writeDemoLibrary(dir, opts);
      const old = JSON.parse(readFileSync(manifest, 'utf8'));
      delete old.renderVersion;
      writeFileSync(manifest, JSON.stringify(old));
      expect((await writeDemoLibrary(dir, opts)).renderVersion).toBe(RENDER_VERSION);
      expect(JSON.parse(readFileSync(manifest, 'utf8')).renderVersion).toBe(RENDER_VERSION);
    }, 120_000);
  });
});

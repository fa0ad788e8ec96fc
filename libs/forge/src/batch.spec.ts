import { FRAUD_TYPES } from '@firstline/contracts';
import { generateBatch, planBatch } from './batch';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoExercises, demoSpecimens, RENDER_VERSION, writeDemoLibrary } from './demo';

describe('batches', () => {
  it('60 exercises with 40 % genuine cover every fraud type, deterministically', () => {
    const opts = { count: 60, seed: 'demo', genuineRatio: 0.4, dpi: 100 };
    const items = generateBatch(opts);
    expect(items).toHaveLength(60);
    const types = new Set(items.map((i) => i.truth.fraudType));
    for (const t of FRAUD_TYPES) expect(types).toContain(t);
    expect(items.filter((i) => i.truth.verdict === 'genuine').length).toBeGreaterThanOrEqual(24);
    const states = new Set(items.map((i) => i.instance.state.code));
    for (const s of ['UTO', 'ARC', 'BRG']) expect(states).toContain(s);
    const again = generateBatch(opts);
    expect(again.map((i) => [i.instance.id, i.truth.fraudType, i.instance.mrz])).toEqual(items.map((i) => [i.instance.id, i.truth.fraudType, i.instance.mrz]));
  });

  it('honours the requested mix', () => {
    const plan = planBatch({ count: 20, seed: 7, genuineRatio: 0.25, fraudTypes: ['counterfeit', 'forged:page-substitution'], states: ['UTO'], types: ['TD1', 'TD3'] });
    expect(plan.filter((p) => p.fraudType === 'genuine')).toHaveLength(5);
    expect(new Set(plan.map((p) => p.fraudType))).toEqual(new Set(['genuine', 'counterfeit', 'forged:page-substitution']));
    for (const p of plan.filter((x) => x.fraudType === 'forged:page-substitution')) expect(p.type).toBe('TD3');
  });

  it('rejects bad options', () => {
    expect(() => planBatch({ count: 0, seed: 1 })).toThrow(/count/);
    expect(() => planBatch({ count: 3, seed: 1, genuineRatio: 2 })).toThrow(/genuineRatio/);
    expect(() => planBatch({ count: 3, seed: 1, states: ['XXX'] })).toThrow(/unknown state/);
    expect(() => planBatch({ count: 3, seed: 1, fraudTypes: ['forged:page-substitution'], types: ['TD1'] })).toThrow(/TD3/);
    // Without TD3 the default mix leaves out the passport-only fraud types.
    const td1 = generateBatch({ count: 12, seed: 1, genuineRatio: 0, types: ['TD1'], dpi: 60 });
    expect(td1.every((i) => i.instance.documentType === 'TD1' || i.truth.fraudType === 'pseudo')).toBe(true);
    expect(td1.map((i) => i.truth.fraudType)).not.toContain('forged:page-substitution');
  });
});

describe('demo library', () => {
  it('plans 6 specimens (3 states × TD3/TD1) and 60 exercises covering every fraud type, ≥ 40 % genuine', () => {
    const specimens = demoSpecimens({ dpi: 60 });
    expect(specimens.map((s) => `${s.instance.state.code}-${s.instance.documentType}`)).toEqual(['UTO-TD3', 'UTO-TD1', 'ARC-TD3', 'ARC-TD1', 'BRG-TD3', 'BRG-TD1']);
    for (const s of specimens) expect(s.instance.features.length).toBeGreaterThan(12);
    const exercises = demoExercises({ dpi: 60 });
    expect(exercises).toHaveLength(60);
    expect(new Set(exercises.map((e) => e.truth.fraudType))).toEqual(new Set(FRAUD_TYPES));
    expect(exercises.filter((e) => e.truth.verdict === 'genuine').length / 60).toBeGreaterThanOrEqual(0.4);
  });

  it('is drawn once and reused, and drawn again when the options or the rendering code have changed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'forge-demo-'));
    try {
      const opts = { dpi: 50, exercises: 2 };
      const first = await writeDemoLibrary(dir, opts);
      expect(first.renderVersion).toBe(RENDER_VERSION);
      const manifest = join(dir, 'manifest.json');
      const drawnAt = statSync(manifest).mtimeMs;
      expect(await writeDemoLibrary(dir, opts)).toEqual(first);
      expect(statSync(manifest).mtimeMs).toBe(drawnAt);
      // A library drawn by older rendering code (or without a version at all) is drawn again.
      const old = JSON.parse(readFileSync(manifest, 'utf8'));
      delete old.renderVersion;
      writeFileSync(manifest, JSON.stringify(old));
      expect((await writeDemoLibrary(dir, opts)).renderVersion).toBe(RENDER_VERSION);
      expect(JSON.parse(readFileSync(manifest, 'utf8')).renderVersion).toBe(RENDER_VERSION);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

import { FRAUD_TYPES } from '@firstline/contracts';
import { generateBatch, planBatch, type BatchItem } from './batch';

describe('batches', () => {
  const opts = { count: 60, seed: 'demo', genuineRatio: 0.4, dpi: 100 };
  let items: BatchItem[];
  beforeAll(() => {
    items = generateBatch(opts);
  });

  it('60 exercises cover every fraud type', () => {
    expect(items).toHaveLength(60);
    const types = new Set(items.map((i) => i.truth.fraudType));
    for (const t of FRAUD_TYPES) expect(types).toContain(t);
  });

  it('keeps at least the requested 40 % genuine', () => {
    expect(items.filter((i) => i.truth.verdict === 'genuine').length).toBeGreaterThanOrEqual(24);
  });

  it('spreads the items over every training state', () => {
    const states = new Set(items.map((i) => i.instance.state.code));
    for (const s of ['UTO', 'ARC', 'BRG']) expect(states).toContain(s);
  });

  it('is deterministic: the same options give the same batch', () => {
    const summary = (batch: BatchItem[]): unknown[] =>
      batch.map((i) => [i.instance.id, i.truth.fraudType, i.instance.mrz]);
    expect(summary(generateBatch(opts))).toEqual(summary(items));
  });

  it('honours the requested mix', () => {
    const plan = planBatch({
      count: 20,
      seed: 7,
      genuineRatio: 0.25,
      fraudTypes: ['counterfeit', 'forged:page-substitution'],
      states: ['UTO'],
      types: ['TD1', 'TD3'],
    });
    expect(plan.filter((p) => p.fraudType === 'genuine')).toHaveLength(5);
    const types = new Set(plan.map((p) => p.fraudType));
    expect(types).toEqual(new Set(['genuine', 'counterfeit', 'forged:page-substitution']));
    for (const p of plan.filter((x) => x.fraudType === 'forged:page-substitution')) expect(p.type).toBe('TD3');
  });

  it.each([
    [{ count: 0, seed: 1 }, /count/],
    [{ count: 3, seed: 1, genuineRatio: 2 }, /genuineRatio/],
    [{ count: 3, seed: 1, states: ['XXX'] }, /unknown state/],
    [{ count: 3, seed: 1, fraudTypes: ['forged:page-substitution' as const], types: ['TD1' as const] }, /TD3/],
  ])('rejects bad options %j', (options, message) => {
    expect(() => planBatch(options)).toThrow(message);
  });

  it('without TD3 leaves the passport-only fraud types out of the default mix', () => {
    const td1 = generateBatch({ count: 12, seed: 1, genuineRatio: 0, types: ['TD1'], dpi: 60 });
    expect(td1.every((i) => i.instance.documentType === 'TD1' || i.truth.fraudType === 'pseudo')).toBe(true);
    expect(td1.map((i) => i.truth.fraudType)).not.toContain('forged:page-substitution');
  });
});

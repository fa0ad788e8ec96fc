// Item analysis figures of a module version from its pool's responses: Moodle's statistics (poolItemAnalysis), Rasch
// difficulties of the first-line decision, the Wright map's abilities, and the flags. Pure.
import type { ItemAnalysisRow, ItemFlag, TestStatistics } from '@firstline/contracts';
import { estimateRasch, poolItemAnalysis } from '@firstline/scoring';
import type { PoolResponses } from './item-analysis.repository';

/** One pool item's figures as stored (flags and "current" are decided when read: they depend on settings and edits). */
export interface StoredItemFigures {
  exerciseVersionId: string;
  responses: number;
  facility: number | null;
  sd: number | null;
  randomGuessScore: number | null;
  intendedWeight: number | null;
  effectiveWeight: number | null;
  discriminationIndex: number | null;
  discriminativeEfficiency: number | null;
  raschDifficulty: number | null;
  raschExtreme: 'all-right' | 'all-wrong' | null;
  meanDecisionMs: number | null;
  negativeCovariance: boolean;
  /** An item model's row: its documents drawn and how much their facilities vary (SD, percentage points). */
  itemModel?: { instances: number; facilitySd: number | null };
}

/** What report_item_analyses.result holds. */
export interface StoredAnalysis {
  test: TestStatistics;
  items: StoredItemFigures[];
  abilities: Array<{ ability: number; count: number }>;
  extremeAbilities: { allRight: number; allWrong: number };
}

const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);

/** Abilities are binned to this many logits on the Wright map. */
const ABILITY_BIN = 0.25;

/**
 * The figures of a pool (exercise version ids in pool order; `randomGuess` 0–1 per item) from its finished attempts'
 * responses. Every item is out of 1 mark (an item score is 0–1).
 */
export function computeItemAnalysis(
  pool: readonly string[],
  randomGuess: readonly number[],
  responses: PoolResponses,
): StoredAnalysis {
  const stats = poolItemAnalysis(
    responses.marks,
    pool.map(() => 1),
  );
  const rasch = responses.right.length
    ? estimateRasch(responses.right)
    : { itemDifficulties: pool.map(() => NaN), abilities: [] as number[] };

  const bins = new Map<number, number>();
  let allRight = 0;
  let allWrong = 0;
  for (const a of rasch.abilities) {
    if (a === Infinity) allRight++;
    else if (a === -Infinity) allWrong++;
    else if (Number.isFinite(a)) {
      const bin = Math.round(a / ABILITY_BIN) * ABILITY_BIN;
      bins.set(bin, (bins.get(bin) ?? 0) + 1);
    }
  }

  const items = pool.map((exerciseVersionId, i): StoredItemFigures => {
    const s = stats.items[i]!;
    const b = rasch.itemDifficulties[i]!;
    const drawn = s.responses > 0;
    return {
      exerciseVersionId,
      responses: s.responses,
      facility: s.facility,
      sd: s.sd,
      randomGuessScore: 100 * randomGuess[i]!,
      intendedWeight: s.intendedWeight,
      effectiveWeight: s.effectiveWeight,
      discriminationIndex: s.discriminationIndex,
      discriminativeEfficiency: s.discriminativeEfficiency,
      raschDifficulty: drawn ? finite(b) : null,
      raschExtreme: drawn && b === -Infinity ? 'all-right' : drawn && b === Infinity ? 'all-wrong' : null,
      meanDecisionMs: responses.timeN[i] ? Math.round(responses.timeSum[i]! / responses.timeN[i]!) : null,
      negativeCovariance: s.covarianceWithTotal !== null && s.covarianceWithTotal < 0,
    };
  });

  return {
    test: {
      attempts: stats.attempts,
      mean: stats.averageScore,
      median: stats.medianScore,
      sd: stats.standardDeviation,
      skewness: stats.skewness,
      kurtosis: stats.kurtosis,
      cic: stats.cic,
      errorRatio: stats.errorRatio,
      standardError: stats.standardError,
    },
    items,
    abilities: [...bins.entries()].sort(([a], [b]) => a - b).map(([ability, count]) => ({ ability, count })),
    extremeAbilities: { allRight, allWrong },
  };
}

/**
 * Moodle's flags (see ITEM_FLAGS in the contract). An item under `minResponses` is flagged too few and nothing else
 * is judged; otherwise low efficiency (< 15 %), discrimination under 30 (very likely needs checking) or under 50
 * (likely), and a negative covariance with the total.
 */
export function itemFlags(item: StoredItemFigures, minResponses: number): ItemFlag[] {
  if (item.responses < minResponses) return ['too-few-responses'];
  const flags: ItemFlag[] = [];
  if (item.discriminativeEfficiency !== null && item.discriminativeEfficiency < 15) flags.push('low-efficiency');
  if (item.discriminationIndex !== null) {
    if (item.discriminationIndex < 30) flags.push('very-likely-needs-checking');
    else if (item.discriminationIndex < 50) flags.push('likely-needs-checking');
  }
  if (item.negativeCovariance) flags.push('negative-covariance');
  return flags;
}

/** The figures of a stored item as the contract's row (flags decided now). */
export function itemRow(
  item: StoredItemFigures,
  about: Omit<ItemAnalysisRow, keyof Omit<StoredItemFigures, 'negativeCovariance'> | 'flags'>,
  minResponses: number,
): ItemAnalysisRow {
  const { negativeCovariance: _, ...figures } = item;
  if (!figures.itemModel) delete figures.itemModel;
  return { ...about, ...figures, flags: itemFlags(item, minResponses) };
}

/**
 * How much an item model's documents vary: the number drawn into finished attempts and the sample standard deviation
 * of their facilities in percentage points (null under two documents with responses).
 */
export function instanceVariation(facilities: readonly number[]): { instances: number; facilitySd: number | null } {
  const n = facilities.length;
  if (n < 2) return { instances: n, facilitySd: null };
  const mean = facilities.reduce((a, b) => a + b, 0) / n;
  const variance = facilities.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1);
  return { instances: n, facilitySd: 100 * Math.sqrt(variance) };
}

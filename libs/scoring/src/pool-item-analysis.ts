// Item analysis of a module that draws its items at random from a pool: an attempt sees only some of the items.
import {
  asPercentOf,
  covariance,
  itemStatistics,
  rawItemStatistics,
  testStatistics,
  type ItemAnalysisResult,
  type ItemStatistics,
} from './item-analysis';

export interface PoolItemStatistics extends ItemStatistics {
  /** Attempts that drew the item (its figures are over these). */
  responses: number;
  /** Cov(x, T) in marks (null with < 2 responses): negative means the item pulls against the test (Moodle's flag). */
  covarianceWithTotal: number | null;
}

export interface PoolItemAnalysisResult extends Omit<ItemAnalysisResult, 'items'> {
  items: PoolItemStatistics[];
  /** Slots per attempt (items drawn into each); null when attempts drew different numbers of items. */
  slots: number | null;
}

/**
 * Moodle's quiz statistics for a pool: `marks` is attempts × pool items, `null` where the item was not drawn into
 * that attempt, item i out of `maxMarks[i]`. The definition, chosen so that with no null it is exactly
 * `itemAnalysis` (same sums in the same order):
 *
 * - **Per item**, over the attempts that drew it only: facility, SD, discrimination index (correlation with the rest
 *   of *that attempt's* total), discriminative efficiency, and Cov(x, T) for the effective weight (T: the attempt's
 *   total in marks; the √Cov of the items with Cov ≥ 0 share 100 %, as in Moodle). Intended weight: the item's max
 *   mark as a share of the maximum of the attempts that drew it (their mean when they differ).
 * - **Test level**, over the attempts' totals as a share of each attempt's own maximum (Σ max marks of the items it
 *   drew): when every attempt has the same maximum M the figures are computed in marks and shown as % of M, as
 *   `itemAnalysis` does; otherwise each total is first rescaled to % of its attempt's maximum (M = 100).
 * - **CIC over attempt slots** (as Moodle does for random questions): slot k of an attempt is the k-th item it drew
 *   in pool order, Σ V(x_i) runs over the slots (marks rescaled as the totals are), p = slots per attempt. Attempts
 *   that drew different numbers of items leave the CIC (and error ratio, standard error) blank.
 *
 * An item no attempt drew has no figures (null) and 0 responses. Every attempt must have drawn at least one item.
 */
export function poolItemAnalysis(
  marks: readonly (readonly (number | null)[])[],
  maxMarks: readonly number[],
): PoolItemAnalysisResult {
  const p = maxMarks.length;
  maxMarks.forEach((m, i) => {
    if (!Number.isFinite(m) || m < 0) throw new RangeError(`maxMarks[${i}] must be a finite number ≥ 0, got ${m}`);
  });
  marks.forEach((row, a) => {
    if (row.length !== p) throw new RangeError(`marks[${a}] has ${row.length} items, expected ${p}`);
    let drawn = 0;
    row.forEach((v, i) => {
      if (v === null) return;
      drawn++;
      if (typeof v !== 'number' || !Number.isFinite(v))
        throw new RangeError(`marks[${a}][${i}] must be finite or null, got ${v}`);
    });
    if (drawn === 0) throw new RangeError(`marks[${a}] draws no item`);
  });

  const s = marks.length;
  // Totals summed in item order, as itemAnalysis does (0 + x₀ + x₁ + …), skipping what was not drawn.
  const totals = marks.map((row) => row.reduce<number>((sum, v) => (v === null ? sum : sum + v), 0));
  const maxima = marks.map((row) => row.reduce<number>((sum, v, i) => (v === null ? sum : sum + maxMarks[i]!), 0));

  const raw = maxMarks.map((maxMark, i) => {
    const x: number[] = [];
    const t: number[] = [];
    for (let a = 0; a < s; a++) {
      const v = marks[a]![i];
      if (v === null || v === undefined) continue;
      x.push(v);
      t.push(totals[a]!);
    }
    return rawItemStatistics(x, t, maxMark);
  });
  const responses = maxMarks.map((_, i) => marks.reduce((n, row) => (row[i] === null ? n : n + 1), 0));
  const intendedWeights = maxMarks.map((maxMark, i) => {
    const of = maxima.filter((_, a) => marks[a]![i] !== null);
    if (!of.length) return null;
    if (of.every((m) => m === of[0])) return asPercentOf(maxMark, of[0]!);
    const shares = of.map((m) => asPercentOf(maxMark, m));
    return shares.some((v) => v === null) ? null : shares.reduce<number>((sum, v) => sum + v!, 0) / shares.length;
  });
  const items = itemStatistics(raw, intendedWeights).map((item, i) => ({
    ...item,
    responses: responses[i]!,
    covarianceWithTotal: raw[i]!.covTotal,
  }));

  // Test level: in marks when every attempt has the same maximum, else as % of each attempt's maximum.
  const sameMaximum = s === 0 || maxima.every((m) => m === maxima[0]);
  const scale = (v: number, a: number) => (sameMaximum ? v : maxima[a] === 0 ? 0 : (100 * v) / maxima[a]!);
  const scaledTotals = totals.map((t, a) => scale(t, a));
  const maxTotal = s === 0 ? maxMarks.reduce((sum, m) => sum + m, 0) : sameMaximum ? maxima[0]! : 100;

  const slotRows = marks.map((row, a) => row.flatMap((v) => (v === null ? [] : [scale(v, a)])));
  const slotCount = slotRows.length ? slotRows[0]!.length : p;
  const slots = slotRows.every((r) => r.length === slotCount) ? slotCount : null;
  let sumOfSlotVariance: number | null = null;
  if (slots !== null && s > 1) {
    sumOfSlotVariance = 0;
    for (let k = 0; k < slots; k++) {
      const x = slotRows.map((r) => r[k]!);
      sumOfSlotVariance += covariance(x, x);
    }
  }
  return {
    attempts: s,
    items,
    slots,
    ...testStatistics(scaledTotals, maxTotal, sumOfSlotVariance, slots ?? 0),
  };
}

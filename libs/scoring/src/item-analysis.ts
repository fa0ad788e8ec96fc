// Classical item analysis with Moodle's quiz-statistics definitions (docs.moodle.org/dev/Quiz_statistics_calculations,
// as implemented in question/classes/statistics/questions/calculator.php
// and mod/quiz/report/statistics/classes/calculator.php).

export interface ItemStatistics {
  /** Facility index F = 100 · mean mark / max mark (%). Null when the max mark is 0 or there are no attempts. */
  facility: number | null;
  /** Standard deviation of the item's marks (n − 1 denominator) as a % of its max mark. Null with < 2 attempts. */
  sd: number | null;
  /** Intended weight: 100 · max mark / Σ max marks (%). */
  intendedWeight: number | null;
  /** Effective weight 100 · √Cov(x, T) / Σ √Cov(x_j, T) over items with Cov ≥ 0 (%). Null when Cov(x, T) < 0. */
  effectiveWeight: number | null;
  /** Discrimination index: 100 · Pearson correlation of the item with the rest of the test (total − item) (%). */
  discriminationIndex: number | null;
  /** Discriminative efficiency: 100 · Cov(x, rest) / Cov_max(x, rest), Cov_max pairing both sorted ascending (%). */
  discriminativeEfficiency: number | null;
}

export interface ItemAnalysisResult {
  /** Number of attempts (rows). */
  attempts: number;
  items: ItemStatistics[];
  /** Mean total as a % of the maximum total. */
  averageScore: number | null;
  /** Median total as a % of the maximum total. */
  medianScore: number | null;
  /** SD of totals (n − 1) as a % of the maximum total. */
  standardDeviation: number | null;
  /** Sample skewness k3 / k2^1.5 (needs ≥ 3 attempts). */
  skewness: number | null;
  /** Sample excess kurtosis k4 / k2² (needs ≥ 4 attempts). */
  kurtosis: number | null;
  /** Coefficient of internal consistency (Cronbach's α) ×100: 100·p/(p−1)·(1 − Σ V(x_i) / V(T)) (%). */
  cic: number | null;
  /** Error ratio 100 · √(1 − CIC/100) (%). */
  errorRatio: number | null;
  /** Standard error of measurement, errorRatio · SD(T) / 100, as a % of the maximum total (as Moodle shows it). */
  standardError: number | null;
  /** The same test-level figures in marks. */
  marks: {
    maximum: number;
    average: number | null;
    median: number | null;
    standardDeviation: number | null;
    standardError: number | null;
  };
}

export const mean = (values: readonly number[]): number => values.reduce((sum, v) => sum + v, 0) / values.length;

const isConstant = (values: readonly number[]): boolean => values.every((v) => v === values[0]);

/**
 * Sample covariance Σ (x − x̄)(y − ȳ) / (n − 1), computed as (n·Σxy − Σx·Σy) / (n(n − 1)): for marks on a binary
 * grid (whole, half, quarter marks) every term is exact, so the sign of a zero covariance cannot depend on the
 * order of the attempts. Exactly 0 when either series is constant.
 */
export function covariance(x: readonly number[], y: readonly number[]): number {
  if (isConstant(x) || isConstant(y)) return 0;
  const n = x.length;
  let sumX = 0;
  let sumY = 0;
  let sumXY = 0;
  for (let i = 0; i < n; i++) {
    sumX += x[i]!;
    sumY += y[i]!;
    sumXY += x[i]! * y[i]!;
  }
  const value = (n * sumXY - sumX * sumY) / (n * (n - 1));
  return x === y ? Math.max(0, value) : value; // a variance cannot round below 0
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 0 ? (sorted[mid - 1]! + sorted[mid]!) / 2 : sorted[mid]!;
}

export const asPercentOf = (value: number | null, maximum: number): number | null =>
  value === null || maximum === 0 ? null : (100 * value) / maximum;

/**
 * Item and test statistics for `marks` (attempts × items) where item i is out of `maxMarks[i]`.
 * Every attempt is taken to have a mark for every item (omitted = 0). Values Moodle would leave blank are null.
 */
export function itemAnalysis(marks: readonly (readonly number[])[], maxMarks: readonly number[]): ItemAnalysisResult {
  const p = maxMarks.length;
  maxMarks.forEach((m, i) => {
    if (!Number.isFinite(m) || m < 0) throw new RangeError(`maxMarks[${i}] must be a finite number ≥ 0, got ${m}`);
  });
  marks.forEach((row, a) => {
    if (row.length !== p) throw new RangeError(`marks[${a}] has ${row.length} items, expected ${p}`);
    row.forEach((v, i) => {
      if (typeof v !== 'number' || !Number.isFinite(v))
        throw new RangeError(`marks[${a}][${i}] must be finite, got ${v}`);
    });
  });

  const s = marks.length;
  const maxTotal = maxMarks.reduce((sum, m) => sum + m, 0);
  const totals = marks.map((row) => row.reduce((sum, v) => sum + v, 0));

  const raw = maxMarks.map((maxMark, i) =>
    rawItemStatistics(
      marks.map((row) => row[i]!),
      totals,
      maxMark,
    ),
  );
  const items = itemStatistics(
    raw,
    maxMarks.map((maxMark) => asPercentOf(maxMark, maxTotal)),
  );
  const sumOfMarkVariance = raw.reduce((sum, r) => sum + (r.variance ?? 0), 0);
  return { attempts: s, items, ...testStatistics(totals, maxTotal, sumOfMarkVariance, p) };
}

/** An item's sums before they become Moodle's percentages (what the pool analysis shares with the full one). */
export interface RawItemStatistics {
  maxMark: number;
  facility: number | null;
  sd: number | null;
  variance: number | null;
  cov: number | null;
  covMax: number | null;
  covTotal: number | null;
  restVariance: number | null;
}

/**
 * Per-item raw statistics (calculator.php: initial_question_walker, secondary_steps_walker,
 * secondary_question_walker): the item's marks `x` and the totals of the same attempts, in the same order.
 */
export function rawItemStatistics(x: readonly number[], totals: readonly number[], maxMark: number): RawItemStatistics {
  const s = x.length;
  const rest = x.map((v, a) => totals[a]! - v);
  // What cannot be computed without at least two attempts.
  const unavailable = { sd: null, variance: null, cov: null, covMax: null, covTotal: null, restVariance: null };
  if (s === 0) return { maxMark, facility: null, ...unavailable };
  const facility = maxMark === 0 ? null : mean(x) / maxMark;
  if (s < 2) return { maxMark, facility, ...unavailable };
  const variance = covariance(x, x);
  const restVariance = covariance(rest, rest);
  const cov = covariance(x, rest);
  const xSorted = [...x].sort((a, b) => a - b);
  const restSorted = [...rest].sort((a, b) => a - b);
  const covMax = covariance(xSorted, restSorted);
  const covTotal = covariance(x, totals);
  return { maxMark, facility, sd: Math.sqrt(variance), variance, cov, covMax, covTotal, restVariance };
}

/** Moodle's shown item figures from the raw ones; `intendedWeights` already in %. */
export function itemStatistics(
  raw: readonly RawItemStatistics[],
  intendedWeights: readonly (number | null)[],
): ItemStatistics[] {
  // Effective weight (calculator.php: calculate): only items whose covariance with the total is ≥ 0 share the 100%.
  const sumRootCovTotal = raw.reduce(
    (sum, r) => (r.covTotal !== null && r.covTotal >= 0 ? sum + Math.sqrt(r.covTotal) : sum),
    0,
  );
  return raw.map((r, i) => ({
    facility: r.facility === null ? null : 100 * r.facility,
    sd: asPercentOf(r.sd, r.maxMark),
    intendedWeight: intendedWeights[i] ?? null,
    effectiveWeight:
      r.covTotal === null || r.covTotal < 0 || sumRootCovTotal === 0
        ? null
        : (100 * Math.sqrt(r.covTotal)) / sumRootCovTotal,
    discriminationIndex:
      r.cov === null || !r.variance || !r.restVariance ? null : (100 * r.cov) / Math.sqrt(r.variance * r.restVariance),
    discriminativeEfficiency: r.cov === null || !r.covMax ? null : (100 * r.cov) / r.covMax,
  }));
}

/** The test-level part of ItemAnalysisResult. */
export type TestStatisticsResult = Omit<ItemAnalysisResult, 'attempts' | 'items'>;

/**
 * Test statistics (mod/quiz/report/statistics/classes/calculator.php: calculate) of the attempts' `totals`, each out
 * of `maxTotal`; `sumOfMarkVariance` is Σ V(x_i) over the `p` items (or slots) for the CIC, null when it cannot be
 * told (the CIC and what follows from it are then null).
 */
export function testStatistics(
  totals: readonly number[],
  maxTotal: number,
  sumOfMarkVariance: number | null,
  p: number,
): TestStatisticsResult {
  const s = totals.length;
  const totalMean = s > 0 ? mean(totals) : NaN;
  let sdMarks: number | null = null;
  let skewness: number | null = null;
  let kurtosis: number | null = null;
  let cic: number | null = null;
  let errorRatio: number | null = null;
  let standardErrorMarks: number | null = null;
  if (s > 1) {
    const deviations = totals.map((t) => t - totalMean);
    const power = (k: number) => deviations.reduce((sum, d) => sum + d ** k, 0);
    const k2 = covariance(totals, totals);
    sdMarks = Math.sqrt(k2);
    if (s > 2 && k2 !== 0) {
      const m2 = power(2) / s;
      const m3 = power(3) / s;
      const m4 = power(4) / s;
      const k3 = (s * s * m3) / ((s - 1) * (s - 2));
      skewness = k3 / k2 ** 1.5;
      if (s > 3) {
        const k4 = (s * s * ((s + 1) * m4 - 3 * (s - 1) * m2 * m2)) / ((s - 1) * (s - 2) * (s - 3));
        kurtosis = k4 / (k2 * k2);
      }
      if (p > 1 && sumOfMarkVariance !== null) {
        cic = ((100 * p) / (p - 1)) * (1 - sumOfMarkVariance / k2);
        errorRatio = 100 * Math.sqrt(Math.max(0, 1 - cic / 100)); // CIC ≤ 100 (Cauchy–Schwarz); guard rounding
        standardErrorMarks = (errorRatio * sdMarks) / 100;
      }
    }
  }
  const averageMarks = s > 0 ? totalMean : null;
  const medianMarks = s > 0 ? median(totals) : null;

  return {
    averageScore: asPercentOf(averageMarks, maxTotal),
    medianScore: asPercentOf(medianMarks, maxTotal),
    standardDeviation: asPercentOf(sdMarks, maxTotal),
    skewness,
    kurtosis,
    cic,
    errorRatio,
    standardError: asPercentOf(standardErrorMarks, maxTotal),
    marks: {
      maximum: maxTotal,
      average: averageMarks,
      median: medianMarks,
      standardDeviation: sdMarks,
      standardError: standardErrorMarks,
    },
  };
}

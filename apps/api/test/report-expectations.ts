// What the reports must say about raw items read back from the review route: counted here, the SDT measures from
// libs/scoring's signalDetection (log-linear correction, Hautus 1995), compared field by field.
import {
  categoryOfFeature,
  REPORT_PLACES,
  type DecisionFigures,
  type FeatureKind,
  type HeatmapDimension,
} from '@firstline/contracts';
import { countOutcomes, signalDetection } from '@firstline/scoring';
import type { RawItem } from './report-dataset';

export const decided = (i: RawItem) => i.decision !== null && !i.late;
export const correct = (i: RawItem) => (i.decision === 'refer') === (i.verdict === 'fraudulent');
const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
function median(xs: number[]): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}
const partScores = (items: RawItem[], part: string) =>
  items.flatMap((i) => i.parts.filter((p) => p.part === part).map((p) => p.score));

/** The figures of these raw items, counted here and put through libs/scoring. */
export function expectedFigures(items: RawItem[]) {
  const d = items.filter(decided);
  const c = countOutcomes(d.map((i) => ({ verdict: i.verdict, decision: i.decision! })));
  const both = c.hits + c.misses > 0 && c.falseAlarms + c.correctRejections > 0;
  const sdt = both ? signalDetection(c, { correction: 'log-linear' }) : null;
  const rate = (a: number, b: number) => (b ? a / b : null);
  return {
    decisions: d.length,
    ...c,
    hitRate: rate(c.hits, c.hits + c.misses),
    falseAlarmRate: rate(c.falseAlarms, c.falseAlarms + c.correctRejections),
    missedForgeryRate: rate(c.misses, c.hits + c.misses),
    needlessReferralRate: rate(c.falseAlarms, c.falseAlarms + c.correctRejections),
    dPrime: sdt?.dPrime ?? null,
    criterion: sdt?.criterion ?? null,
    accuracy: rate(c.hits + c.correctRejections, d.length),
    meanDecisionMs: mean(d.map((i) => i.responseTimeMs!)),
    medianDecisionMs: median(d.map((i) => i.responseTimeMs!)),
    locateAccuracy: mean(partScores(d, 'locate')),
    fraudTypeAccuracy: mean(partScores(d, 'fraudType')),
  };
}

/** The decimals a report gives each figure (REPORT_PLACES); counts are whole. */
const PLACES: Partial<Record<keyof DecisionFigures, number>> = {
  hitRate: REPORT_PLACES.proportion,
  falseAlarmRate: REPORT_PLACES.proportion,
  missedForgeryRate: REPORT_PLACES.proportion,
  needlessReferralRate: REPORT_PLACES.proportion,
  accuracy: REPORT_PLACES.proportion,
  locateAccuracy: REPORT_PLACES.proportion,
  fraudTypeAccuracy: REPORT_PLACES.proportion,
  dPrime: REPORT_PLACES.sensitivity,
  criterion: REPORT_PLACES.sensitivity,
  meanDecisionMs: REPORT_PLACES.milliseconds,
  medianDecisionMs: REPORT_PLACES.milliseconds,
};

/**
 * Each reported figure is the exact one rounded to its places: within half a unit of the last place (the exact
 * figures here and in PostgreSQL may differ in the 15th digit, which a strict comparison of rounded values would not
 * forgive at a tie), and given to no more places than that.
 */
export function expectSame(actual: Record<string, unknown>, expected: Record<string, number | null>, who: string) {
  for (const [key, want] of Object.entries(expected)) {
    const got = actual[key];
    if (want === null) expect({ who, key, got }).toEqual({ who, key, got: null });
    else {
      expect({ who, key, isNumber: typeof got }).toEqual({ who, key, isNumber: 'number' });
      const places = PLACES[key as keyof DecisionFigures] ?? 0;
      const unit = 10 ** -places;
      expect({ who, key, off: Math.abs((got as number) - want) <= unit / 2 + 1e-9 }).toEqual({ who, key, off: true });
      expect({
        who,
        key,
        places: Math.abs((got as number) / unit - Math.round((got as number) / unit)) < 1e-6,
      }).toEqual({ who, key, places: true });
    }
  }
}

/** The values of one heatmap dimension an item has. */
function keysOf(item: RawItem, by: HeatmapDimension): string[] {
  if (by === 'featureCategory') return [...new Set(item.features.map((f) => categoryOfFeature(f as FeatureKind)))];
  if (by === 'light') return [...new Set(item.lights)];
  return [item[by]];
}

export function expectedCells(items: RawItem[], by: HeatmapDimension): Map<string, { items: number; correct: number }> {
  const out = new Map<string, { items: number; correct: number }>();
  for (const item of items.filter(decided))
    for (const key of keysOf(item, by)) {
      const cell = out.get(key) ?? { items: 0, correct: 0 };
      cell.items++;
      if (correct(item)) cell.correct++;
      out.set(key, cell);
    }
  return out;
}

// Cell counts → heatmap columns, rows and an officer's breakdown per dimension. Columns follow the field's own order
// (the taxonomy's categories, lights, fraud types, document types; issuing states alphabetically). Pure.
import {
  DOCUMENT_TYPES,
  FEATURE_CATEGORIES,
  FRAUD_TYPES,
  HEATMAP_DIMENSIONS,
  LIGHTS,
  type HeatmapCell,
  type HeatmapDimension,
} from '@firstline/contracts';
import type { DimensionCellCounts } from './breakdown.repository';
import { heatmapCell } from './report-figures';

const ORDER: Record<HeatmapDimension, readonly string[]> = {
  featureCategory: FEATURE_CATEGORIES,
  fraudType: FRAUD_TYPES,
  light: LIGHTS,
  documentType: DOCUMENT_TYPES,
  issuingState: [],
};

/** The keys in display order: the dimension's own order first, anything else after it alphabetically. */
export function orderedKeys(by: HeatmapDimension, keys: Iterable<string>): string[] {
  const order = ORDER[by];
  const rank = (k: string) => {
    const i = order.indexOf(k);
    return i < 0 ? order.length : i;
  };
  return [...new Set(keys)].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** One cell per column; a column with nothing behind it is an empty cell (0 items, proportion null). */
export function cellsFor(columns: string[], counts: Map<string, { items: number; correct: number }> | undefined) {
  return columns.map((key) => {
    const c = counts?.get(key);
    return heatmapCell(key, c?.items ?? 0, c?.correct ?? 0);
  });
}

/** Counts of every dimension → one list of cells per dimension, each in display order. */
export function breakdownOf(rows: DimensionCellCounts[]): Array<{ by: HeatmapDimension; cells: HeatmapCell[] }> {
  return HEATMAP_DIMENSIONS.map((by) => {
    const mine = rows.filter((r) => r.by === by);
    const counts = new Map(mine.map((r) => [r.key, r]));
    return { by, cells: cellsFor(orderedKeys(by, counts.keys()), counts) };
  });
}

// Sorting the item analysis table. Items with too few responses are shown but not ranked: on any figure that judges
// them they sort after the items that can be judged, whatever the direction. Blank figures (Moodle's empty cells)
// sort last; ties keep the pool order.
import type { ItemAnalysisRow } from '@firstline/contracts';

export const ITEM_SORT_KEYS = [
  'position',
  'title',
  'responses',
  'facility',
  'sd',
  'randomGuessScore',
  'intendedWeight',
  'effectiveWeight',
  'discriminationIndex',
  'discriminativeEfficiency',
  'raschDifficulty',
  'meanDecisionMs',
  'flags',
] as const;
export type ItemSortKey = (typeof ITEM_SORT_KEYS)[number];
export type SortDirection = 'asc' | 'desc';
export interface ItemSort {
  key: ItemSortKey;
  dir: SortDirection;
}

/** Keys that are not figures of the item's quality: too-few items rank among the others on them. */
const UNJUDGED: ReadonlySet<ItemSortKey> = new Set(['position', 'title', 'responses']);

/** A header's first click: the items most in need of a look first (lowest discrimination, most flags). */
export const FIRST_DIRECTION: Record<ItemSortKey, SortDirection> = {
  position: 'asc',
  title: 'asc',
  responses: 'asc',
  facility: 'asc',
  sd: 'asc',
  randomGuessScore: 'desc',
  intendedWeight: 'desc',
  effectiveWeight: 'asc',
  discriminationIndex: 'asc',
  discriminativeEfficiency: 'asc',
  raschDifficulty: 'desc',
  meanDecisionMs: 'desc',
  flags: 'desc',
};

export const DEFAULT_ITEM_SORT: ItemSort = { key: 'position', dir: 'asc' };

export const tooFewResponses = (row: Pick<ItemAnalysisRow, 'flags'>) => row.flags.includes('too-few-responses');

/** The flags that say something about the item (too few responses is said apart, by greying the row). */
export const judgedFlags = (row: Pick<ItemAnalysisRow, 'flags'>) => row.flags.filter((f) => f !== 'too-few-responses');

function value(row: ItemAnalysisRow, key: ItemSortKey): number | string | null {
  switch (key) {
    case 'title':
      return row.title;
    case 'flags':
      return judgedFlags(row).length;
    case 'raschDifficulty':
      // Everyone right is as easy as it gets; everyone wrong as hard.
      return row.raschExtreme === 'all-right'
        ? -Infinity
        : row.raschExtreme === 'all-wrong'
          ? Infinity
          : row.raschDifficulty;
    default:
      return row[key];
  }
}

export function sortItems(rows: readonly ItemAnalysisRow[], { key, dir }: ItemSort, locale: string): ItemAnalysisRow[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  const sign = dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    if (!UNJUDGED.has(key) && tooFewResponses(a) !== tooFewResponses(b)) return tooFewResponses(a) ? 1 : -1;
    const va = value(a, key);
    const vb = value(b, key);
    if (va === null || vb === null) return va === vb ? a.position - b.position : va === null ? 1 : -1;
    const order =
      typeof va === 'string' ? collator.compare(va, vb as string) : va === vb ? 0 : va < (vb as number) ? -1 : 1;
    return order === 0 ? a.position - b.position : sign * order;
  });
}

// The Wright map's shared logit scale: officers' abilities and items' difficulties on one axis, whole logits
// around every finite value, at least −3 to +3.
import type { ItemAnalysis } from '@firstline/contracts';

export interface WrightScale {
  min: number;
  max: number;
  /** Whole-logit ticks from min to max. */
  ticks: number[];
}

export function wrightScale(analysis: Pick<ItemAnalysis, 'abilities' | 'items'>): WrightScale {
  const values = [
    ...analysis.abilities.map((a) => a.ability),
    ...analysis.items.flatMap((i) => (i.raschDifficulty === null ? [] : [i.raschDifficulty])),
  ];
  const min = Math.min(-3, Math.floor(Math.min(...values, 0) - 0.5));
  const max = Math.max(3, Math.ceil(Math.max(...values, 0) + 0.5));
  const ticks: number[] = [];
  for (let v = min; v <= max; v++) ticks.push(v);
  return { min, max, ticks };
}

/** Items placed on the map: finite difficulties, everyone-right items at the bottom edge, everyone-wrong at the top. */
export interface ItemMark {
  position: number;
  title: string;
  logit: number;
  extreme: boolean;
}

export function itemMarks(items: ItemAnalysis['items'], scale: WrightScale): ItemMark[] {
  return items.flatMap((i): ItemMark[] => {
    if (i.raschDifficulty !== null)
      return [{ position: i.position, title: i.title, logit: i.raschDifficulty, extreme: false }];
    if (i.raschExtreme === 'all-right')
      return [{ position: i.position, title: i.title, logit: scale.min, extreme: true }];
    if (i.raschExtreme === 'all-wrong')
      return [{ position: i.position, title: i.title, logit: scale.max, extreme: true }];
    return [];
  });
}

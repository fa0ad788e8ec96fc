// Sorting the cohort's officers table. Officers with too few decisions are shown but not ranked: on any figure
// that judges them, they sort after the officers who can be judged, whatever the direction. Missing values last.
import type { OfficerCompetence } from '@firstline/contracts';

export const OFFICER_SORT_KEYS = [
  'name',
  'decisions',
  'missedForgeryRate',
  'needlessReferralRate',
  'dPrime',
  'criterion',
  'meanDecisionMs',
  'locateAccuracy',
  'fraudTypeAccuracy',
  'bestScore',
  'lastActivityAt',
] as const;
export type OfficerSortKey = (typeof OFFICER_SORT_KEYS)[number];
export type SortDirection = 'asc' | 'desc';
export interface OfficerSort {
  key: OfficerSortKey;
  dir: SortDirection;
}

/** Figures that rank an officer's first-line judgement: not to be ranked on with too few decisions. */
const JUDGED: ReadonlySet<OfficerSortKey> = new Set([
  'missedForgeryRate',
  'needlessReferralRate',
  'dPrime',
  'criterion',
  'meanDecisionMs',
  'locateAccuracy',
  'fraudTypeAccuracy',
]);

/** The order a header's first click picks: the worst first for the figures a supervisor hunts for. */
export const FIRST_DIRECTION: Record<OfficerSortKey, SortDirection> = {
  name: 'asc',
  decisions: 'asc',
  missedForgeryRate: 'desc',
  needlessReferralRate: 'desc',
  dPrime: 'asc',
  criterion: 'asc',
  meanDecisionMs: 'desc',
  locateAccuracy: 'asc',
  fraudTypeAccuracy: 'asc',
  bestScore: 'asc',
  lastActivityAt: 'asc',
};

/** The weakest first: lowest d′. */
export const DEFAULT_SORT: OfficerSort = { key: 'dPrime', dir: 'asc' };

function value(o: OfficerCompetence, key: OfficerSortKey): number | string | null {
  switch (key) {
    case 'name':
      return o.name;
    case 'lastActivityAt':
      return o.lastActivityAt ? Date.parse(o.lastActivityAt) : null;
    default:
      return o[key];
  }
}

export function sortOfficers(
  officers: readonly OfficerCompetence[],
  { key, dir }: OfficerSort,
  locale: string,
): OfficerCompetence[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  const byName = (a: OfficerCompetence, b: OfficerCompetence) => collator.compare(a.name, b.name);
  const sign = dir === 'asc' ? 1 : -1;
  return [...officers].sort((a, b) => {
    if (JUDGED.has(key) && a.tooFewDecisions !== b.tooFewDecisions) return a.tooFewDecisions ? 1 : -1;
    const va = value(a, key);
    const vb = value(b, key);
    if (va === null || vb === null) return va === vb ? byName(a, b) : va === null ? 1 : -1;
    const order = typeof va === 'string' ? collator.compare(va, vb as string) : va - (vb as number);
    return order === 0 ? byName(a, b) : sign * order;
  });
}

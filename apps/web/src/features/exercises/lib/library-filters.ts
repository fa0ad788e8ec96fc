// The exercise library's filter bar as state, and the query it sends (GET /exercises). Pure, so it is tested alone.
import type { DocumentType, ExerciseListQuery, FacilityBand, FraudType } from '@firstline/contracts';
import type { ExercisesFilter } from '../api/get-exercises';

export interface LibraryFilters {
  search: string;
  issuingState: string;
  documentType: DocumentType | '';
  fraudType: FraudType | '';
  difficulty: string;
  tag: string;
  facility: FacilityBand | '';
  use: NonNullable<ExerciseListQuery['use']> | '';
  showRetired: boolean;
}

export const NO_FILTERS: LibraryFilters = {
  search: '',
  issuingState: '',
  documentType: '',
  fraudType: '',
  difficulty: '',
  tag: '',
  facility: '',
  use: '',
  showRetired: false,
};

/** The list query for these filters: half-typed values (a two-letter state) are left out rather than sent. */
export function filterQuery(f: LibraryFilters, limit: number, offset: number): ExercisesFilter {
  const state = f.issuingState.trim().toUpperCase();
  const difficulty = Number(f.difficulty);
  const query: ExercisesFilter = { limit, offset };
  if (f.search.trim()) query.q = f.search.trim();
  if (/^[A-Z<]{3}$/.test(state)) query.issuingState = state;
  if (f.documentType) query.documentType = f.documentType;
  if (f.fraudType) query.fraudType = f.fraudType;
  if (Number.isInteger(difficulty) && difficulty >= 1 && difficulty <= 5) query.difficulty = difficulty;
  if (f.tag.trim()) query.tag = f.tag.trim();
  if (f.facility) query.facility = f.facility;
  if (f.use) query.use = f.use;
  if (f.showRetired) query.includeRetired = 'true';
  return query;
}

/** Whether any filter narrows the list (the empty state then says "no matches" rather than "none yet"). */
export const isFiltered = (f: LibraryFilters) =>
  JSON.stringify(filterQuery(f, 0, 0)) !== JSON.stringify({ limit: 0, offset: 0 });

import type { DocumentType, ExerciseListQuery, FacilityBand, FraudType } from '@firstline/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, contract } from '@/lib/api-client';

export const exercisesQueryKey = ['exercises'] as const;

export interface ExercisesFilter {
  q?: string;
  fraudType?: FraudType;
  documentType?: DocumentType;
  issuingState?: string;
  difficulty?: number;
  tag?: string;
  /** 'true': retired exercises too (pool pickers leave it out). */
  includeRetired?: 'true';
  facility?: FacilityBand;
  use?: ExerciseListQuery['use'];
  sort?: ExerciseListQuery['sort'];
  limit?: number;
  offset?: number;
}

export const getExercises = (filter: ExercisesFilter) =>
  api.get('/exercises', { params: { ...filter }, schema: contract((c) => c.Page(c.ExerciseSummary)) });

export const getExercisesQueryOptions = (filter: ExercisesFilter) =>
  queryOptions({
    queryKey: [...exercisesQueryKey, 'list', filter],
    queryFn: () => getExercises(filter),
    placeholderData: keepPreviousData,
  });

export const useExercises = (filter: ExercisesFilter) => useQuery(getExercisesQueryOptions(filter));

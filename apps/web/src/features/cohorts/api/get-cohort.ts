import { CohortView } from '@firstline/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { cohortsQueryKey } from './get-cohorts';

export const getCohort = (cohortId: string) =>
  api.get(`/cohorts/${encodeURIComponent(cohortId)}`, { schema: import.meta.env.DEV ? CohortView : undefined });

export const getCohortQueryOptions = (cohortId: string) =>
  queryOptions({ queryKey: [...cohortsQueryKey, cohortId], queryFn: () => getCohort(cohortId) });

export const useCohort = (cohortId: string) => useQuery(getCohortQueryOptions(cohortId));

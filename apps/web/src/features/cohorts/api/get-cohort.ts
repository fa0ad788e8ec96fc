import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, contract } from '@/lib/api-client';
import { cohortsQueryKey } from './get-cohorts';

export const getCohort = (cohortId: string) =>
  api.get(`/cohorts/${encodeURIComponent(cohortId)}`, { schema: contract((c) => c.CohortView) });

export const getCohortQueryOptions = (cohortId: string) =>
  queryOptions({ queryKey: [...cohortsQueryKey, cohortId], queryFn: () => getCohort(cohortId) });

export const useCohort = (cohortId: string) => useQuery(getCohortQueryOptions(cohortId));

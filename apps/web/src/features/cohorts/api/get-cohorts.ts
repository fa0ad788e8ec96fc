import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, contract } from '@/lib/api-client';

export const cohortsQueryKey = ['cohorts'] as const;

/** Instructor: the cohorts they run; supervisor: their unit's; admin: all. */
export const getCohorts = () => api.get('/cohorts', { schema: contract((c, z) => z.array(c.CohortView)) });

export const getCohortsQueryOptions = () =>
  queryOptions({ queryKey: [...cohortsQueryKey, 'list'], queryFn: getCohorts });

export const useCohorts = () => useQuery(getCohortsQueryOptions());

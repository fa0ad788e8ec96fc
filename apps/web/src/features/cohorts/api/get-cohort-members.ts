import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, contract } from '@/lib/api-client';
import { cohortsQueryKey } from './get-cohorts';

export const getCohortMembers = (cohortId: string) =>
  api.get(`/cohorts/${encodeURIComponent(cohortId)}/members`, { schema: contract((c, z) => z.array(c.UserView)) });

export const getCohortMembersQueryOptions = (cohortId: string) =>
  queryOptions({ queryKey: [...cohortsQueryKey, cohortId, 'members'], queryFn: () => getCohortMembers(cohortId) });

export const useCohortMembers = (cohortId: string) => useQuery(getCohortMembersQueryOptions(cohortId));

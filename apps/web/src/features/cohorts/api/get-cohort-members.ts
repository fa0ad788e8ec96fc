import { UserView } from '@firstline/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';
import { cohortsQueryKey } from './get-cohorts';

export const getCohortMembers = (cohortId: string) =>
  api.get(`/cohorts/${encodeURIComponent(cohortId)}/members`, { schema: import.meta.env.DEV ? z.array(UserView) : undefined });

export const getCohortMembersQueryOptions = (cohortId: string) =>
  queryOptions({ queryKey: [...cohortsQueryKey, cohortId, 'members'], queryFn: () => getCohortMembers(cohortId) });

export const useCohortMembers = (cohortId: string) => useQuery(getCohortMembersQueryOptions(cohortId));

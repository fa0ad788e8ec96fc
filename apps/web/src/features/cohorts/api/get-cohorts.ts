import { CohortView } from '@firstline/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';

export const cohortsQueryKey = ['cohorts'] as const;

/** Instructor: the cohorts they run; supervisor: their unit's; admin: all. */
export const getCohorts = () => api.get('/cohorts', { schema: import.meta.env.DEV ? z.array(CohortView) : undefined });

export const getCohortsQueryOptions = () => queryOptions({ queryKey: [...cohortsQueryKey, 'list'], queryFn: getCohorts });

export const useCohorts = () => useQuery(getCohortsQueryOptions());

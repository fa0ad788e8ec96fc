import { UnitView } from '@firstline/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';

export const unitsQueryKey = ['units'] as const;

/** Admin: all units; supervisor and instructor: their own. */
export const getUnits = () => api.get('/units', { schema: import.meta.env.DEV ? z.array(UnitView) : undefined });

export const getUnitsQueryOptions = () => queryOptions({ queryKey: unitsQueryKey, queryFn: getUnits });

export const useUnits = () => useQuery(getUnitsQueryOptions());

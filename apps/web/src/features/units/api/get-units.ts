import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, contract } from '@/lib/api-client';

export const unitsQueryKey = ['units'] as const;

/** Admin: all units; supervisor and instructor: their own. */
export const getUnits = () => api.get('/units', { schema: contract((c, z) => z.array(c.UnitView)) });

export const getUnitsQueryOptions = () => queryOptions({ queryKey: unitsQueryKey, queryFn: getUnits });

export const useUnits = () => useQuery(getUnitsQueryOptions());

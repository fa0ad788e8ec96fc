import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, contract } from '@/lib/api-client';
import { useUser } from '@/lib/auth';

export const unitsQueryKey = ['units'] as const;

/** Admin: all units; supervisor and instructor: their own. */
export const getUnits = () => api.get('/units', { schema: contract((c, z) => z.array(c.UnitView)) });

export const getUnitsQueryOptions = () => queryOptions({ queryKey: unitsQueryKey, queryFn: getUnits });

export const useUnits = () => useQuery(getUnitsQueryOptions());

/** The units an admin picks the owner of new content from; null for anyone else (their own unit owns it). */
export function useOwnerUnitOptions(): Array<{ value: string; label: string }> | null {
  const isAdmin = useUser().role === 'admin';
  const units = useQuery({ ...getUnitsQueryOptions(), enabled: isAdmin });
  return isAdmin ? (units.data ?? []).map((u) => ({ value: u.id, label: u.name })) : null;
}

import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, contract } from '@/lib/api-client';
import { modulesQueryKey } from './get-modules';

export const moduleQueryKey = (id: string) => [...modulesQueryKey, 'detail', id] as const;

export const getModule = (id: string) => api.get(`/modules/${id}`, { schema: contract((c) => c.ModuleView) });

export const getModuleQueryOptions = (id: string) =>
  queryOptions({ queryKey: moduleQueryKey(id), queryFn: () => getModule(id) });

export const useModule = (id: string) => useQuery(getModuleQueryOptions(id));

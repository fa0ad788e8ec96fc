import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, contract } from '@/lib/api-client';

export const modulesQueryKey = ['modules'] as const;

export const getModules = () => api.get('/modules', { schema: contract((c, z) => z.array(c.ModuleView)) });

export const getModulesQueryOptions = () =>
  queryOptions({ queryKey: [...modulesQueryKey, 'list'], queryFn: getModules });

export const useModules = () => useQuery(getModulesQueryOptions());

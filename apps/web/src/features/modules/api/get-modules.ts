import { ModuleView } from '@firstline/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';

export const modulesQueryKey = ['modules'] as const;

export const getModules = () => api.get('/modules', { schema: import.meta.env.DEV ? z.array(ModuleView) : undefined });

export const getModulesQueryOptions = () => queryOptions({ queryKey: [...modulesQueryKey, 'list'], queryFn: getModules });

export const useModules = () => useQuery(getModulesQueryOptions());

import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, contract } from '@/lib/api-client';
import { specimensQueryKey } from './get-specimens';

export const specimenQueryKey = (id: string) => [...specimensQueryKey, 'detail', id] as const;

export const getSpecimen = (id: string) => api.get(`/specimens/${id}`, { schema: contract((c) => c.SpecimenView) });

export const getSpecimenQueryOptions = (id: string) =>
  queryOptions({ queryKey: specimenQueryKey(id), queryFn: () => getSpecimen(id) });

export const useSpecimen = (id: string, options: { enabled?: boolean } = {}) =>
  useQuery({ ...getSpecimenQueryOptions(id), ...options });

import { SpecimenView } from '@firstline/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { specimensQueryKey } from './get-specimens';

export const specimenQueryKey = (id: string) => [...specimensQueryKey, 'detail', id] as const;

export const getSpecimen = (id: string) => api.get(`/specimens/${id}`, { schema: import.meta.env.DEV ? SpecimenView : undefined });

export const getSpecimenQueryOptions = (id: string) => queryOptions({ queryKey: specimenQueryKey(id), queryFn: () => getSpecimen(id) });

export const useSpecimen = (id: string) => useQuery(getSpecimenQueryOptions(id));

import type { DocumentType } from '@firstline/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, contract } from '@/lib/api-client';

export const specimensQueryKey = ['specimens'] as const;

export interface SpecimensFilter {
  q?: string;
  issuingState?: string;
  documentType?: DocumentType;
  limit?: number;
  offset?: number;
}

export const getSpecimens = (filter: SpecimensFilter) =>
  api.get('/specimens', { params: { ...filter }, schema: contract((c) => c.Page(c.SpecimenSummary)) });

export const getSpecimensQueryOptions = (filter: SpecimensFilter) =>
  queryOptions({
    queryKey: [...specimensQueryKey, 'list', filter],
    queryFn: () => getSpecimens(filter),
    placeholderData: keepPreviousData,
  });

export const useSpecimens = (filter: SpecimensFilter, options: { enabled?: boolean } = {}) =>
  useQuery({ ...getSpecimensQueryOptions(filter), ...options });

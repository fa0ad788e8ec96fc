// Exposure control on the module screen: how much of an assessment's pool its cohorts have seen the truth of.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, contract } from '@/lib/api-client';
import { assignmentsQueryKey } from './assignments';

export const getModuleExposure = (id: string) =>
  api.get(`/modules/${id}/exposure`, { schema: contract((c) => c.ModuleExposure) });

/**
 * Keyed under the assignments (a new assignment adds a cohort) and the published version (publishing changes the
 * pool).
 */
export const getModuleExposureQueryOptions = (id: string, publishedVersionId: string | null) =>
  queryOptions({
    queryKey: [...assignmentsQueryKey, 'exposure', id, publishedVersionId ?? 'draft'],
    queryFn: () => getModuleExposure(id),
  });

export const useModuleExposure = (id: string, publishedVersionId: string | null) =>
  useQuery(getModuleExposureQueryOptions(id, publishedVersionId));

// Item models on the module screen: the latest published version's models and how the generation of each officer's
// own documents goes (waiting, being generated, drawn, failed with the reason).
import type { ModuleItemModels } from '@firstline/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, contract } from '@/lib/api-client';
import { assignmentsQueryKey } from './assignments';

/** While documents are being generated the panel follows them; otherwise nothing changes on its own. */
const GENERATING_POLL_MS = 5000;

export const getModuleItemModels = (id: string) =>
  api.get(`/modules/${id}/item-models`, { schema: contract((c) => c.ModuleItemModels) });

const isGenerating = (status: ModuleItemModels | undefined) => Boolean(status?.models.some((m) => m.generating > 0));

/** Keyed under the assignments (an assignment that opens starts generation) and the published version. */
export const getModuleItemModelsQueryOptions = (id: string, publishedVersionId: string | null) =>
  queryOptions({
    queryKey: [...assignmentsQueryKey, 'item-models', id, publishedVersionId ?? 'draft'],
    queryFn: () => getModuleItemModels(id),
    refetchInterval: (query) => (isGenerating(query.state.data) ? GENERATING_POLL_MS : false),
  });

export const useModuleItemModels = (id: string, publishedVersionId: string | null) =>
  useQuery(getModuleItemModelsQueryOptions(id, publishedVersionId));

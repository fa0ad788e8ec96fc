import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, contract } from '@/lib/api-client';
import { moduleQueryKey } from './get-module';
import { modulesQueryKey } from './get-modules';

/** Freezes the draft as a new version (its pool pinned to the exercises' current versions). */
export const publishModule = (id: string) =>
  api.post(`/modules/${id}/publish`, undefined, { schema: contract((c) => c.ModuleView) });

export function usePublishModule(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => publishModule(id),
    onSuccess: (view) => {
      queryClient.setQueryData(moduleQueryKey(id), view);
      void queryClient.invalidateQueries({ queryKey: [...modulesQueryKey, 'list'] });
    },
  });
}

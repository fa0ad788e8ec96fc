import type { ModuleInput } from '@firstline/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, contract } from '@/lib/api-client';
import { moduleQueryKey } from './get-module';
import { modulesQueryKey } from './get-modules';

export const createModule = (body: ModuleInput) =>
  api.post('/modules', body, { schema: contract((c) => c.ModuleView) });
export const updateModule = (id: string, body: ModuleInput) =>
  api.put(`/modules/${id}`, body, { schema: contract((c) => c.ModuleView) });

/** POST /modules for a new draft, PUT /modules/:id to edit one (published versions stay frozen). */
export function useSaveModule(id: string | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ModuleInput) => (id ? updateModule(id, body) : createModule(body)),
    onSuccess: (view) => {
      queryClient.setQueryData(moduleQueryKey(view.id), view);
      void queryClient.invalidateQueries({ queryKey: [...modulesQueryKey, 'list'] });
    },
  });
}

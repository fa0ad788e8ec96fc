import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { unitsQueryKey } from './get-units';

/** 409 while the unit still has users. */
export const deleteUnit = (id: string) => api.delete(`/units/${encodeURIComponent(id)}`);

export function useDeleteUnit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteUnit,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: unitsQueryKey }),
  });
}

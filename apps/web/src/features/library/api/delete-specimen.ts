import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { specimensQueryKey } from './get-specimens';

export const deleteSpecimen = (id: string) => api.delete(`/specimens/${id}`);

export function useDeleteSpecimen() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteSpecimen,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: specimensQueryKey }),
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { specimenQueryKey } from './get-specimen';
import { specimensQueryKey } from './get-specimens';

export const deleteSpecimenImage = (specimenId: string, imageId: string) =>
  api.delete(`/specimens/${specimenId}/images/${imageId}`);

export function useDeleteSpecimenImage(specimenId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (imageId: string) => deleteSpecimenImage(specimenId, imageId),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: specimenQueryKey(specimenId) });
      void queryClient.invalidateQueries({ queryKey: [...specimensQueryKey, 'list'] });
    },
  });
}

import type { UpdateSpecimenRequest } from '@firstline/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, contract } from '@/lib/api-client';
import { specimenQueryKey } from './get-specimen';
import { specimensQueryKey } from './get-specimens';

export const updateSpecimen = (id: string, body: UpdateSpecimenRequest) =>
  api.patch(`/specimens/${id}`, body, { schema: contract((c) => c.SpecimenView) });

export function useUpdateSpecimen(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateSpecimenRequest) => updateSpecimen(id, body),
    onSuccess: (view) => {
      queryClient.setQueryData(specimenQueryKey(id), view);
      void queryClient.invalidateQueries({ queryKey: [...specimensQueryKey, 'list'] });
    },
  });
}

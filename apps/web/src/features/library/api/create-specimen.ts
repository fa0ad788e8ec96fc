import type { CreateSpecimenRequest } from '@firstline/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, contract } from '@/lib/api-client';
import { specimensQueryKey } from './get-specimens';

export const createSpecimen = (body: CreateSpecimenRequest) =>
  api.post('/specimens', body, { schema: contract((c) => c.SpecimenView) });

export function useCreateSpecimen() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createSpecimen,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: specimensQueryKey }),
  });
}

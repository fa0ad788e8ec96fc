import type { CreateUnitRequest } from '@firstline/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, contract } from '@/lib/api-client';
import { unitsQueryKey } from './get-units';

export const createUnit = (body: CreateUnitRequest) =>
  api.post('/units', body, { schema: contract((c) => c.UnitView) });

export function useCreateUnit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createUnit,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: unitsQueryKey }),
  });
}

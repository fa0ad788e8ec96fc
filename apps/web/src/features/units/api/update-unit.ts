import type { UpdateUnitRequest } from '@firstline/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, contract } from '@/lib/api-client';

export const updateUnit = ({ id, ...body }: UpdateUnitRequest & { id: string }) =>
  api.patch(`/units/${encodeURIComponent(id)}`, body, { schema: contract((c) => c.UnitView) });

export function useUpdateUnit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateUnit,
    // Unit names appear on users and cohorts too.
    onSuccess: () => queryClient.invalidateQueries(),
  });
}

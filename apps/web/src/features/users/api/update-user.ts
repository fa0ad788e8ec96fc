import type { UpdateUserRequest } from '@firstline/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, contract } from '@/lib/api-client';
import { usersQueryKey } from './get-users';

export const updateUser = ({ id, ...body }: UpdateUserRequest & { id: string }) =>
  api.patch(`/users/${encodeURIComponent(id)}`, body, { schema: contract((c) => c.UserView) });

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateUser,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: usersQueryKey });
      void queryClient.invalidateQueries({ queryKey: ['units'] });
    },
  });
}

import { UserView, type UpdateUserRequest } from '@firstline/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { usersQueryKey } from './get-users';

export const updateUser = ({ id, ...body }: UpdateUserRequest & { id: string }) =>
  api.patch(`/users/${encodeURIComponent(id)}`, body, { schema: import.meta.env.DEV ? UserView : undefined });

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

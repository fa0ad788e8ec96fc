import type { CreateUserRequest } from '@firstline/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, contract } from '@/lib/api-client';
import { usersQueryKey } from './get-users';

export const createUser = (body: CreateUserRequest) =>
  api.post('/users', body, { schema: contract((c) => c.UserView) });

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createUser,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: usersQueryKey });
      void queryClient.invalidateQueries({ queryKey: ['units'] }); // user counts
    },
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { usersQueryKey } from './get-users';

/** DELETE deactivates: the account stays for the audit trail and results, but can no longer sign in. */
export const deactivateUser = (id: string) => api.delete(`/users/${encodeURIComponent(id)}`);

export function useDeactivateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deactivateUser,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersQueryKey }),
  });
}

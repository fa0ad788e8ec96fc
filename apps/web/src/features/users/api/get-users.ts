import type { Role } from '@firstline/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, contract } from '@/lib/api-client';

export const usersQueryKey = ['users'] as const;

export interface UsersFilter {
  q?: string;
  role?: Role;
  unitId?: string;
  limit?: number;
  offset?: number;
}

export const getUsers = (filter: UsersFilter) =>
  api.get('/users', { params: { ...filter }, schema: contract((c) => c.Page(c.UserView)) });

export const getUsersQueryOptions = (filter: UsersFilter) =>
  queryOptions({
    queryKey: [...usersQueryKey, 'list', filter],
    queryFn: () => getUsers(filter),
    placeholderData: keepPreviousData,
  });

export const useUsers = (filter: UsersFilter, options: { enabled?: boolean } = {}) =>
  useQuery({ ...getUsersQueryOptions(filter), ...options });

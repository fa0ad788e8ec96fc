// Assignments of module versions to cohorts: list (the API scopes them to the caller's cohorts), create, withdraw.
import type { CreateAssignmentRequest } from '@firstline/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, contract } from '@/lib/api-client';

export const assignmentsQueryKey = ['assignments'] as const;

export const getAssignments = (cohortId?: string) =>
  api.get('/assignments', { params: { cohortId }, schema: contract((c, z) => z.array(c.AssignmentView)) });

export const getAssignmentsQueryOptions = (cohortId?: string) =>
  queryOptions({
    queryKey: [...assignmentsQueryKey, 'list', cohortId ?? 'all'],
    queryFn: () => getAssignments(cohortId),
  });

/** The assignments of one module (any version): the API filters by cohort only, so this filters here. */
export const useModuleAssignments = (moduleId: string) =>
  useQuery({ ...getAssignmentsQueryOptions(), select: (list) => list.filter((a) => a.module.id === moduleId) });

export const createAssignment = (body: CreateAssignmentRequest) =>
  api.post('/assignments', body, { schema: contract((c) => c.AssignmentView) });

export function useCreateAssignment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createAssignment,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: assignmentsQueryKey }),
  });
}

/** 409 when someone in the cohort has already started it. */
export const deleteAssignment = (id: string) => api.delete(`/assignments/${id}`);

export function useDeleteAssignment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteAssignment,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: assignmentsQueryKey }),
  });
}

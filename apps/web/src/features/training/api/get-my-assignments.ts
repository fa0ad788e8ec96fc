// A trainee's assigned modules (GET /me/assignments).
import { MyAssignmentView } from '@firstline/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';

export const getMyAssignments = (): Promise<MyAssignmentView[]> =>
  api.get('/me/assignments', { schema: import.meta.env.DEV ? z.array(MyAssignmentView) : undefined });

export const getMyAssignmentsQueryOptions = () => queryOptions({ queryKey: ['me', 'assignments'], queryFn: getMyAssignments });

export const useMyAssignments = () => useQuery(getMyAssignmentsQueryOptions());

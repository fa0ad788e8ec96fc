// A trainee's assigned modules (GET /me/assignments).
import type { MyAssignmentView } from '@firstline/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, contract } from '@/lib/api-client';

export const getMyAssignments = (): Promise<MyAssignmentView[]> =>
  api.get('/me/assignments', { schema: contract((c, z) => z.array(c.MyAssignmentView)) });

export const getMyAssignmentsQueryOptions = () =>
  queryOptions({ queryKey: ['me', 'assignments'], queryFn: getMyAssignments });

export const useMyAssignments = () => useQuery(getMyAssignmentsQueryOptions());

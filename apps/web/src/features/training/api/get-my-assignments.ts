// A trainee's assigned modules (GET /me/assignments).
import { MyAssignmentView } from '@firstline/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';

const MyAssignments = z.array(MyAssignmentView);

export const getMyAssignments = (): Promise<MyAssignmentView[]> => api.get('/me/assignments', { schema: MyAssignments });

export const getMyAssignmentsQueryOptions = () => queryOptions({ queryKey: ['me', 'assignments'], queryFn: getMyAssignments });

export const useMyAssignments = () => useQuery(getMyAssignmentsQueryOptions());

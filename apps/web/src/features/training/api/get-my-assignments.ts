// A trainee's assigned modules. The endpoint arrives with the training screens; until then a 404 means "none".
import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';
import { isStatus } from '@/lib/errors';

/** Provisional: the fields this screen shows. Replace with the contracts schema once it exists. */
export const AssignmentSummary = z.looseObject({
  id: z.string(),
  title: z.string().optional(),
  moduleTitle: z.string().optional(),
  kind: z.string().optional(),
  status: z.string().optional(),
  dueAt: z.string().nullable().optional(),
});
export type AssignmentSummary = z.infer<typeof AssignmentSummary>;
const Assignments = z.union([z.array(AssignmentSummary), z.object({ items: z.array(AssignmentSummary) }).transform((p) => p.items)]);

export async function getMyAssignments(): Promise<AssignmentSummary[]> {
  try {
    const assignments = await api.get('/me/assignments', { schema: Assignments });
    return Array.isArray(assignments) ? assignments : [];
  } catch (err) {
    if (isStatus(err, 404)) return [];
    throw err;
  }
}

export const getMyAssignmentsQueryOptions = () => queryOptions({ queryKey: ['me', 'assignments'], queryFn: getMyAssignments });

export const useMyAssignments = () => useQuery(getMyAssignmentsQueryOptions());

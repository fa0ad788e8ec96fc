// Specimen study pages of an assignment's module (GET /assignments/:id/lessons).
import type { LessonView } from '@firstline/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, contract } from '@/lib/api-client';

export const getLessons = (assignmentId: string): Promise<LessonView[]> =>
  api.get(`/assignments/${encodeURIComponent(assignmentId)}/lessons`, {
    schema: contract((c, z) => z.array(c.LessonView)),
  });

export const getLessonsQueryOptions = (assignmentId: string) =>
  queryOptions({ queryKey: ['assignments', assignmentId, 'lessons'], queryFn: () => getLessons(assignmentId) });

export const useLessons = (assignmentId: string) => useQuery(getLessonsQueryOptions(assignmentId));

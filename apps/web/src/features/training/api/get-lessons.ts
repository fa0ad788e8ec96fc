// Specimen study pages of an assignment's module (GET /assignments/:id/lessons).
import { LessonView } from '@firstline/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';

export const getLessons = (assignmentId: string): Promise<LessonView[]> =>
  api.get(`/assignments/${encodeURIComponent(assignmentId)}/lessons`, { schema: import.meta.env.DEV ? z.array(LessonView) : undefined });

export const getLessonsQueryOptions = (assignmentId: string) =>
  queryOptions({ queryKey: ['assignments', assignmentId, 'lessons'], queryFn: () => getLessons(assignmentId) });

export const useLessons = (assignmentId: string) => useQuery(getLessonsQueryOptions(assignmentId));

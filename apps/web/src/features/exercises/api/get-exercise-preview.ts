import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, contract } from '@/lib/api-client';
import { exerciseQueryKey } from './get-exercise';

export const exercisePreviewQueryKey = (id: string, versionId?: string) =>
  [...exerciseQueryKey(id), 'preview', versionId ?? 'current'] as const;

/** GET /exercises/:id/preview: the exercise as the trainee's player presents it (no truth); signed image URLs. */
export const getExercisePreview = (id: string, versionId?: string) =>
  api.get(`/exercises/${id}/preview`, { params: { versionId }, schema: contract((c) => c.ExercisePreview) });

export const getExercisePreviewQueryOptions = (id: string, versionId?: string) =>
  // Signed image URLs expire: fetch again rather than keep an old presentation around.
  queryOptions({
    queryKey: exercisePreviewQueryKey(id, versionId),
    queryFn: () => getExercisePreview(id, versionId),
    staleTime: 0,
  });

export const useExercisePreview = (id: string, versionId?: string) =>
  useQuery(getExercisePreviewQueryOptions(id, versionId));

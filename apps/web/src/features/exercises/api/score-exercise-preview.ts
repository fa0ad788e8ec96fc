import type { ItemAnswer } from '@firstline/contracts';
import { useMutation } from '@tanstack/react-query';
import { api, contract } from '@/lib/api-client';

/** POST /exercises/:id/preview/score: the feedback a practice item would give for this answer. Stores nothing. */
export const scoreExercisePreview = (id: string, answer: ItemAnswer, versionId?: string) =>
  api.post(
    `/exercises/${id}/preview/score`,
    { answer },
    { params: { versionId }, schema: contract((c) => c.ExercisePreviewScore) },
  );

export const useScoreExercisePreview = (id: string, versionId?: string) =>
  useMutation({ mutationFn: (answer: ItemAnswer) => scoreExercisePreview(id, answer, versionId) });

// POST /exercises: the exercise made of the uploaded photographs (version 1), opened in the editor afterwards.
import type { ExerciseInput } from '@firstline/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, contract } from '@/lib/api-client';
import { exercisesQueryKey } from './get-exercises';

export const createExercise = (body: ExerciseInput) =>
  api.post('/exercises', body, { schema: contract((c) => c.ExerciseView) });

export function useCreateExercise() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createExercise,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: [...exercisesQueryKey, 'list'] }),
  });
}

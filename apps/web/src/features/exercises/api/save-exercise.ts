import type { ExerciseInput } from '@firstline/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, contract } from '@/lib/api-client';
import { exerciseQueryKey } from './get-exercise';
import { exercisesQueryKey } from './get-exercises';

export const updateExercise = (id: string, body: ExerciseInput) =>
  api.put(`/exercises/${id}`, body, { schema: contract((c) => c.ExerciseView) });

/** PUT /exercises/:id: a new version once the exercise has been used (the API decides). */
export function useSaveExercise(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ExerciseInput) => updateExercise(id, body),
    onSuccess: (view) => {
      queryClient.setQueryData(exerciseQueryKey(view.id), view);
      void queryClient.invalidateQueries({ queryKey: [...exercisesQueryKey, 'list'] });
    },
  });
}

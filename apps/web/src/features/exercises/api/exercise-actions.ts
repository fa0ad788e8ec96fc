// Library actions on one exercise: duplicate (a new exercise, "… (copy)"), retire and restore.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, contract } from '@/lib/api-client';
import { exerciseQueryKey } from './get-exercise';
import { exercisesQueryKey } from './get-exercises';

export type ExerciseAction = 'duplicate' | 'retire' | 'restore';

export const runExerciseAction = (id: string, action: ExerciseAction) =>
  api.post(`/exercises/${id}/${action}`, undefined, { schema: contract((c) => c.ExerciseView) });

export function useExerciseAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action }: { id: string; action: ExerciseAction }) => runExerciseAction(id, action),
    onSuccess: (view) => {
      queryClient.setQueryData(exerciseQueryKey(view.id), view);
      void queryClient.invalidateQueries({ queryKey: [...exercisesQueryKey, 'list'] });
    },
  });
}

import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, contract } from '@/lib/api-client';
import { exercisesQueryKey } from './get-exercises';

export const exerciseQueryKey = (id: string) => [...exercisesQueryKey, 'detail', id] as const;

/** GET /exercises/:id: the current version with its truth and the modules that use it. */
export const getExercise = (id: string) => api.get(`/exercises/${id}`, { schema: contract((c) => c.ExerciseView) });

export const getExerciseQueryOptions = (id: string) =>
  queryOptions({ queryKey: exerciseQueryKey(id), queryFn: () => getExercise(id) });

export const useExercise = (id: string) => useQuery(getExerciseQueryOptions(id));

// One exercise's item analysis in every module version that used it (GET /reports/exercises/:id/item-analysis).
import { useQuery } from '@tanstack/react-query';
import { api, contract } from '@/lib/api-client';
import { reportsQueryKey } from './get-cohort-officers';

export const getExerciseUsage = (exerciseId: string) =>
  api.get(`/reports/exercises/${encodeURIComponent(exerciseId)}/item-analysis`, {
    schema: contract((c) => c.ExerciseUsage),
  });

export const useExerciseUsage = (exerciseId: string) =>
  useQuery({
    queryKey: [...reportsQueryKey, 'exercise-usage', exerciseId],
    queryFn: () => getExerciseUsage(exerciseId),
  });

// The sides an exercise's document has, and the side its truth marks first: the clicks route needs a side named,
// and the heatmap opens on the side where the tell is (GET /exercises/:id, readable by supervisors too).
import { DOCUMENT_SIDES, type DocumentSide } from '@firstline/contracts/vocabulary';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, contract } from '@/lib/api-client';
import { reportsQueryKey } from './get-cohort-officers';

export interface ExerciseSides {
  sides: DocumentSide[];
  /** The side of the first true region, else the first side. */
  initial: DocumentSide;
}

export const getExerciseSides = async (exerciseId: string): Promise<ExerciseSides> => {
  const view = await api.get(`/exercises/${encodeURIComponent(exerciseId)}`, {
    schema: contract((c) => c.ExerciseView),
  });
  const sides = DOCUMENT_SIDES.filter((s) => view.images.some((i) => i.side === s));
  const marked = view.truth.regions.find((r) => sides.includes(r.side))?.side;
  return { sides, initial: marked ?? sides[0] ?? 'data-page' };
};

export const useExerciseSides = (exerciseId: string) =>
  useQuery(
    queryOptions({
      queryKey: [...reportsQueryKey, 'exercise-sides', exerciseId],
      queryFn: () => getExerciseSides(exerciseId),
    }),
  );

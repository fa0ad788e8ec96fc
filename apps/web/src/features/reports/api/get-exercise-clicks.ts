// Where officers clicked on one side of an exercise version, over its true regions and image
// (GET /reports/exercises/:exerciseId/clicks?side&light&versionId&moduleId). The side is always named: the
// API's default (front) is not a side every document has.
import type { DocumentSide, Light } from '@firstline/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, contract } from '@/lib/api-client';
import { reportsQueryKey } from './get-cohort-officers';

export interface ClicksRequest {
  exerciseId: string;
  exerciseVersionId: string;
  moduleId: string;
  side: DocumentSide;
  /** Unset: the first light the side has. */
  light?: Light;
}

export const getExerciseClicks = ({ exerciseId, exerciseVersionId, moduleId, side, light }: ClicksRequest) =>
  api.get(`/reports/exercises/${encodeURIComponent(exerciseId)}/clicks`, {
    params: { side, light, versionId: exerciseVersionId, moduleId },
    schema: contract((c) => c.ExerciseClicks),
  });

export const getExerciseClicksQueryOptions = (request: ClicksRequest) =>
  queryOptions({
    queryKey: [...reportsQueryKey, 'clicks', request],
    queryFn: () => getExerciseClicks(request),
  });

export const useExerciseClicks = (request: ClicksRequest) =>
  useQuery({ ...getExerciseClicksQueryOptions(request), placeholderData: keepPreviousData });

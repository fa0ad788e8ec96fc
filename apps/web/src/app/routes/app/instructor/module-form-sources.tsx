// What the module form picks from — the exercise pool and the lesson specimens — loaded together for the new
// and the edit screens, with one loading and one error state. It composes two features (exercises, library), so it
// lives with the routes that use it rather than in features/modules.
import type { ExerciseSummary, SpecimenSummary } from '@firstline/contracts';
import type { QueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { LoadingBlock, QueryError } from '@/components/ui';
import { getExercisesQueryOptions, useExercises } from '@/features/exercises/api/get-exercises';
import { getSpecimensQueryOptions, useSpecimens } from '@/features/library/api/get-specimens';

/** The picker loads up to this many exercises and specimens at once (the API's page limit). */
const PICKER_LIMIT = 200;
/** Retired exercises too: the form lists one only while the draft still holds it, so it can be taken out. */
const EXERCISE_PICKER = { limit: PICKER_LIMIT, includeRetired: 'true' } as const;

export function prefetchModuleFormSources(queryClient: QueryClient) {
  void queryClient.prefetchQuery(getExercisesQueryOptions(EXERCISE_PICKER));
  void queryClient.prefetchQuery(getSpecimensQueryOptions({ limit: PICKER_LIMIT }));
}

export function ModuleFormSources({
  children,
}: {
  children: (sources: { exercises: ExerciseSummary[]; specimens: SpecimenSummary[] }) => ReactNode;
}) {
  const exercises = useExercises(EXERCISE_PICKER);
  const specimens = useSpecimens({ limit: PICKER_LIMIT });
  if (exercises.isPending || specimens.isPending) return <LoadingBlock />;
  if (exercises.isError || specimens.isError) {
    return (
      <QueryError
        error={exercises.error ?? specimens.error}
        onRetry={() => {
          void exercises.refetch();
          void specimens.refetch();
        }}
      />
    );
  }
  return children({ exercises: exercises.data.items, specimens: specimens.data.items });
}

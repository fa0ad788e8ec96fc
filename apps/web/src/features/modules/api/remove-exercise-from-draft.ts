// Takes one exercise out of a module's draft pool (PUT /modules/:id with the draft as it is, minus that exercise):
// what the item analysis offers for an item that misleads. Published versions stay frozen; officers meet the
// smaller pool once the draft is published.
import type { ModuleInput, ModuleView } from '@firstline/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { getModuleQueryOptions, moduleQueryKey } from './get-module';
import { modulesQueryKey } from './get-modules';
import { updateModule } from './save-module';

/** The draft as a ModuleInput without the exercise (the unit is fixed and not sent). */
export function draftWithout(module: ModuleView, exerciseId: string): ModuleInput {
  return {
    title: module.title,
    description: module.description,
    lessonSpecimenIds: module.lessonSpecimenIds,
    exerciseIds: module.exerciseIds.filter((id) => id !== exerciseId),
    settings: module.settings,
  };
}

export function useRemoveExerciseFromDraft(moduleId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (exerciseId: string) => {
      // The latest draft, not a cached one: another tab may have changed it.
      const module = await queryClient.fetchQuery({ ...getModuleQueryOptions(moduleId), staleTime: 0 });
      if (!module.exerciseIds.includes(exerciseId)) return module;
      return updateModule(moduleId, draftWithout(module, exerciseId));
    },
    onSuccess: (view) => {
      queryClient.setQueryData(moduleQueryKey(view.id), view);
      void queryClient.invalidateQueries({ queryKey: [...modulesQueryKey, 'list'] });
    },
  });
}

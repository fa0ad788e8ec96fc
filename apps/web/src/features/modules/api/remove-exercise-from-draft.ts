// Takes one item out of a module's draft pool — an exercise, or an item model (by its id) — with PUT /modules/:id of
// the draft as it is, minus that item: what the item analysis offers for an item that misleads. Published versions
// stay frozen; officers meet the smaller pool once the draft is published.
import type { ModuleInput, ModuleView } from '@firstline/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { getModuleQueryOptions, moduleQueryKey } from './get-module';
import { modulesQueryKey } from './get-modules';
import { updateModule } from './save-module';

const holds = (module: ModuleView, id: string) =>
  module.exerciseIds.includes(id) || module.itemModels.some((model) => model.id === id);

/** The draft as a ModuleInput without the exercise or item model (the unit is fixed and not sent). */
export function draftWithout(module: ModuleView, id: string): ModuleInput {
  return {
    title: module.title,
    description: module.description,
    lessonSpecimenIds: module.lessonSpecimenIds,
    exerciseIds: module.exerciseIds.filter((x) => x !== id),
    // The others keep their ids: item analysis follows a model across versions by it.
    itemModels: module.itemModels.filter((model) => model.id !== id),
    settings: module.settings,
  };
}

export function useRemoveExerciseFromDraft(moduleId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => {
      // The latest draft, not a cached one: another tab may have changed it.
      const module = await queryClient.fetchQuery({ ...getModuleQueryOptions(moduleId), staleTime: 0 });
      if (!holds(module, id)) return module;
      return updateModule(moduleId, draftWithout(module, id));
    },
    onSuccess: (view) => {
      queryClient.setQueryData(moduleQueryKey(view.id), view);
      void queryClient.invalidateQueries({ queryKey: [...modulesQueryKey, 'list'] });
    },
  });
}

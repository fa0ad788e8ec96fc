import type { FeatureAnnotationInput } from '@firstline/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, contract } from '@/lib/api-client';
import { specimenQueryKey } from './get-specimen';
import { specimensQueryKey } from './get-specimens';

/** PUT /specimens/:id/features: the annotation editor saves the whole list at once. */
export const replaceFeatures = (specimenId: string, features: FeatureAnnotationInput[]) =>
  api.put(`/specimens/${specimenId}/features`, { features }, { schema: contract((c) => c.SpecimenView) });

export function useReplaceFeatures(specimenId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (features: FeatureAnnotationInput[]) => replaceFeatures(specimenId, features),
    onSuccess: (view) => {
      queryClient.setQueryData(specimenQueryKey(specimenId), view);
      void queryClient.invalidateQueries({ queryKey: [...specimensQueryKey, 'list'] });
    },
  });
}

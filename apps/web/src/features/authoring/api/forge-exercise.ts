// Forging an exercise: a preview (nothing stored), the background job that makes it, and the job's progress.
import type { ExerciseJob, ForgeExerciseRequest, ForgeFromSpecimenRequest } from '@firstline/contracts';
import { useMutation, useQuery } from '@tanstack/react-query';
import { api, contract } from '@/lib/api-client';

export const previewForgery = (body: ForgeExerciseRequest) =>
  api.post('/exercises/forge/preview', body, { schema: contract((c) => c.ForgePreview) });

export const startForgery = (body: ForgeExerciseRequest) =>
  api.post('/exercises/forge', body, { schema: contract((c) => c.ExerciseJob) });

export const getExerciseJob = (id: string) =>
  api.get(`/exercise-jobs/${encodeURIComponent(id)}`, { schema: contract((c) => c.ExerciseJob) });

export const usePreviewForgery = () => useMutation({ mutationFn: previewForgery });

export const useStartForgery = () => useMutation({ mutationFn: startForgery });

const ended = (job: ExerciseJob | undefined) => job?.status === 'done' || job?.status === 'failed';

/** A job that has started and not yet ended (the form stays locked meanwhile). */
export const isJobRunning = (job: ExerciseJob | undefined) => job !== undefined && !ended(job);

/** The job, polled every half second until it is done or failed. */
export const useExerciseJob = (id: string | null) =>
  useQuery({
    queryKey: ['exercise-jobs', id],
    queryFn: () => getExerciseJob(id!),
    enabled: id !== null,
    refetchInterval: (query) => (ended(query.state.data) ? false : 500),
  });

export const startSpecimenForgery = (body: ForgeFromSpecimenRequest) =>
  api.post('/exercises/forge-from-specimen', body, { schema: contract((c) => c.ExerciseJob) });

export const useStartSpecimenForgery = () => useMutation({ mutationFn: startSpecimenForgery });

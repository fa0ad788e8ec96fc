// GET /exercises/:id/pool-parts: per module pooling the exercise, the parts most of its other exercises ask (the
// editor warns when this one asks different parts: which parts are asked must not hint at the answer).
import { useQuery } from '@tanstack/react-query';
import { api, contract } from '@/lib/api-client';

export const getPoolParts = (id: string) =>
  api.get(`/exercises/${id}/pool-parts`, { schema: contract((c) => c.ExercisePoolParts) });

export const usePoolParts = (id: string) =>
  useQuery({ queryKey: ['exercises', 'pool-parts', id], queryFn: () => getPoolParts(id) });

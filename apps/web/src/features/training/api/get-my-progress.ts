// A trainee's finished attempts over time (GET /me/progress).
import type { MyProgress } from '@firstline/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, contract } from '@/lib/api-client';

export const getMyProgress = (): Promise<MyProgress> =>
  api.get('/me/progress', { schema: contract((c) => c.MyProgress) });

export const getMyProgressQueryOptions = () => queryOptions({ queryKey: ['me', 'progress'], queryFn: getMyProgress });

export const useMyProgress = () => useQuery(getMyProgressQueryOptions());

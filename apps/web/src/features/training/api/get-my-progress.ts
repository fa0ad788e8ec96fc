// A trainee's finished attempts over time (GET /me/progress).
import { MyProgress } from '@firstline/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

export const getMyProgress = (): Promise<MyProgress> => api.get('/me/progress', { schema: import.meta.env.DEV ? MyProgress : undefined });

export const getMyProgressQueryOptions = () => queryOptions({ queryKey: ['me', 'progress'], queryFn: getMyProgress });

export const useMyProgress = () => useQuery(getMyProgressQueryOptions());

// How far the demo content is (GET /demo-content/status), polled while the first start prepares it.
import type { DemoContentStatus } from '@firstline/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, contract } from '@/lib/api-client';

const POLL_MS = 2000;

export const getDemoContentStatus = (): Promise<DemoContentStatus> =>
  api.get('/demo-content/status', { schema: contract((c) => c.DemoContentStatus) });

export const getDemoContentStatusQueryOptions = () =>
  queryOptions({
    queryKey: ['demo-content', 'status'],
    queryFn: getDemoContentStatus,
    refetchInterval: (query) => (query.state.data?.state === 'preparing' ? POLL_MS : false),
  });

export const useDemoContentStatus = () => useQuery(getDemoContentStatusQueryOptions());

// The trainee's own first-line decisions: missed-forgery and needless-referral rates and weak spots
// (GET /me/competence).
import type { MyCompetence } from '@firstline/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, contract } from '@/lib/api-client';

export const getMyCompetence = (): Promise<MyCompetence> =>
  api.get('/me/competence', { schema: contract((c) => c.MyCompetence) });

export const getMyCompetenceQueryOptions = () =>
  queryOptions({ queryKey: ['me', 'competence'], queryFn: getMyCompetence });

export const useMyCompetence = () => useQuery(getMyCompetenceQueryOptions());

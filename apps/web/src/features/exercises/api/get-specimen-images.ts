// The genuine specimen an exercise was made from, for the integrity check "a forged item has as many images as its
// genuine counterpart". Read only for that count.
import { useQuery } from '@tanstack/react-query';
import { api, contract } from '@/lib/api-client';

export const getSpecimen = (id: string) => api.get(`/specimens/${id}`, { schema: contract((c) => c.SpecimenView) });

export const useSpecimenImageCount = (id: string | null) =>
  useQuery({
    queryKey: ['specimens', 'detail', id ?? ''],
    queryFn: () => getSpecimen(id!),
    enabled: Boolean(id),
    select: (s) => s.images.length,
  });

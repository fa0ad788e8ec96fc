// The genuine specimen an exercise was made from, for the integrity checks "a forged item has as many images as its
// genuine counterpart, of the same pixel sizes". Read only for its images.
import { useQuery } from '@tanstack/react-query';
import { api, contract } from '@/lib/api-client';
import type { SizedImage } from '../lib/exercise-draft';

export const getSpecimen = (id: string) => api.get(`/specimens/${id}`, { schema: contract((c) => c.SpecimenView) });

/**
 * The specimen's images at the desk with their pixel sizes (undefined while loading or without a specimen). UV 254 nm
 * is a second-line lamp: exercises are not shown under it, so its photographs are no counterpart to compare with.
 */
export const useSpecimenImages = (id: string | null) =>
  useQuery({
    queryKey: ['specimens', 'detail', id ?? ''],
    queryFn: () => getSpecimen(id!),
    enabled: Boolean(id),
    select: (s): SizedImage[] =>
      s.images
        .filter((i) => i.light !== 'uv254')
        .map((i) => ({
          side: i.side,
          light: i.light,
          frame: i.frame,
          width: i.asset.width,
          height: i.asset.height,
        })),
  });

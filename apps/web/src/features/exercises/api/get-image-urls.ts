// The signed URLs of an exercise's images (GET /media/:id per asset), for drawing regions on them.
import type { MediaAssetView } from '@firstline/contracts';
import { useQueries } from '@tanstack/react-query';
import { api, contract } from '@/lib/api-client';

export const getMediaAsset = (id: string, signal?: AbortSignal) =>
  api.get(`/media/${id}`, { schema: contract((c) => c.MediaAssetView), signal });

/** Each asset's view by id (absent while loading or when it failed to load). */
export function useImageAssets(assetIds: string[]): Map<string, MediaAssetView> {
  const results = useQueries({
    queries: assetIds.map((id) => ({
      queryKey: ['media', id],
      queryFn: () => getMediaAsset(id),
      // Signed URLs expire; a few minutes is far inside their lifetime.
      staleTime: 5 * 60_000,
    })),
  });
  const found = new Map<string, MediaAssetView>();
  results.forEach((r, i) => r.data && found.set(assetIds[i], r.data));
  return found;
}

import type { MediaAssetView } from '@firstline/contracts';
import { api, contract } from '@/lib/api-client';

/** GET /media/:id: processing status and progress of one image (signed URLs once ready). */
export const getMediaAsset = (id: string, signal?: AbortSignal) =>
  api.get(`/media/${id}`, { schema: contract((c) => c.MediaAssetView), signal });

export const isSettled = (asset: Pick<MediaAssetView, 'status'>) =>
  asset.status === 'ready' || asset.status === 'failed';
